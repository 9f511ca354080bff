package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.VariedPatients;
import org.spinefoot.io.StrictJson;

/**
 * A million-line batch in a JVM with a 256 MB heap: memory stays flat however long the input, so
 * it runs to the end, writes one line per record in order, and counts every line. Slow (minutes
 * on 2 cores): run with {@code mvn -B verify -Pslow}. It prints the throughput and the peak
 * resident memory.
 */
@Tag("slow")
class BatchMillionLinesSlowTest {
  private static final int RECORDS = 1_000_000;
  private static final int DISTINCT = 5_000;
  private static final Pattern LINE_NUMBER = Pattern.compile("^\\{\"line\":(\\d+),");
  private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

  @TempDir Path dir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.MINUTES)
  void aMillionLinesRunInA256MegabyteHeap() throws Exception {
    Path input = dir.resolve("million.ndjson");
    List<String> distinct = new ArrayList<>();
    for (int i = 0; i < DISTINCT; i++) {
      distinct.add(StrictJson.json().writeValueAsString(VariedPatients.fixturePatient(i)));
    }
    // Two bad lines and a blank one among the million records.
    long badA = 250_000;
    long blank = 500_000;
    long badB = 750_000;
    try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      long written = 0;
      for (long line = 1; written < RECORDS + 2; line++) {
        if (line == blank) {
          w.write("\n");
          continue;
        }
        w.write(line == badA ? "{\"id\": \"bad-a\", \"signs\": {\"fevr\": \"yes\"}}"
            : line == badB ? "{\"id\": \"bad-b\", \"age\": "
            : distinct.get((int) (line % DISTINCT)));
        w.write('\n');
        written++;
      }
    }
    long started = System.nanoTime();
    Process process = BatchSignalTest.spinefoot(List.of("-Xmx256m"),
        "assess", "--batch", input.toString()).redirectError(dir.resolve("err.txt").toFile())
        .start();
    process.getOutputStream().close();
    long peakKb = 0;
    long lines = 0;
    long expectedNumber = 1;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while ((line = out.readLine()) != null) {
        if (expectedNumber == blank) {
          expectedNumber++;
        }
        Matcher m = LINE_NUMBER.matcher(line);
        assertThat(m.find()).as("line %d starts with its number: %.80s", lines + 1, line).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(expectedNumber);
        if (expectedNumber == badA || expectedNumber == badB) {
          assertThat(line).contains("\"error\":");
        }
        expectedNumber++;
        lines++;
        if (lines % 10_000 == 0) {
          peakKb = Math.max(peakKb, peakResidentKb(process));
        }
      }
    }
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    double seconds = (System.nanoTime() - started) / 1e9;
    String err = Files.readString(dir.resolve("err.txt"));
    assertThat(process.exitValue()).as("exit code; stderr: %s", err).isEqualTo(Main.CHECK_FAILED);
    assertThat(lines).isEqualTo(RECORDS + 2);
    assertThat(err).contains("batch: " + (RECORDS + 3) + " lines, " + RECORDS + " assessed, "
        + "2 failed, 1 blank; ");
    System.out.printf("%d lines in %.0f s with -Xmx256m: %s; peak resident memory %d MB%n",
        lines, seconds, err.strip(), peakKb / 1024);
  }

  /** The process's peak resident memory so far, from Linux's /proc; 0 elsewhere. */
  private static long peakResidentKb(Process process) {
    try {
      Matcher m = VM_HWM.matcher(Files.readString(Path.of("/proc", process.pid() + "", "status")));
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }
}
