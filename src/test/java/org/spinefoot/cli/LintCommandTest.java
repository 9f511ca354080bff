package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spinefoot lint}: exit codes and output. */
class LintCommandTest {
  @TempDir Path dir;

  @Test
  void theFixtureRulesAndCasesPassLint() {
    MainTest.Run r = MainTest.run("lint", "--cases", "src/test/resources/fixture/test-cases");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).matches("(?s)red-flag questions \\(\\d+, from vocabulary.yaml\\): "
        + "[^\n]+\nlint: \\d+ rules, \\d+ inventory items, \\d+ cases: 0 errors, 0 warnings\n");
  }

  @Test
  void anErrorFailsWithFileLineAndRuleAndAWarningFailsOnlyWhenStrict() throws IOException {
    Path rules = copyRules();
    Path probe = rules.resolve("redflags/red-flags.drl");
    Files.writeString(probe, Files.readString(probe).replace(
        "@source(\"003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs\")\nwhen\n"
            + "    Observation( sign == \"bladderOrBowelControlLost\", present )",
        "@source(\"003_a4bae2cf7cb8373c.txt#Warning Signs\")\nwhen\n"
            + "    Observation( sign == \"bladderOrBowelControlLost\", present )"));
    MainTest.Run broken = MainTest.run("lint", "--rules", rules.toString(), "--no-cases");
    assertThat(broken.code()).isEqualTo(Main.CHECK_FAILED);
    assertThat(broken.out()).containsPattern(
        "red-flags\\.drl:\\d+: error \\[source\\] rf-cauda-equina-bladder-bowel: @source 'Warning Signs'")
        .contains("1 errors, 0 warnings");

    Path clean = copyRules();
    Files.writeString(clean.resolve("redflags/dead.drl"), """
        package redflags;
        import org.spinefoot.engine.facts.*;
        rule "Probe: an absent numbness never has a side"
            @id("probe-neck")
            @inventory("RF-12")
            @urgency("SOON")
            @source("001_7063e0f8190b99da.txt#When to Seek Medical Attention")
        when
            Observation( sign == "fever", present )
            not Numbness( site == "foot", side == Side.LEFT, absent )
        then
            insertLogical(new Finding(kcontext, Urgency.SOON, "probe-neck", "Probe"));
        end
        """);
    MainTest.Run warned = MainTest.run("--rules", clean.toString(), "lint", "--no-cases");
    assertThat(warned.code()).as(warned.out()).isZero();
    assertThat(warned.out()).contains("dead.drl:10: warning [never-fires] probe-neck:")
        .contains("0 errors, 1 warnings");
    assertThat(MainTest.run("--rules", clean.toString(), "lint", "--no-cases", "--strict").code())
        .isEqualTo(Main.CHECK_FAILED);
  }

  @Test
  void aRulesDirectoryGivenAfterTheLaunchersOneWins() {
    MainTest.Run r = MainTest.run("--rules", dir.resolve("nowhere").toString(), "lint",
        "--rules", "src/test/resources/fixture/rules", "--no-cases");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
  }

  @Test
  void aMissingRulesDirectoryIsBadInput() {
    MainTest.Run r = MainTest.run("--rules", dir.resolve("nowhere").toString(), "lint");
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("nowhere").contains("not a rules directory");
  }

  private Path copyRules() throws IOException {
    Path target = Files.createTempDirectory(dir, "rules");
    Path from = Path.of("src/test/resources/fixture/rules");
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path t = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }
}
