package org.spinefoot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Felt;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.facts.Answer;
import org.spinefoot.facts.Side;
import org.spinefoot.facts.Sign;
import org.spinefoot.facts.Site;

class PatientReaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private InvalidInputException readError(String name, String text) throws IOException {
    Path p = write(name, text);
    try {
      PatientReader.read(p);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith(p.toString());
      return e;
    }
    throw new AssertionError("expected " + name + " to be rejected");
  }

  @Test
  void readsYamlAnswersAndTreatsLeftOutQuestionsAsNotAsked() throws IOException {
    Patient p = PatientReader.read(write("maria.yaml", """
        age: 68
        durationDays: 120
        signs:
          fever: no
          worseStandingEasedBySitting: yes
          diabetes: unknown
        numbness:
          foot: both
          saddle: no
        pain:
          lowBack: yes
        """));
    assertThat(p.id()).isEqualTo("maria");
    assertThat(p.age()).isEqualTo(68);
    assertThat(p.answer(Sign.FEVER)).isEqualTo(Answer.ABSENT);
    assertThat(p.answer(Sign.WORSE_STANDING_EASED_BY_SITTING)).isEqualTo(Answer.PRESENT);
    assertThat(p.answer(Sign.DIABETES)).isEqualTo(Answer.NOT_ASKED);
    assertThat(p.answer(Sign.BLADDER_OR_BOWEL_CONTROL_LOST)).isEqualTo(Answer.NOT_ASKED);
    assertThat(p.numbness()).containsEntry(Site.FOOT, Felt.on(Side.BOTH))
        .containsEntry(Site.SADDLE, Felt.NO);
    assertThat(p.pain()).containsEntry(Site.LOW_BACK, Felt.on(Side.UNSPECIFIED));
    assertThat(p.unansweredRedFlagQuestions()).contains("signs.bladderOrBowelControlLost")
        .doesNotContain("signs.fever", "numbness.saddle");
  }

  @Test
  void readsJsonWithBooleans() throws IOException {
    Patient p = PatientReader.read(write("p.json",
        "{\"id\": \"j1\", \"signs\": {\"fever\": true, \"diabetes\": false}, \"numbness\": {\"toes\": \"left\"}}"));
    assertThat(p.id()).isEqualTo("j1");
    assertThat(p.answer(Sign.FEVER)).isEqualTo(Answer.PRESENT);
    assertThat(p.answer(Sign.DIABETES)).isEqualTo(Answer.ABSENT);
    assertThat(p.numbness()).containsEntry(Site.TOES, Felt.on(Side.LEFT));
  }

  @Test
  void misspelledTopLevelFieldIsNamedWithTheAllowedFields() throws IOException {
    InvalidInputException e = readError("typo.yaml", "age: 40\nsings:\n  fever: yes\n");
    assertThat(e.detail()).contains("unknown field 'sings'").contains("signs", "numbness", "pain");
  }

  @Test
  void misspelledSignIsNamedWithItsPathAndTheAllowedSigns() throws IOException {
    InvalidInputException e = readError("typo.yaml", "signs:\n  bladerOrBowelControlLost: yes\n");
    assertThat(e.getMessage()).contains("signs").contains("bladerOrBowelControlLost")
        .contains("allowed:").contains("bladderOrBowelControlLost");
  }

  @Test
  void unknownAnswerNamesTheFieldAndTheAllowedValues() throws IOException {
    InvalidInputException e = readError("bad.yaml", "signs:\n  fever: maybe\n");
    assertThat(e.path()).isEqualTo("signs.fever");
    assertThat(e.detail()).contains("maybe").contains("yes, no, unknown");
  }

  @Test
  void unknownSideNamesTheFieldAndTheAllowedValues() throws IOException {
    InvalidInputException e = readError("bad.yaml", "numbness:\n  foot: middle\n");
    assertThat(e.path()).isEqualTo("numbness.foot");
    assertThat(e.detail()).contains("left, right, both");
  }

  @Test
  void agesOutOfRangeAreErrors() throws IOException {
    assertThat(readError("young.yaml", "age: -4\n").getMessage()).contains("age").contains("0 to 120");
    assertThat(readError("old.yaml", "age: 200\n").getMessage()).contains("age").contains("0 to 120");
    assertThat(readError("long.yaml", "durationDays: 99999\n").getMessage()).contains("durationDays");
  }

  @Test
  void wrongTypesAreErrors() throws IOException {
    InvalidInputException e = readError("t.yaml", "age: \"68\"\n");
    assertThat(e.path()).isEqualTo("age");
    assertThat(e.detail()).contains("whole number");
    assertThat(readError("f.yaml", "age: 6.5\n").path()).isEqualTo("age");
    assertThat(readError("s.yaml", "signs: [fever]\n").path()).isEqualTo("signs");
  }

  @Test
  void duplicateKeysAreErrors() throws IOException {
    assertThat(readError("dup.json", "{\"age\": 40, \"age\": 50}").getMessage()).contains("age");
    assertThat(readError("dup.yaml", "signs:\n  fever: no\n  fever: yes\n").getMessage())
        .containsIgnoringCase("duplicate");
  }

  @Test
  void numbnessIsOnlyRecordedWhereItCanBeFelt() throws IOException {
    InvalidInputException e = readError("site.yaml", "numbness:\n  lowBack: yes\n");
    assertThat(e.getMessage()).contains("numbness.lowBack").contains("foot");
  }

  @Test
  void malformedEmptyAndNonUtf8FilesAreErrors() throws IOException {
    assertThat(readError("broken.json", "{\"age\": ").getMessage()).contains("malformed");
    assertThat(readError("empty.yaml", "").getMessage()).contains("empty");
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "description: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> PatientReader.read(latin1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> PatientReader.read(dir.resolve("p.txt")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(".json, .yaml");
  }

  @Test
  void yamlAliasBombIsRefused() throws IOException {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(prev);
      for (int i = 0; i < 9; i++) {
        bomb.append(", *").append(prev);
      }
      bomb.append("]\n");
    }
    assertThatThrownBy(() -> PatientReader.read(write("bomb.yaml", bomb.toString())))
        .isInstanceOf(InvalidInputException.class);
  }
}
