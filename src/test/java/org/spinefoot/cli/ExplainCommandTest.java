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
  void explainsFiringsChainsWithdrawalsAndUnaskedQuestionsAsText() {
    MainTest.Run r = MainTest.run("explain", "src/test/resources/fixture/facts/unanswered-red-flag-questions-short-online-form.yaml");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Disposition: SOON")
        .contains("Rules fired, in order")
        .containsPattern("\\d+\\. rf-numbness-without-obvious-cause  Red flag: numbness or tingling")
        .contains("inventory: RF-12")
        .contains("source: 001_7063e0f8190b99da.txt#When to Seek Medical Attention")
        .contains("Conclusions and how they were reached")
        .contains("<- numbness or tingling in the foot (left side)")
        .contains("Withdrawn (a premise stopped holding)")
        .contains("Red-flag questions not asked, and the disposition if answered yes")
        .containsPattern("loss of bladder or bowel control  \\(signs\\.bladderOrBowelControlLost\\): "
            + "EMERGENCY  adds .*cauda-equina-suspected \\(EMERGENCY\\)");
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
