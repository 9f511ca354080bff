package org.spinefoot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Answer;
import org.spinefoot.Felt;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.Side;
import org.spinefoot.Sign;
import org.spinefoot.Site;
import org.spinefoot.TestAssessor;
import org.spinefoot.cases.CaseRunner;

/**
 * Reading patient records: every bad input is an {@link InvalidInputException} naming the file
 * and the place, in bounded time (the class timeout), and a good record read afterwards is read
 * as before.
 */
@Timeout(10)
class PatientReaderTest {
  /** Counts instances made; a YAML type tag naming this class must never make one. */
  public static final class Canary {
    static final AtomicInteger MADE = new AtomicInteger();

    public Canary() {
      MADE.incrementAndGet();
    }
  }

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
      assertGoodRecordStillReads();
      return e;
    }
    throw new AssertionError("expected " + name + " to be rejected");
  }

  private void assertGoodRecordStillReads() throws IOException {
    Path good = write("good.yaml", "id: good\nage: 50\nsigns: {fever: no}\n");
    assertThat(PatientReader.read(good)).isEqualTo(
        Patient.builder("good").age(50).absent(Sign.of("fever")).build());
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
    assertThat(p.answer(Sign.of("fever"))).isEqualTo(Answer.ABSENT);
    assertThat(p.answer(Sign.of("worseStandingEasedBySitting"))).isEqualTo(Answer.PRESENT);
    assertThat(p.answer(Sign.of("diabetes"))).isEqualTo(Answer.NOT_ASKED);
    assertThat(p.answer(Sign.of("bladderOrBowelControlLost"))).isEqualTo(Answer.NOT_ASKED);
    assertThat(p.numbness()).containsEntry(Site.of("foot"), Felt.on(Side.BOTH))
        .containsEntry(Site.of("saddle"), Felt.NO);
    assertThat(p.pain()).containsEntry(Site.of("lowBack"), Felt.on(Side.UNSPECIFIED));
    assertThat(TestAssessor.get().unansweredRedFlagQuestions(p))
        .contains("signs.bladderOrBowelControlLost")
        .doesNotContain("signs.fever", "numbness.saddle");
  }

  @Test
  void readsJsonWithBooleans() throws IOException {
    Patient p = PatientReader.read(write("p.json",
        "{\"id\": \"j1\", \"signs\": {\"fever\": true, \"diabetes\": false}, \"numbness\": {\"toes\": \"left\"}}"));
    assertThat(p.id()).isEqualTo("j1");
    assertThat(p.answer(Sign.of("fever"))).isEqualTo(Answer.PRESENT);
    assertThat(p.answer(Sign.of("diabetes"))).isEqualTo(Answer.ABSENT);
    assertThat(p.numbness()).containsEntry(Site.of("toes"), Felt.on(Side.LEFT));
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
    InvalidInputException young = readError("young.yaml", "age: -4\n");
    assertThat(young.path()).isEqualTo("age");
    assertThat(young.detail()).startsWith("-4 is out of range").contains("0 to 120");
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
    Files.createDirectories(dir.resolve("folder.yaml"));
    assertThatThrownBy(() -> PatientReader.read(dir.resolve("folder.yaml")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("directory");
  }

  @Test
  void yamlAliasBombIsRefused() throws IOException {
    StringBuilder bomb = new StringBuilder("description: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(prev);
      for (int i = 0; i < 9; i++) {
        bomb.append(", *").append(prev);
      }
      bomb.append("]\n");
    }
    assertThat(readError("bomb.yaml", bomb.toString()).detail()).contains("anchor");
  }

  @Test
  void truncatedFilesAreErrorsNamingWhereTheyStop() throws IOException {
    InvalidInputException json =
        readError("cut.json", "{\"age\": 40, \"signs\": {\"fever\": \"ye");
    assertThat(json.path()).isEqualTo("signs.fever");
    assertThat(json.detail()).contains("end-of-input");
    assertThat(readError("cut.yaml", "age: 40\nsigns: {fever: yes").detail())
        .contains("malformed").contains("line 2");
  }

  @Test
  void malformedYamlAndDocumentsThatAreNotRecordsAreErrors() throws IOException {
    assertThat(readError("bad.yaml", "age: 40\nsigns: {fever: yes]\n").detail())
        .contains("malformed").contains("line 2");
    assertThat(readError("blank.json", "  \n\t\n").detail()).contains("empty");
    assertThat(readError("null.json", "null").detail()).contains("expected a patient record");
    assertThat(readError("list.json", "[1, 2]").detail()).contains("expected a mapping");
    assertThat(readError("two.yaml", "age: 4\n---\nage: 5\n").detail())
        .contains("expected a mapping");
  }

  @Test
  void numbersTooLargeForTheirTypeAreErrorsNamingTheField() throws IOException {
    InvalidInputException overflow = readError("int.json", "{\"age\": 3000000000}");
    assertThat(overflow.path()).isEqualTo("age");
    assertThat(overflow.detail()).contains("out of range");
    assertThat(readError("exp.json", "{\"durationDays\": 1e400}").path())
        .isEqualTo("durationDays");
    InvalidInputException digits =
        readError("digits.yaml", "age: 123456789012345678901234567890\n");
    assertThat(digits.path()).isEqualTo("age");
    assertThat(digits.detail()).contains("too large");
  }

  @Test
  void hugeStringsAndFilesAreRefusedWithoutReadingThemWhole() throws IOException {
    String fifty = "x".repeat(50_000_000);
    assertThat(readError("huge.json", "{\"description\": \"" + fifty + "\"}").detail())
        .contains("too large");
    assertThat(readError("huge.yaml", "description: " + fifty + "\n").detail())
        .contains("too large");
    // Under the byte bound but over the character bound: still refused before parsing.
    assertThat(readError("long.yaml", "description: " + "x".repeat(1_500_000) + "\n").detail())
        .contains("too large").contains("1000000");
    InvalidInputException string = readError("string.json",
        "{\"id\": \"s\", \"description\": \"" + "x".repeat(StrictJson.MAX_DOCUMENT_CHARS - 10)
            + "\", \"age\": 4}");
    assertThat(string.detail()).contains("too large");
  }

  @Test
  void aMisspeltUrgencyInACaseNamesTheFieldTheAllowedValuesAndNoJavaClass() throws IOException {
    Path c = write("lower-case.yaml", """
        name: Lower case
        description: An urgency written in lower case.
        checks: [RF-04]
        patient: {signs: {bladderOrBowelControlLost: yes}}
        expect: {disposition: soon}
        """);
    assertThatThrownBy(() -> new CaseRunner(TestAssessor.get()).read(c))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lower-case.yaml: expect.disposition: 'soon' is not allowed; "
            + "did you mean SOON? allowed: ")
        .hasMessageNotContaining("org.spinefoot")
        .hasMessageNotContaining("deserialize");
  }

  @Test
  void deeplyNestedInputIsRefusedAtTheNestingLimit() throws IOException {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    readError("deep.json", deep);
    readError("deep.yaml", "description: " + deep + "\n");
    readError("deep-block.yaml", "description:\n" + "- ".repeat(100_000) + "x\n");
    // A case's inline patient is read as a tree, which would descend as deep as the input goes.
    Path c = write("nested-case.yaml", """
        name: Nested
        description: A patient nested too deep.
        checks: [RF-04]
        patient: {description: %s}
        expect: {disposition: EMERGENCY}
        """.formatted(deep));
    assertThatThrownBy(() -> new CaseRunner(TestAssessor.get()).read(c))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nested-case.yaml: patient: ")
        .hasMessageContaining("nesting depth");
    assertGoodRecordStillReads();
  }

  @Test
  void yamlTypeTagsAreRefusedAndInstantiateNothing() throws IOException {
    String canary = "!!" + Canary.class.getName();
    InvalidInputException scalar = readError("tag.yaml", "description: !!java.lang.Runtime x\n");
    assertThat(scalar.path()).isEqualTo("description");
    assertThat(scalar.detail()).contains("type tag").contains("java.lang.Runtime");
    assertThat(readError("tag-map.yaml", "signs: !!java.util.HashMap {fever: yes}\n").path())
        .isEqualTo("signs");
    readError("tag-root.yaml", canary + "\nage: 4\n");
    readError("tag-script.yaml", "!!javax.script.ScriptEngineManager "
        + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]\n");
    readError("tag-canary.yaml", "description: " + canary + " {}\n");
    Path c = write("tagged-case.yaml", """
        name: Tagged
        description: %s []
        checks: [RF-04]
        patient: {age: 4}
        expect: {disposition: EMERGENCY}
        """.formatted(canary));
    assertThatThrownBy(() -> new CaseRunner(TestAssessor.get()).read(c))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("type tag");
    assertThat(Canary.MADE).hasValue(0);
  }

  @Test
  void yamlAnchorsAndAliasesAreRefused() throws IOException {
    // An alias used to be read as the anchor's name: the id below became "d".
    InvalidInputException alias = readError("alias.yaml", "description: hello\nid: *d\n");
    assertThat(alias.path()).isEqualTo("id");
    assertThat(alias.detail()).contains("alias");
    InvalidInputException anchor =
        readError("anchor.yaml", "signs: {fever: &x yes, diabetes: *x}\n");
    assertThat(anchor.path()).isEqualTo("signs.fever");
    assertThat(anchor.detail()).contains("anchor");
  }
}
