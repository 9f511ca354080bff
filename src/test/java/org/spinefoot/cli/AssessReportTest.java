package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code assess} renders one record: options, standard input, first screen, width. */
class AssessReportTest {
  @Test
  void theFirstScreenHoldsTheDispositionWhatToDoAndWhatToAskNext() throws IOException {
    for (Path example : GoldenReportsTest.examples()) {
      List<String> lines = GoldenReportsTest.assess(GoldenReportsTest.Mode.CLINICIAN, example)
          .lines().toList();
      int disposition = indexOfStart(lines, "Disposition: ");
      int askNext = indexOfStart(lines, "Ask next");
      assertThat(disposition).as(example.toString()).isBetween(0, 3);
      assertThat(askNext).as(example.toString()).isBetween(0, 12);
    }
  }

  @Test
  void idsShowOnlyWhenVerbose() {
    MainTest.Run plain = MainTest.run("assess", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml");
    MainTest.Run verbose = MainTest.run("assess", "--verbose", "--width", "300",
        "src/test/resources/fixture/facts/cauda-equina-emergency.yaml");
    assertThat(plain.out()).doesNotContain("cauda-equina-suspected").doesNotContain("RF-07")
        .doesNotContain(".txt#");
    assertThat(verbose.out()).contains("cauda-equina-suspected, bladder-bowel-control-lost; ")
        .contains("RF-07").contains("rule rf-cauda-equina-bladder-bowel");
  }

  @Test
  void linesWrapAtTheWidthAsked() {
    MainTest.Run r = MainTest.run("assess", "--width", "50",
        "src/test/resources/fixture/facts/unanswered-red-flag-questions-short-online-form.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(50));
    assertThat(r.out().lines().filter(l -> l.length() > 40)).isNotEmpty();
  }

  @Test
  void aDashReadsTheRecordFromStandardInputInYamlOrJson() throws IOException {
    String yaml = Files.readString(Path.of("src/test/resources/fixture/facts/cauda-equina-emergency.yaml"));
    MainTest.Run fromYaml = MainTest.runWithInput(yaml, "assess", "-");
    assertThat(fromYaml.code()).as(fromYaml.err()).isZero();
    assertThat(fromYaml.out()).contains("(-)").contains("Disposition: EMERGENCY");

    String json = Files.readString(Path.of("src/test/resources/fixture/facts/urgent-foot-numbness-fever-weight-loss.json"));
    MainTest.Run fromJson = MainTest.runWithInput(json, "assess", "--format", "json", "-");
    assertThat(fromJson.code()).as(fromJson.err()).isZero();
    assertThat(fromJson.out()).contains("\"disposition\":\"URGENT\"");

    MainTest.Run noId = MainTest.runWithInput("age: 40\n", "assess", "--for", "patient", "-");
    assertThat(noId.out()).contains("Your report (stdin)");
  }

  @Test
  void badInputOnStandardInputNamesTheFieldAndExitsTwo() {
    MainTest.Run r = MainTest.runWithInput("signs:\n  fevr: yes\n", "assess", "-");
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("spinefoot: -: signs").contains("fevr");
    assertThat(MainTest.runWithInput("", "assess", "-").err()).contains("empty input");
  }

  @Test
  void htmlIsOnePageAndThePatientViewIsText() {
    assertThat(MainTest.run("assess", "--format", "html", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml",
        "src/test/resources/fixture/facts/baseline-no-red-flags.yaml").code()).isEqualTo(Main.BAD_INPUT);
    assertThat(MainTest.run("assess", "--for", "patient", "--format", "json",
        "src/test/resources/fixture/facts/baseline-no-red-flags.yaml").code()).isEqualTo(Main.BAD_INPUT);
    MainTest.Run html = MainTest.run("assess", "--format", "html", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml");
    assertThat(html.code()).isZero();
    assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<style>")
        .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
        .contains("EMERGENCY");
  }

  private static int indexOfStart(List<String> lines, String start) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i;
      }
    }
    return -1;
  }
}
