package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 25: a DRL syntax error names the line to fix. Drools' parser reports the token where it
 * gave up, which for a missing bracket, a dangling comma or a missing {@code end} is on a later
 * line. Each probe marks the line of its mistake with {@code // mistake}.
 */
class DrlErrorLineTest {
  @TempDir Path dir;

  private static final String RULE_START = """
      rule "Probe: fever"
          @id("probe-fever")
          @inventory("RF-10")
          @urgency("URGENT")
          @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
      when
      """;

  private static final String ACTION = """
      then
          insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-fever", "Probe"));
      end
      """;

  private static final String SECOND_RULE = "\n" + (RULE_START
      + "    Observation( sign == \"fever\", present )\n" + ACTION)
      .replace("probe-fever", "probe-fever-again").replace("Probe: fever", "Probe: fever again");

  private static String probe(String kind) {
    return switch (kind) {
      case "closing-bracket-missing" -> RULE_START
          + "    Observation( sign == \"fever\", present // mistake\n"
          + "    Numbness( site == \"foot\", present )\n" + ACTION;
      case "closing-bracket-missing-before-then" -> RULE_START
          + "    Observation( sign == \"fever\", present )\n"
          + "    Numbness( site == \"foot\", present // mistake\n" + ACTION;
      case "condition-after-comma-missing" -> RULE_START
          + "    Observation( sign == \"fever\", // mistake\n" + ACTION;
      case "end-missing" -> RULE_START
          + "    Observation( sign == \"fever\", present )\n"
          + ACTION.replace("\"Probe\"));\nend\n", "\"Probe\")); // mistake\n") + SECOND_RULE;
      case "bad-constraint" -> RULE_START
          + "    Numbness( site == , present ) // mistake\n" + ACTION;
      case "unknown-type" -> RULE_START
          + "    Numbnes( site == \"foot\", present ) // mistake\n" + ACTION;
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"closing-bracket-missing", "closing-bracket-missing-before-then",
      "condition-after-comma-missing", "end-missing", "bad-constraint", "unknown-type"})
  void theErrorNamesTheLineOfTheMistake(String kind) {
    String drl = probe(kind);
    List<String> lines = drl.lines().toList();
    int mistake = RuleDirs.HEADER_LINES + 1 + lines.indexOf(lines.stream()
        .filter(l -> l.endsWith("// mistake")).findFirst().orElseThrow());
    Path rules = RuleDirs.withDispositionAnd(dir.resolve("rules"), "probe.drl", drl);

    Throwable thrown = catchThrowable(() -> Assessor.fromDirectory(rules));
    assertThat(thrown).as("the probe must not compile").isInstanceOf(RuleBaseException.class);
    RuleBaseException e = (RuleBaseException) thrown;
    assertThat(e.problems()).as(e.getMessage()).isNotEmpty();
    RuleBaseException.Problem first = e.problems().get(0);
    assertThat(first.file()).isEqualTo("probe/probe.drl");
    assertThat(first.line()).as(first.message()).isEqualTo(mistake);
  }
}
