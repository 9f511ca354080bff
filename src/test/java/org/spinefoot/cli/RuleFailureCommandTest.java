package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.RuleDirs;

/** Issue 11: a rule that fails badly on one record costs that record only, named. */
@Timeout(120)
class RuleFailureCommandTest {
  @TempDir Path dir;

  private Path rules() {
    return RuleDirs.withDispositionAnd(dir.resolve("rules"), "bad.drl", """
        function int deeper(int n) { return deeper(n + 1) + 1; }

        rule "Probe: recurses without end"
            @id("probe-deep") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            SymptomDuration( days == 36499 )
        then
            deeper(0);
        end

        rule "Probe: never returns"
            @id("probe-spin") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            SymptomDuration( days == 36498 )
        then
            long n = 0;
            while (n >= 0) { n = (n + 1) % 1000; }
        end
        """);
  }

  @Test
  void aStackOverflowAndAHangFailTheirRecordsNamedAndTheNextFileIsAssessed() throws IOException {
    Path deep = dir.resolve("deep.json");
    Files.writeString(deep, "{\"id\": \"deep\", \"durationDays\": 36499}");
    Path spin = dir.resolve("spin.json");
    Files.writeString(spin, "{\"id\": \"spin\", \"durationDays\": 36498}");
    Path fine = dir.resolve("fine.json");
    Files.writeString(fine, "{\"id\": \"fine\", \"durationDays\": 3}");
    BatchCommandTest.Run r = BatchCommandTest.run("", "--rules", rules().toString(),
        "--time-limit", "0.5", "assess", deep.toString(), spin.toString(), fine.toString());
    assertThat(r.code()).isEqualTo(Main.RULES_BROKEN);
    assertThat(r.err()).contains("rule \"Probe: recurses without end\"")
        .contains("StackOverflowError")
        .contains("rule \"Probe: never returns\"").contains("did not finish within 500 ms")
        .doesNotContain("\tat ");
    assertThat(r.out()).contains("fine");
  }

  @Test
  void inABatchAStackOverflowAndAHangAreRuleErrorsNamingTheRule() throws IOException {
    String input = "{\"id\": \"deep\", \"durationDays\": 36499}\n"
        + "{\"id\": \"spin\", \"durationDays\": 36498}\n"
        + "{\"id\": \"fine\", \"durationDays\": 3}\n";
    BatchCommandTest.Run r = BatchCommandTest.run(input, "--rules", rules().toString(),
        "--time-limit", "0.5", "assess", "--batch", "-");
    assertThat(r.code()).isEqualTo(Main.RULES_BROKEN);
    java.util.List<com.fasterxml.jackson.databind.JsonNode> lines = r.lines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).get("error").get("kind").asText()).isEqualTo("rule");
    assertThat(lines.get(0).get("error").get("rule").asText())
        .isEqualTo("Probe: recurses without end");
    assertThat(lines.get(1).get("error").get("rule").asText()).isEqualTo("Probe: never returns");
    assertThat(lines.get(2).get("disposition").asText()).isNotEmpty();
  }

  @Test
  void controlCharactersInAnIdAreEscapedInTheReport() throws IOException {
    Path record = dir.resolve("odd.json");
    Files.writeString(record, "{\"id\": \"a\\nspinefoot: all clear\\u001b[2J\", \"durationDays\": 3}");
    Path rules = rules();
    BatchCommandTest.Run r = BatchCommandTest.run("", "--rules", rules.toString(), "assess",
        record.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("\nspinefoot: all clear").doesNotContain("\u001b")
        .contains("a\\nspinefoot: all clear\\u001b[2J");
    BatchCommandTest.Run explained = BatchCommandTest.run("", "--rules", rules.toString(),
        "explain", record.toString());
    assertThat(explained.code()).isZero();
    assertThat(explained.out()).doesNotContain("\nspinefoot: all clear").doesNotContain("\u001b")
        .contains("a\\nspinefoot: all clear");
  }
}
