package org.spinefoot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spinefoot.Answer;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.Sign;

/** Issue 11: no value is silently misread, and no file is read without bound. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PatientReaderReliabilityTest {
  @TempDir Path dir;

  private static Sign anySign() {
    return org.spinefoot.Vocabulary.packaged().signs().get(0);
  }

  private static String signKey() {
    return anySign().key();
  }

  @ParameterizedTest
  @ValueSource(strings = {"064", "0120", "0x1F", "0o17", "1_0", "1:30", "+5", "0b11"})
  void yamlNumbersOtherThanPlainDecimalAreRefusedNamingTheField(String written) {
    assertThatThrownBy(() -> PatientReader.parse(StrictJson.yaml(), "age: " + written + "\n", "r.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).path()).isEqualTo("age"));
  }

  @Test
  void plainDecimalYamlNumbersAreReadAsWritten() {
    Patient p = PatientReader.parse(StrictJson.yaml(), "age: 64\ndurationDays: 120\n", "r.yaml");
    assertThat(p.age()).isEqualTo(64);
    assertThat(p.durationDays()).isEqualTo(120);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Yes", "YES", "on", "On", "off", "y", "True", "FALSE", "No"})
  void yamlBooleanLikeWordsOtherThanTheDocumentedOnesAreRefused(String written) {
    assertThatThrownBy(() -> PatientReader.parse(StrictJson.yaml(),
        "signs:\n  " + signKey() + ": " + written + "\n", "r.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("signs." + signKey())
        .hasMessageContaining("allowed: yes, no, unknown");
  }

  @ParameterizedTest
  @CsvSource({"yes,PRESENT", "true,PRESENT", "no,ABSENT", "false,ABSENT", "unknown,NOT_ASKED"})
  void theDocumentedAnswerWordsReadTheSameInYamlAndJson(String written, Answer expected) {
    Patient yaml = PatientReader.parse(StrictJson.yaml(),
        "signs:\n  " + signKey() + ": " + written + "\n", "r.yaml");
    String json = written.equals("true") || written.equals("false") ? written : "\"" + written + "\"";
    Patient fromJson = PatientReader.parse(StrictJson.json(),
        "{\"signs\": {\"" + signKey() + "\": " + json + "}}", "r.json");
    assertThat(yaml.signs().getOrDefault(anySign(), Answer.NOT_ASKED)).isEqualTo(expected);
    assertThat(fromJson.signs().getOrDefault(anySign(), Answer.NOT_ASKED)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"age\": null}|age", "{\"signs\": null}|signs",
      "{\"signs\": {\"SIGN\": null}}|signs.SIGN", "{\"id\": null}|id"})
  void aJsonNullIsAnErrorNamingTheField(String record, String path) {
    String text = record.replace("SIGN", signKey());
    assertThatThrownBy(() -> PatientReader.parse(StrictJson.json(), text, "r.json"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).path())
            .isEqualTo(path.replace("SIGN", signKey())))
        .hasMessageContaining("null is not accepted");
  }

  @Test
  void aYamlNullIsTheSameError() {
    assertThatThrownBy(() -> PatientReader.parse(StrictJson.yaml(), "age: ~\n", "r.yaml"))
        .hasMessageContaining("age: null is not accepted");
  }

  @Test
  void aByteOrderMarkIsDroppedInJsonAsInYaml() throws IOException {
    Path json = dir.resolve("bom.json");
    Path yaml = dir.resolve("bom.yaml");
    Files.write(json, "\uFEFF{\"age\": 40}".getBytes(StandardCharsets.UTF_8));
    Files.write(yaml, "\uFEFFage: 40\n".getBytes(StandardCharsets.UTF_8));
    assertThat(PatientReader.read(json).age()).isEqualTo(40);
    assertThat(PatientReader.read(yaml).age()).isEqualTo(40);
  }

  @Test
  void messagesShowNoJacksonInternals() {
    assertThatThrownBy(() -> PatientReader.parse(StrictJson.json(), "{\"age\": [1]}", "r.json"))
        .hasMessageNotContaining("JsonToken")
        .hasMessageNotContaining("START_ARRAY")
        .hasMessageContaining("age: expected a whole number, found a list");
  }

  @Test
  void aDeviceLinkedAsARecordIsRefusedBeforeReading() throws IOException {
    Path zero = dir.resolve("x.json");
    Files.createSymbolicLink(zero, Path.of("/dev/zero"));
    assertThatThrownBy(() -> PatientReader.read(zero))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void aPipeWithNoWriterIsRefusedWithoutWaiting() throws Exception {
    Path fifo = dir.resolve("x.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    assertThatThrownBy(() -> PatientReader.read(fifo))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void aDanglingLinkIsNamedAsSuch() throws IOException {
    Path link = dir.resolve("gone.json");
    Files.createSymbolicLink(link, dir.resolve("missing.json"));
    assertThatThrownBy(() -> PatientReader.read(link))
        .hasMessageContaining("gone.json").hasMessageContaining("missing file");
  }

  @Test
  void anOversizedFileIsRefusedWithoutReadingItWhole() throws IOException {
    Path big = dir.resolve("big.json");
    byte[] spaces = new byte[StrictJson.MAX_DOCUMENT_CHARS * 4 + 10];
    java.util.Arrays.fill(spaces, (byte) ' ');
    Files.write(big, spaces);
    assertThatThrownBy(() -> PatientReader.read(big)).hasMessageContaining("too large");
  }
}
