package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.QuestionFixture;
import org.spinefoot.Reply;
import org.spinefoot.engine.RecordAnswers;
import org.spinefoot.io.PatientWriter;

/** The counterfactuals in {@code explain}: as text and in the JSON, on the fixture rules. */
class WouldChangeOutputTest {
  @TempDir Path dir;

  // Every red-flag question answered no and low back pain on the left: SOON on the fixture rules.
  private Path record() throws IOException {
    Path file = dir.resolve("r.yaml");
    Files.writeString(file, PatientWriter.toYaml(RecordAnswers.with(
        QuestionFixture.noRedFlags("back"), "pain.lowBack", Reply.LEFT)));
    return file;
  }

  @Test
  void explainListsEachSingleAnswerChangeThatWouldChangeTheDisposition() throws IOException {
    Path file = record();
    MainTest.Run r = MainTest.run("--rules", QuestionFixture.rulesDirectory().toString(),
        "explain", "--width", "200", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Disposition: SOON")
        .contains("What would change it (one answer different)")
        .contains("  - if yes to \"loss of bladder or bowel control\" (now no): EMERGENCY"
            + " (signs.bladderOrBowelControlLost)")
        .contains("  - if no to \"pain in the low back\" (now left): SELF_CARE (pain.lowBack)")
        .contains("  - if both to \"numbness or tingling in the foot\" (now no): URGENT");
  }

  @Test
  void explainJsonHasTheWouldChangeField() throws IOException {
    Path file = record();
    MainTest.Run r = MainTest.run("--rules", QuestionFixture.rulesDirectory().toString(),
        "explain", "--format", "json", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode changes = new ObjectMapper().readTree(r.out()).get("wouldChange");
    assertThat(changes.isArray()).isTrue();
    assertThat(changes).anySatisfy(c -> {
      assertThat(c.get("path").asText()).isEqualTo("signs.fever");
      assertThat(c.get("answer").asText()).isEqualTo("no");
      assertThat(c.get("instead").asText()).isEqualTo("yes");
      assertThat(c.get("disposition").asText()).isEqualTo("URGENT");
      assertThat(c.get("stopExercises").asBoolean()).isTrue();
      assertThat(c.get("text").asText()).isEqualTo("if yes to \"fever\" (now no): URGENT");
    });
    assertThat(changes).noneSatisfy(c -> assertThat(c.get("path").asText())
        .isEqualTo("signs.diabetes"));
  }
}
