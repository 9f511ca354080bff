package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsTest {
  private static final Patient MARIA = Patient.builder("maria").age(54).durationDays(10)
      .present(Sign.of("painRadiatesDownLeg")).absent(Sign.of("fever"))
      .numbness(Site.of("foot"), Side.LEFT).build();

  @Test
  void readsTheSameRecordFromJsonYamlAReaderAndAFile(@TempDir Path dir) throws Exception {
    String json = "{\"id\": \"maria\", \"age\": 54, \"durationDays\": 10,"
        + " \"signs\": {\"fever\": \"no\", \"painRadiatesDownLeg\": \"yes\"},"
        + " \"numbness\": {\"foot\": \"left\"}}";
    String yaml = "id: maria\nage: 54\ndurationDays: 10\n"
        + "signs:\n  fever: no\n  painRadiatesDownLeg: yes\nnumbness:\n  foot: left\n";
    assertThat(Records.patientFromJson(json)).isEqualTo(MARIA);
    assertThat(Records.patientFromYaml(yaml)).isEqualTo(MARIA);
    assertThat(Records.readPatient(new StringReader(yaml), Records.Format.YAML, "form"))
        .isEqualTo(MARIA);
    Path file = Files.writeString(dir.resolve("maria.json"), json);
    assertThat(Records.readPatient(file)).isEqualTo(MARIA);
  }

  @Test
  void refusesWhatTheStrictReaderRefusesNamingTheSourceAndField() {
    assertThatThrownBy(() -> Records.patientFromJson("{\"signs\": {\"fevr\": \"no\"}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("json").hasMessageContaining("fevr");
    assertThatThrownBy(() -> Records.patientFromJson("{\"id\": \"a\", \"id\": \"b\"}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("id");
    assertThatThrownBy(() -> Records.patientFromJson("{\"age\": null}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("age");
    assertThatThrownBy(() -> Records.readPatient("age: 300\n", Records.Format.YAML, "req-7"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("req-7").hasMessageContaining("age");
    assertThatThrownBy(() -> Records.patientFromJson(" "))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void refusesAReaderPastTheSizeLimitWithoutReadingItAll() {
    int limit = org.spinefoot.io.StrictJson.MAX_DOCUMENT_CHARS;
    java.io.Reader endless = new java.io.Reader() {
      long given;

      @Override
      public int read(char[] buf, int off, int len) {
        if (given > 4L * limit) {
          throw new AssertionError("read on past the limit");
        }
        java.util.Arrays.fill(buf, off, off + len, ' ');
        given += len;
        return len;
      }

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> Records.readPatient(endless, Records.Format.JSON, "stream"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("too large");
  }

  @Test
  void aPatientWrittenAsJsonReadsBackEqual() {
    Patient p = MARIA.toBuilder().weakness(Site.of("leg"), Side.RIGHT).noPain(Site.of("lowBack")).build();
    assertThat(Records.patientFromJson(Records.toJson(p))).isEqualTo(p);
    assertThat(Records.patientFromYaml(Records.toYaml(p))).isEqualTo(p);
    Patient described = p.toBuilder().description("walks a lot").build();
    assertThat(Records.patientFromJson(Records.toJson(described))).isEqualTo(described);
  }

  @Test
  void writesAnAssessmentAsOneLineOfJsonWithItsParts() throws Exception {
    Assessment a = new Assessment("maria", Urgency.SOON,
        List.of(new Assessment.Finding("F-1", "A finding", Urgency.SOON, List.of("RF-01"),
            List.of("src"), List.of(new Assessment.Reason("R1", "rule one", List.of("fever"))))),
        List.of(), List.of(), false,
        List.of(new Assessment.UnansweredQuestion("signs.fever", "fever")), List.of(),
        new KnowledgeVersion("test knowledge", "1.0.0", KnowledgeVersion.Status.ACTIVE,
            "2026-01-01", "tests", "a".repeat(64), "a".repeat(64)));
    String json = Records.toJson(a);
    assertThat(json).doesNotContain("\n");
    JsonNode tree = new ObjectMapper().readTree(json);
    assertThat(tree.get("patientId").asText()).isEqualTo("maria");
    assertThat(tree.get("disposition").asText()).isEqualTo("SOON");
    assertThat(tree.get("findings").get(0).get("because").get(0).get("observations").get(0)
        .asText()).isEqualTo("fever");
    assertThat(tree.get("unanswered").get(0).get("path").asText()).isEqualTo("signs.fever");
    StringWriter out = new StringWriter();
    Records.writeJson(a, out);
    assertThat(out.toString()).isEqualTo(json);
  }

  @Test
  void theAnswerInAPatientFileAndInCodeAgree() {
    assertThat(Records.patientFromJson("{\"signs\": {\"fever\": true}}").answer(Sign.of("fever")))
        .isEqualTo(Answer.PRESENT);
  }
}
