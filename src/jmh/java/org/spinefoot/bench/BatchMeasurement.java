package org.spinefoot.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spinefoot.VariedPatients;
import org.spinefoot.io.StrictJson;

/**
 * Batch throughput end to end: generated records written as NDJSON, then assessed by the CLI
 * ({@code assess --batch IN --out OUT}) in a fresh JVM on all cores, JSON parsing and writing
 * included. Reports the rate the batch measures itself and the wall-clock rate including JVM
 * start and loading the rules.
 */
final class BatchMeasurement {
  private static final Pattern RATE = Pattern.compile("\\((\\d+) records/s\\)");

  private BatchMeasurement() {}

  static String measure(boolean quick) throws Exception {
    int records = quick ? 50_000 : 400_000;
    Path dir = Files.createTempDirectory("spinefoot-batch-bench");
    Path in = dir.resolve("in.ndjson");
    Path out = dir.resolve("out.ndjson");
    ObjectWriter json = StrictJson.json().writer();
    try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
      for (int i = 0; i < records; i++) {
        w.write(json.writeValueAsString(VariedPatients.patient(99_000_000L + i)));
        w.write('\n');
      }
    }
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), "org.spinefoot.cli.Main",
        "assess", "--batch", in.toString(), "--out", out.toString()));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    long lines;
    try (var s = Files.lines(out)) {
      lines = s.count();
    }
    Files.deleteIfExists(in);
    Files.deleteIfExists(out);
    Files.deleteIfExists(dir);
    if (code != 0 || lines != records) {
      throw new IllegalStateException("batch run failed (exit " + code + ", " + lines
          + " lines out of " + records + "): " + err);
    }
    Matcher m = RATE.matcher(err);
    String measured = m.find() ? String.format(Locale.ROOT, "%,d", Long.parseLong(m.group(1))) : "?";
    return String.format(Locale.ROOT, "%s /s (%,d records; %,.0f /s wall clock with JVM start"
        + " and rule loading)", measured, records, records / wallSeconds);
  }

}
