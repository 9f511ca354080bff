package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spinefoot explain}. */
class ExplainCommandTest {
  @TempDir Path dir;

  @Test
  void explainsChainsFiringsWithdrawalsAndUnaskedQuestionsAsText() {
    MainTest.Run r = MainTest.run("explain", "--width", "200",
        "src/test/resources/fixture/facts/unanswered-red-flag-questions-short-online-form.yaml");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Disposition: SOON")
        .contains("Rules fired whose conclusions stand (one entry per rule, most urgent first)")
        .contains("  rf-numbness-without-obvious-cause Red flag: numbness or tingling")
        .contains("inventory RF-12")
        .contains("source: 001_7063e0f8190b99da.txt#When to Seek Medical Attention")
        .contains("Conclusions and how they were reached")
        .contains("<- numbness or tingling in the foot (left side)")
        .contains("Withdrawn (a premise stopped holding)")
        .contains("Red-flag questions not asked, and the disposition if answered yes")
        .containsPattern("loss of bladder or bowel control \\(signs\\.bladderOrBowelControlLost\\): "
            + "EMERGENCY adds .*cauda-equina-suspected \\(EMERGENCY\\)");
    // the conclusions come before the firings
    assertThat(r.out().indexOf("Conclusions and how")).isLessThan(r.out().indexOf("Rules fired"));
  }

  @Test
  void aRuleThatFiredSeveralTimesIsOneEntryWithACountAndEachConclusionShowsOnce() {
    MainTest.Run r = MainTest.run("explain", "--width", "300", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml");
    assertThat(r.code()).as(r.err()).isZero();
    String fired = r.out().substring(r.out().indexOf("Rules fired"));
    assertThat(fired).containsPattern("\n  int-disposition-highest-urgency x\\d+ ");
    assertThat(fired.split("\n  int-disposition-highest-urgency ", -1)).hasSize(2);
    // the most urgent rule leads the firings, whenever it fired
    assertThat(fired.indexOf("rf-cauda-equina-bladder-bowel"))
        .isLessThan(fired.indexOf("sciatica-pattern"));
    String chains = r.out().substring(0, r.out().indexOf("Rules fired"));
    assertThat(chains.split("\n  disposition EMERGENCY ", -1)).hasSize(2);
    assertThat(chains.split("\n  Suspected cauda equina syndrome", -1)).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void aRuleWhoseConclusionsWereAllWithdrawnIsListedApartWithWhy() throws IOException {
    // In the fixture, keep-moving advice is drawn for the low back pain, then withdrawn when the
    // emergency stops the exercises.
    MainTest.Run r = MainTest.run("explain", "--width", "300",
        "src/test/resources/fixture/facts/cauda-equina-emergency.yaml");
    assertThat(r.code()).as(r.err()).isZero();
    String out = r.out();
    int standing = out.indexOf("Rules fired whose conclusions stand");
    int withdrawn = out.indexOf("Rules fired whose conclusions were all withdrawn");
    int section = out.indexOf("Withdrawn (a premise stopped holding)");
    assertThat(standing).isPositive().isLessThan(withdrawn);
    assertThat(withdrawn).isLessThan(section);
    assertThat(out.substring(standing, withdrawn)).contains("rf-cauda-equina-bladder-bowel")
        .doesNotContain("selfcare-keep-moving");
    assertThat(out.substring(withdrawn, section)).contains("  selfcare-keep-moving")
        .contains("withdrawn because rule int-stop-exercises concluded: stop the exercises")
        .doesNotContain("rf-cauda-equina-bladder-bowel");

    JsonNode json = new ObjectMapper().readTree(MainTest.run("explain", "--format", "json",
        "src/test/resources/fixture/facts/cauda-equina-emergency.yaml").out());
    for (JsonNode f : json.get("fired")) {
      assertThat(f.get("stands").asBoolean()).as(f.get("rule").asText())
          .isEqualTo(!f.get("rule").asText().equals("selfcare-keep-moving"));
    }
  }

  @Test
  void withdrawalsWhileTheRulesSettleShowOnlyWithAll() {
    MainTest.Run plain = MainTest.run("explain", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml");
    MainTest.Run all = MainTest.run("explain", "--all", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml");
    // The withdrawn rule's own entry says why; the list of withdrawals hides those made while
    // the rules settled.
    assertThat(plain.out().substring(plain.out().indexOf("Withdrawn (a premise stopped holding)")))
        .contains("--all shows them").doesNotContain("because rule int-stop-exercises");
    assertThat(all.out()).contains("because rule int-stop-exercises concluded")
        .doesNotContain("--all shows them");
  }

  @Test
  void explainsSeveralFilesAndStandardInput() throws IOException {
    MainTest.Run r = MainTest.run("explain", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml",
        "src/test/resources/fixture/facts/baseline-no-red-flags.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Patient cauda-equina-emergency").contains("Patient baseline-no-red-flags");

    MainTest.Run in = MainTest.runWithInput(Files.readString(Path.of("src/test/resources/fixture/facts/cauda-equina-emergency.yaml")),
        "explain", "-");
    assertThat(in.code()).as(in.err()).isZero();
    assertThat(in.out()).contains("Patient cauda-equina-emergency (-)")
        .contains("Disposition: EMERGENCY");
  }

  @Test
  void explainsAsJson() throws IOException {
    MainTest.Run r = MainTest.run("explain", "--format", "json", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml");
    assertThat(r.code()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("disposition").asText()).isEqualTo("EMERGENCY");
    assertThat(json.get("fired").get(0).has("matched")).isTrue();
    assertThat(json.get("fired").get(0).get("sources").isArray()).isTrue();
    assertThat(json.get("conclusions").get(0).get("because").get(0).has("concludedBy")).isTrue();
    assertThat(json.get("withdrawn").size()).isPositive();
    assertThat(json.get("unasked").isArray()).isTrue();
  }

  @Test
  void aBadRecordIsBadInput() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "age: 300\n");
    MainTest.Run r = MainTest.run("explain", bad.toString());
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("age");
  }
}
