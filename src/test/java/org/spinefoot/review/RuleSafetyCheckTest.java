package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spinefoot.RuleDirs;

/** Issue 11: lint reads what rule code does through the DRL parser. */
class RuleSafetyCheckTest {
  @TempDir Path dir;

  private static String rule(String when, String then) {
    return RuleDirs.HEADER + """
        rule "Probe: r"
            @id("probe-r") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            %s
        then
            %s
        end
        """.formatted(when, then);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "System.exit(0);",
      "System . exit(1);",
      "Runtime.getRuntime().halt(0);",
      "new ProcessBuilder(\"sh\").start();",
      "java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/x\"), \"x\");",
      "new java.io.File(\"/tmp/x\").delete();",
      "new java.net.Socket(\"localhost\", 80);",
      "Class.forName(\"x\");"})
  void dangerousActionsAreFlaggedWithTheirRuleAndLine(String action) {
    List<RuleSafetyCheck.Problem> problems = RuleSafetyCheck.check(rule("Age()", action));
    assertThat(problems).hasSize(1);
    RuleSafetyCheck.Problem p = problems.get(0);
    assertThat(p.check()).isEqualTo("safety");
    assertThat(p.rule()).isEqualTo("Probe: r");
    assertThat(p.line()).isEqualTo(10);
  }

  @Test
  void namesInStringsAndCommentsAndOrdinaryRuleCodeAreNotFlagged() {
    assertThat(RuleSafetyCheck.check(rule("Age( years > 50 )",
        "// System.exit(0)\ninsertLogical(new Finding(kcontext, \"System.exit\", \"File\"));")))
        .isEmpty();
  }

  @Test
  void aConditionsEvalAndAFunctionAreCheckedToo() {
    String drl = RuleDirs.HEADER + """
        function boolean leave() { System.exit(3); return true; }

        rule "Probe: r"
            @id("probe-r") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            Age()
            eval( Runtime.getRuntime() != null )
        then
        end
        """;
    assertThat(RuleSafetyCheck.check(drl)).extracting(RuleSafetyCheck.Problem::message)
        .anySatisfy(m -> assertThat(m).startsWith("function leave uses System.exit"))
        .anySatisfy(m -> assertThat(m).matches("its condition uses (Runtime|getRuntime)\\b.*"));
  }

  @Test
  void anEnumFieldComparedWithTextIsFlagged() {
    List<RuleSafetyCheck.Problem> problems = RuleSafetyCheck.check(
        rule("Numbness( side == \"LEFT\", present )", ""));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.check()).isEqualTo("types");
      assertThat(p.message()).contains("never true").contains("Side.LEFT");
    });
    assertThat(RuleSafetyCheck.check(rule("Observation( sign == \"fever\", present )", "")))
        .as("a sign is its vocabulary key: text").isEmpty();
  }

  @Test
  void theProjectsRulesPassBothChecks() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("rules"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
        assertThat(RuleSafetyCheck.check(Files.readString(f))).as(f.toString()).isEmpty();
      }
    }
  }

  @Test
  void lintReportsAnExitInARuleAndDoesNotLoadTheRules() {
    Path rules = RuleDirs.withDispositionAnd(dir.resolve("rules"), "exit.drl", """
        rule "Probe: leaves"
            @id("probe-leave") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            Age()
        then
            System.exit(0);
        end
        """);
    Lint.Result result = Lint.run(rules, null);
    assertThat(result.errors()).anySatisfy(p -> {
      assertThat(p.check()).isEqualTo(Lint.Check.SAFETY);
      assertThat(p.file()).endsWith("probe/exit.drl");
      assertThat(p.line()).isEqualTo(10);
      assertThat(p.message()).contains("System.exit");
    });
  }
}
