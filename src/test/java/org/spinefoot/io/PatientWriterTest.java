package org.spinefoot.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Patient;
import org.spinefoot.Side;
import org.spinefoot.Sign;
import org.spinefoot.Site;
import org.spinefoot.VariedPatients;

class PatientWriterTest {
  @TempDir Path dir;

  @Test
  void whatItWritesTheStrictReaderReadsBackUnchanged() throws IOException {
    for (Patient p : VariedPatients.fixturePatients(40, 0)) {
      Path file = dir.resolve("p.yaml");
      Files.writeString(file, PatientWriter.toYaml(p));
      Patient back = PatientReader.read(file);
      assertThat(p.id() == null ? back.withId(null) : back).as(PatientWriter.toYaml(p))
          .isEqualTo(p);
    }
  }

  @Test
  void writesKeysAndAnswerWordsAndLeavesOutWhatWasNotAsked() {
    Patient p = Patient.builder("w").description("a test").age(40)
        .present(Sign.of("fever")).absent(Sign.of("diabetes"))
        .numbness(Site.of("foot"), Side.LEFT).numbness(Site.of("toes"), Side.UNSPECIFIED).noPain(Site.of("neck"))
        .build();
    String yaml = PatientWriter.toYaml(p);
    assertThat(yaml).contains("id: w").contains("age: 40").doesNotContain("durationDays")
        .containsPattern("fever: \"?yes\"?").containsPattern("diabetes: \"?no\"?")
        .contains("foot: left").containsPattern("toes: \"?yes\"?")
        .containsPattern("neck: \"?no\"?").doesNotContain("null").doesNotContain("---");
  }
}
