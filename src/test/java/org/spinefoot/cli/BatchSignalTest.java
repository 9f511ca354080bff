package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.RuleDirs;
import org.spinefoot.VariedPatients;
import org.spinefoot.io.StrictJson;

/**
 * {@code assess --batch} in a real JVM, stopped by SIGTERM (as Ctrl-C or a service manager
 * would) while it is reading and writing: every line written so far must be whole.
 */
@Timeout(180)
class BatchSignalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** As the launcher starts it: the JVM starts faster, which is most of these tests' time. */
  private static final List<String> QUICK_START =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  private static final int LINES_BEFORE_STOP = 100;

  @TempDir Path dir;

  /** The command line in a JVM of its own, on this test run's class path. */
  static ProcessBuilder spinefoot(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** Writes records to the process without end, until it stops reading. */
  private static Thread feed(OutputStream stdin) throws IOException {
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      records.add((StrictJson.json().writeValueAsString(VariedPatients.fixturePatient(i)) + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    Thread feeder = new Thread(() -> {
      try (OutputStream out = stdin) {
        for (long i = 0; ; i++) {
          out.write(records.get((int) (i % records.size())));
        }
      } catch (IOException closed) {
        // the process has ended
      }
    }, "batch-test-feeder");
    feeder.setDaemon(true);
    feeder.start();
    return feeder;
  }

  /**
   * Lines written so far: a file output is written beside the target (as {@code .NAME.*.part})
   * and moved into place at the end, so the lines in progress are counted there.
   */
  private static long lineCount(Path file) throws IOException {
    if (!Files.exists(file)) {
      try (java.util.stream.Stream<Path> beside = Files.list(file.getParent())) {
        Path part = beside.filter(p -> p.getFileName().toString()
            .startsWith("." + file.getFileName() + ".")).findFirst().orElse(null);
        return part == null ? 0 : lineCount(part);
      }
    }
    long count = 0;
    for (byte b : Files.readAllBytes(file)) {
      if (b == '\n') {
        count++;
      }
    }
    return count;
  }

  private void stopMidRunAndCheck(Path output, ProcessBuilder builder) throws Exception {
    Path err = dir.resolve("stderr.txt");
    Process process = builder.redirectError(err.toFile()).start();
    try {
      feed(process.getOutputStream());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (lineCount(output) < LINES_BEFORE_STOP) {
        assertThat(process.isAlive()).as("still running; stderr: %s", Files.readString(err))
            .isTrue();
        assertThat(System.nanoTime()).as("%d lines written in time", LINES_BEFORE_STOP).isLessThan(deadline);
        Thread.sleep(20);
      }
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    String[] lines = text.split("\n");
    assertThat(lines.length).isGreaterThanOrEqualTo(LINES_BEFORE_STOP);
    for (int i = 0; i < lines.length; i++) {
      JsonNode line = JSON.readTree(lines[i]);
      assertThat(line.get("line").asInt()).as("line %d", i + 1).isEqualTo(i + 1);
      assertThat(line.get("disposition").asText()).isNotEmpty();
    }
    assertThat(Files.readString(err)).contains("batch stopped: " + lines.length + " lines, "
        + lines.length + " assessed");
  }

  @Test
  void sigtermWhileWritingAFileLeavesEveryLineWrittenWhole() throws Exception {
    Path output = dir.resolve("out.ndjson");
    stopMidRunAndCheck(output,
        spinefoot(QUICK_START, "assess", "--batch", "-", "--out", output.toString()));
  }

  /** With the disposition rules only, which load faster: the stream is what is tested here. */
  @Test
  void sigtermWhileWritingStandardOutputLeavesEveryLineWrittenWhole() throws Exception {
    Path rules = RuleDirs.withDispositionAnd(dir.resolve("rules"), "none.drl", "");
    Path output = dir.resolve("stdout.ndjson");
    stopMidRunAndCheck(output,
        spinefoot(QUICK_START, "--rules", rules.toString(), "assess", "--batch", "-")
            .redirectOutput(output.toFile()));
  }
}
