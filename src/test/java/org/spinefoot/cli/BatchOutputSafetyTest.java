package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.RuleDirs;
import org.spinefoot.VariedPatients;
import org.spinefoot.io.StrictJson;

/** Issue 11: a batch never loses its input or an existing output, and resumes its numbering. */
@Timeout(60)
class BatchOutputSafetyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path rules;
  private Path in;
  private String input;

  @BeforeEach
  void setUp() throws IOException {
    rules = RuleDirs.withDispositionAnd(dir.resolve("rules"), "none.drl", "");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sb.append(StrictJson.json().writeValueAsString(VariedPatients.fixturePatient(i))).append('\n');
    }
    input = sb.toString();
    in = dir.resolve("in.ndjson");
    Files.writeString(in, input);
  }

  private BatchCommandTest.Run batch(String... args) {
    String[] all = Stream.concat(Stream.of("--rules", rules.toString(), "assess", "--batch"),
        Stream.of(args)).toArray(String[]::new);
    return BatchCommandTest.run("", all);
  }

  @Test
  void anOutputThatIsTheInputIsRefusedAndTheInputKept() throws IOException {
    Path link = dir.resolve("link.ndjson");
    Files.createSymbolicLink(link, in);
    Files.createDirectories(dir.resolve("sub"));
    for (String out : List.of(in.toString(), link.toString(),
        dir.resolve("sub/../in.ndjson").toString())) {
      BatchCommandTest.Run r = batch(in.toString(), "--out", out);
      assertThat(r.code()).as(out).isEqualTo(Main.BAD_INPUT);
      assertThat(r.err()).as(out).contains("is the input");
      assertThat(Files.readString(in)).as(out).isEqualTo(input);
    }
    BatchCommandTest.Run viaLink = batch(link.toString(), "--out", in.toString());
    assertThat(viaLink.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(Files.readString(in)).isEqualTo(input);
  }

  @Test
  void anExistingOutputIsReplacedWholeAndNoTemporaryFileIsLeft() throws IOException {
    Path out = dir.resolve("out.ndjson");
    Files.writeString(out, "old results\n");
    Path link = dir.resolve("out-link.ndjson");
    Files.createSymbolicLink(link, out);
    BatchCommandTest.Run r = batch(in.toString(), "--out", link.toString());
    assertThat(r.code()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllLines(out)).hasSize(5);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".part"));
    }
  }

  @Test
  void firstLineResumesTheNumberingAndCompactWritesIdsOnly() throws IOException {
    Path out = dir.resolve("out.ndjson");
    BatchCommandTest.Run r = batch(in.toString(), "--out", out.toString(),
        "--first-line", "101", "--compact");
    assertThat(r.code()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(5);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("line").asLong()).isEqualTo(101);
    assertThat(JSON.readTree(lines.get(4)).get("line").asLong()).isEqualTo(105);
    assertThat(first.get("disposition").asText()).isNotEmpty();
    assertThat(first.get("findings").isArray()).isTrue();
    assertThat(first.get("advice").isArray()).isTrue();
    assertThat(first.has("conclusions")).isFalse();
  }

  @Test
  void aFullDiskStopsTheBatchSayingHowFarTheOutputGot() {
    BatchCommandTest.Run r = batch(in.toString(), "--out", "/dev/full");
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("batch stopped: /dev/full: cannot write: No space left on device")
        .contains("no line was written");
  }

  @Test
  void standardInputThatIsTheOutputFileIsRefusedInARealProcess() throws Exception {
    Path out = dir.resolve("same.ndjson");
    Files.writeString(out, input);
    Process p = BatchSignalTest.spinefoot(List.of(), "--rules", rules.toString(), "assess",
        "--batch", "-", "--out", out.toString())
        .redirectInput(out.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(50, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(Main.BAD_INPUT);
    assertThat(err).contains("is the input (the file standard input reads)");
    assertThat(Files.readString(out)).isEqualTo(input);
  }

  @Test
  void threadsAreCapped() {
    BatchCommandTest.Run r = batch(in.toString(), "--threads", "2000");
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("--threads: give 1 to " + AssessCommand.MAX_THREADS);
  }
}
