package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.cli.Main;

/**
 * Issue 25: a reviewer fixing several mistakes sees them all in one {@code ./spinefoot test} run,
 * each at its file and line, with a count at the end; and the run fails when a rule has no case,
 * as {@code mvn verify}'s coverage check does. On copies of the fixture knowledge base.
 */
class TestCommandReportsEveryProblemTest {
  @TempDir Path dir;

  private record Run(int code, String out) {}

  private static Run test(ProjectCopy copy, String... options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] args = new String[options.length + 4];
    args[0] = "--rules";
    args[1] = copy.rules().toString();
    args[2] = "test";
    args[3] = copy.cases().toString();
    System.arraycopy(options, 0, args, 4, options.length);
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void threeSeededMistakesAreAllReportedInOneRunWithTheirLines() {
    ProjectCopy copy = ProjectCopy.of(dir);
    assertThat(test(copy).code()).as("the fixture's cases pass as they are").isZero();

    // Two mistakes in one file: a wrong expected conclusion (line 9) and a misspelled field
    // (line 12); a third file no longer parses (an unclosed quote).
    String fever = "test-cases/fever-with-foot-numbness-is-urgent.yaml";
    copy.replace(fever, "  disposition: URGENT\n", "  disposition: EMERGENCY\n");
    copy.replace(fever, "steps:\n", "  rulesFird: [rf-systemic-signs-with-foot-numbness]\nsteps:\n");
    String selfCare = "test-cases/nothing-found-is-self-care.yaml";
    copy.replace(selfCare, "  disposition: SELF_CARE\n", "  disposition: 'SELF_CARE\n");

    Run run = test(copy);
    assertThat(run.code()).isEqualTo(Main.CHECK_FAILED);
    Path feverFile = copy.root.resolve(fever);
    assertThat(run.out())
        .contains(feverFile + ":9: initial record: disposition: expected EMERGENCY, was URGENT")
        .contains(feverFile + ":12: invalid case: expect: unknown field 'rulesFird'; allowed: ")
        .containsPattern(java.util.regex.Pattern.quote(copy.root.resolve(selfCare).toString())
            + ":\\d+: invalid case: .*malformed")
        .contains("7 passed, 2 failed, 3 problems in the cases");
  }

  @Test
  void aRuleNoCaseFiresFailsTheRunNamingTheRuleAndItsFile() {
    ProjectCopy copy = ProjectCopy.of(dir);
    copy.addProbeRules("uncovered.drl", """
        rule "Probe: fever getting worse, which no case has"
            @id("probe-uncovered")
            @inventory("RF-10")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            Observation( sign == "fever", present )
            Observation( sign == "gettingWorse", present )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-uncovered", "Probe"));
        end
        """);
    Run run = test(copy);
    assertThat(run.code()).isEqualTo(Main.CHECK_FAILED);
    assertThat(run.out())
        .containsPattern("GAP   rule probe-uncovered \\([^)]*probe/uncovered\\.drl:5\\) fires in "
            + "no case")
        .contains("9 passed, 0 failed, 0 problems in the cases, 1 coverage gap");

    // A filtered run cannot judge coverage, so it does not fail on it.
    assertThat(test(copy, "--filter", "fever").code()).isZero();
  }

  @Test
  void theFilterMatchesTheNamePrintedOrTheCaseTitle() {
    ProjectCopy copy = ProjectCopy.of(dir);
    Run byName = test(copy, "--filter", "Thirteen-Days");
    assertThat(byName.out()).contains("PASS  pain-lasting-thirteen-days-is-self-care")
        .contains("1 passed, 0 failed");
    // The title of fever-with-foot-numbness-is-urgent.yaml, not its file name.
    Run byTitle = test(copy, "--filter", "fever alone is not");
    assertThat(byTitle.out()).contains("PASS  fever-with-foot-numbness-is-urgent")
        .contains("1 passed, 0 failed");
  }
}
