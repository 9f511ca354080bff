package org.spinefoot.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.TestAssessor;
import org.spinefoot.Urgency;
import org.spinefoot.VariedPatients;
import org.spinefoot.io.StrictJson;

@Timeout(60)
class BatchAssessorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Assessor assessor = TestAssessor.get();

  static String line(Patient p) throws IOException {
    return StrictJson.json().writeValueAsString(p);
  }

  private record Output(BatchSummary summary, List<JsonNode> lines, String text) {}

  private Output run(int threads, String input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BatchSummary summary = new BatchAssessor(assessor, threads).run(
        new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
    String text = out.toString(StandardCharsets.UTF_8);
    return new Output(summary, parseLines(text), text);
  }

  static List<JsonNode> parseLines(String text) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    if (!text.isEmpty()) {
      assertThat(text).endsWith("\n");
      for (String l : text.split("\n", -1)) {
        if (!l.isEmpty()) {
          lines.add(JSON.readTree(l));
        }
      }
    }
    return lines;
  }

  @Test
  void resultsComeInInputOrderAndEqualOneThreadAssessingInTurn() throws IOException {
    StringBuilder input = new StringBuilder();
    List<Patient> patients = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Patient p = VariedPatients.fixturePatient(i);
      patients.add(p);
      input.append(line(p)).append('\n');
    }
    Output output = run(4, input.toString());
    assertThat(output.lines()).hasSize(patients.size());
    long[] byDisposition = new long[Urgency.values().length];
    for (int i = 0; i < patients.size(); i++) {
      ObjectNode result = (ObjectNode) output.lines().get(i);
      Patient p = patients.get(i);
      assertThat(result.get("line").asLong()).isEqualTo(i + 1);
      if (p.id() == null) {
        assertThat(result.has("id")).isFalse();
      } else {
        assertThat(result.get("id").asText()).isEqualTo(p.id());
      }
      result.remove(List.of("line", "id"));
      var expected = assessor.assess(p);
      byDisposition[expected.disposition().ordinal()]++;
      assertThat(result).as("line %d", i + 1)
          .isEqualTo(JSON.readTree(JSON.writeValueAsString(expected)));
    }
    BatchSummary s = output.summary();
    assertThat(s.lines()).isEqualTo(500);
    assertThat(s.assessed()).isEqualTo(500);
    assertThat(s.failed()).isZero();
    assertThat(s.stopped()).isFalse();
    for (Urgency u : Urgency.values()) {
      assertThat(byDisposition[u.ordinal()]).as("some %s records", u).isPositive();
      assertThat(s.dispositions().get(u)).isEqualTo(byDisposition[u.ordinal()]);
    }
    assertThat(s.describe()).startsWith("batch: 500 lines, 500 assessed, 0 failed; EMERGENCY ")
        .endsWith(" records/s)");
  }

  @Test
  void badLinesAmongGoodOnesGiveErrorRecordsAndTheBatchGoesOn() throws IOException {
    String good = line(VariedPatients.fixturePatient(1));
    String input = String.join("\n",
        good,
        "{\"id\": \"typo\", \"signs\": {\"fevr\": \"yes\"}}",
        "",
        "{\"id\": \"maybe\", \"signs\": {\"fever\": \"maybe\"}}",
        "{\"id\": \"old\", \"age\": 200}",
        "   ",
        "{\"id\": \"cut\", \"age\": ",
        "{\"id\": \"text-age\", \"age\": \"68\"}",
        "null",
        "[1, 2]",
        "{\"age\": 50, \"age\": 51}",
        "{\"age\": 50, \"signs\": {\"fever\": \"no\"}}\r",
        "{\"id\": \"last\", \"signs\": {\"fev");
    Output output = run(2, input);
    List<JsonNode> lines = output.lines();
    assertThat(lines).extracting(n -> n.get("line").asInt())
        .containsExactly(1, 2, 4, 5, 7, 8, 9, 10, 11, 12, 13);
    assertThat(lines.get(0).has("disposition")).isTrue();
    assertError(lines.get(1), "typo", "signs", "unknown sign 'fevr'");
    assertError(lines.get(2), "maybe", "signs.fever", "'maybe' is not an answer");
    assertError(lines.get(3), "old", "age", "0 to 120");
    assertError(lines.get(4), "cut", "age", "malformed");
    assertError(lines.get(5), "text-age", "age", "whole number");
    assertError(lines.get(6), null, "", "expected a patient record");
    assertError(lines.get(7), null, "", "expected a mapping");
    assertError(lines.get(8), null, "age", "Duplicate field 'age'");
    assertThat(lines.get(9).get("disposition").asText()).isNotEmpty();
    assertThat(lines.get(9).has("id")).isFalse();
    assertError(lines.get(10), "last", "signs", "end-of-input");

    BatchSummary s = output.summary();
    assertThat(s.lines()).isEqualTo(13);
    assertThat(s.assessed()).isEqualTo(2);
    assertThat(s.invalid()).isEqualTo(9);
    assertThat(s.assessmentFailures()).isZero();
    assertThat(s.blank()).isEqualTo(2);
    assertThat(s.describe()).startsWith("batch: 13 lines, 2 assessed, 9 failed, 2 blank; ");
  }

  private static void assertError(JsonNode line, String id, String path, String message) {
    assertThat(line.has("disposition")).isFalse();
    if (id == null) {
      assertThat(line.has("id")).as("id in %s", line).isFalse();
    } else {
      assertThat(line.get("id").asText()).isEqualTo(id);
    }
    JsonNode error = line.get("error");
    assertThat(error.get("kind").asText()).isEqualTo("input");
    assertThat(error.get("path").asText()).as("path in %s", line).isEqualTo(path);
    assertThat(error.get("message").asText()).contains(message);
  }

  @Test
  void linesNotInUtf8OrTooLongAreErrorRecordsAndTheNextLineIsRead() throws IOException {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}); // a byte order mark
    input.write((line(VariedPatients.fixturePatient(1)) + "\n").getBytes(StandardCharsets.UTF_8));
    input.write("{\"id\": \"latin\", \"description\": \"caf\u00e9\"}\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    input.write(("{\"id\": \"long\", \"description\": \""
        + "x".repeat(BatchAssessor.MAX_LINE_CHARS + 10) + "\"}\n").getBytes(StandardCharsets.UTF_8));
    input.write(("{\"id\": \"huge\", \"description\": \""
        + "x".repeat(5 * BatchAssessor.MAX_LINE_CHARS) + "\"}\n").getBytes(StandardCharsets.UTF_8));
    input.write((line(VariedPatients.fixturePatient(2)) + "\n").getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BatchSummary s = new BatchAssessor(assessor, 2).run(
        new java.io.ByteArrayInputStream(input.toByteArray()), out);
    List<JsonNode> lines = parseLines(out.toString(StandardCharsets.UTF_8));
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).get("id").asText()).isEqualTo("p1");
    assertError(lines.get(1), "latin", "", "not UTF-8");
    assertError(lines.get(2), "long", "", "line too long");
    assertError(lines.get(3), "huge", "", "line too long");
    assertThat(lines.get(4).get("id").asText()).isEqualTo("p2");
    assertThat(s.assessed()).isEqualTo(2);
    assertThat(s.invalid()).isEqualTo(3);
  }

  @Test
  void aReaderAndWriterGiveTheSameLinesAsStreams() throws IOException {
    String input = line(VariedPatients.fixturePatient(5)) + "\n\n{\"sings\": {}}\n"
        + line(VariedPatients.fixturePatient(6));
    StringWriter out = new StringWriter();
    BatchSummary s = new BatchAssessor(assessor, 3).run(new StringReader(input), out);
    assertThat(out.toString()).isEqualTo(run(1, input).text());
    assertThat(s.lines()).isEqualTo(4);
    assertThat(s.blank()).isEqualTo(1);
    assertThat(s.invalid()).isEqualTo(1);
  }

  @Test
  void anEmptyInputGivesNoLines() throws IOException {
    Output output = run(2, "");
    assertThat(output.text()).isEmpty();
    assertThat(output.summary().lines()).isZero();
  }

  @Test
  void interruptingTheBatchFinishesTheLinesInFlightAndLeavesEveryLineWhole() throws Exception {
    byte[] record = (line(VariedPatients.fixturePatient(9)) + "\n").getBytes(StandardCharsets.UTF_8);
    InputStream endless = new InputStream() {
      private int position;

      @Override
      public int read() {
        int b = record[position];
        position = (position + 1) % record.length;
        return b;
      }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicReference<BatchSummary> summary = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread batch = new Thread(() -> {
      try {
        summary.set(new BatchAssessor(assessor, 2).run(endless, out));
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    batch.start();
    while (out.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() < 200) {
      Thread.sleep(10);
    }
    batch.interrupt();
    batch.join(10_000);
    assertThat(batch.isAlive()).isFalse();
    BatchSummary s = summary.get();
    assertThat(s.stopped()).isTrue();
    assertThat(stillInterrupted).isTrue();
    assertThat(s.describe()).startsWith("batch stopped: ");
    List<JsonNode> lines = parseLines(out.toString(StandardCharsets.UTF_8));
    assertThat(lines).hasSizeGreaterThanOrEqualTo(200);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i).get("line").asInt()).isEqualTo(i + 1);
      assertThat(lines.get(i).get("disposition").asText()).isNotEmpty();
    }
    assertThat(s.assessed()).isEqualTo(lines.size());
    assertThat(s.lines()).isEqualTo(lines.size());
  }

  @Test
  void aFailingInputStreamEndsTheBatchWithAnErrorAfterTheLinesBeforeIt() throws IOException {
    byte[] two = (line(VariedPatients.fixturePatient(1)) + "\n" + line(VariedPatients.fixturePatient(2)) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    InputStream failing = new InputStream() {
      private int position;

      @Override
      public int read() throws IOException {
        if (position == two.length) {
          throw new IOException("disk on fire");
        }
        return two[position++];
      }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> new BatchAssessor(assessor, 2).run(failing, out))
        .isInstanceOf(IOException.class).hasMessageContaining("disk on fire");
    assertThat(parseLines(out.toString(StandardCharsets.UTF_8))).hasSize(2);
  }

  @Test
  void idInReadsTheIdentifierAsFarAsTheLineIsWellFormed() {
    assertThat(BatchAssessor.idIn("{\"age\": [1, {\"id\": \"inner\"}], \"id\": \"outer\", \"x\": ["))
        .isEqualTo("outer");
    assertThat(BatchAssessor.idIn("{\"age\": , \"id\": \"late\"}")).isNull();
    assertThat(BatchAssessor.idIn("{\"id\": 5}")).isNull();
    assertThat(BatchAssessor.idIn("not json")).isNull();
  }

  @Test
  void threadsMustBePositive() {
    assertThatThrownBy(() -> new BatchAssessor(assessor, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
