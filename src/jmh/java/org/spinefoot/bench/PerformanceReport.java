package org.spinefoot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.spinefoot.Assessor;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.spinefoot.bench.scale.ScaleBenchmark;

/**
 * Runs every measurement of the performance issue and writes {@code docs/performance.md}:
 * JMH throughput of the harness, of the naive embedding over today's rules and over the fixed
 * revision-2 rules on 1 and 2 threads, and of the hand-written floor; cold start through the CLI
 * and the API, batch throughput end to end, and the heap the knowledge base holds.
 *
 * <p>{@code mvn -B -Pbench verify} runs it ({@code -Dbench.args=--quick} for a short smoke run).
 * The sections written by the benchmarks run on their own ({@link ServiceLoad}, {@link
 * ScaleBenchmark}) are kept as they stand.
 */
public final class PerformanceReport {
  static final String EXAMPLE = "facts/lumbar-stenosis-numbness-when-walking.yaml";

  private PerformanceReport() {}

  public static void main(String[] args) throws Exception {
    boolean quick = Arrays.asList(args).contains("--quick");
    if (Arrays.asList(args).contains("--cold-only")) {
      // -Dbench.args=--cold-only: the cold starts alone, printed, docs/performance.md untouched.
      for (String[] r : coldStartRows(quick ? 3 : 5)) {
        System.out.println("| " + String.join(" | ", r) + " |");
      }
      return;
    }
    Map<String, Double> opsPerSecond = new LinkedHashMap<>();
    for (int threads : new int[] {1, 2}) {
      for (RunResult r : jmh(threads, quick)) {
        String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
        opsPerSecond.put(name + "@" + threads, r.getPrimaryResult().getScore());
      }
    }
    double assess1 = opsPerSecond.get("assess@1");
    double assess2 = opsPerSecond.get("assess@2");
    double naive1 = opsPerSecond.get("naiveStatelessSession@1");
    double naive2 = opsPerSecond.get("naiveStatelessSession@2");
    double revision2Naive1 = opsPerSecond.get("naiveRevision2Baseline@1");
    double revision2Naive2 = opsPerSecond.get("naiveRevision2Baseline@2");
    double floor1 = opsPerSecond.get("handWrittenFloor@1");

    int runs = quick ? 3 : 7;
    List<String[]> coldStarts = coldStartRows(runs);
    double heapMb = heapOfKnowledgeBase() / (1024.0 * 1024.0);
    String batch = BatchMeasurement.measure(quick);
    Map<String, Double> askNext = AskNextBenchmark.measure(quick);
    Assessor assessor = Assessor.fromClasspath();
    double[] facts = org.spinefoot.SessionFacts.meanPerRecord(assessor,
        org.spinefoot.VariedPatients.patients(AssessBenchmark.PATIENTS, 42_000_000L));
    int[] observationNodes = AlphaNodes.counts(assessor).get(org.spinefoot.engine.facts.Observation.class.getName());

    List<String[]> rows = new ArrayList<>();
    rows.add(row("`assess` throughput, 1 thread (with full reasons)", fmt(assess1) + " /s", ">= 30,000 /s", ok(assess1 >= 30_000)));
    rows.add(row("`assess` throughput, 2 threads", fmt(assess2) + " /s", "", ""));
    rows.add(row("naive StatelessKieSession over today's rules, 1 thread", fmt(naive1) + " /s", "", ""));
    rows.add(row("naive StatelessKieSession over today's rules, 2 threads", fmt(naive2) + " /s", "", ""));
    rows.add(row("naive StatelessKieSession over the fixed revision-2 rules, 1 thread", fmt(revision2Naive1) + " /s", "", ""));
    rows.add(row("naive StatelessKieSession over the fixed revision-2 rules, 2 threads", fmt(revision2Naive2) + " /s", "", ""));
    rows.add(row("hand-written Java, ten most common rules (floor), 1 thread", fmt(floor1) + " /s", "", ""));
    rows.add(row("harness / naive over today's rules, 1 thread", ratio(assess1 / naive1), "", ""));
    rows.add(row("harness / naive over today's rules, 2 threads", ratio(assess2 / naive2), "", ""));
    rows.add(row("hand-written floor / harness, 1 thread (what the engine and reasons cost)", ratio(floor1 / assess1), "", ""));
    rows.add(row("harness / fixed revision-2 naive baseline, 1 thread", ratio(assess1 / revision2Naive1), ">= 5", ok(assess1 / revision2Naive1 >= 5)));
    rows.add(row("`assess` scaling, 2 threads / 1 thread", ratio(assess2 / assess1), ">= 1.8", ok(assess2 / assess1 >= 1.8)));
    rows.addAll(coldStarts);
    rows.add(row("batch end to end (JSON in, JSON out)", batch, ">= 50,000 /s", ok(parseRate(batch) >= 50_000)));
    double askEmpty = askNext.get("askNextEmptyRecord");
    rows.add(row("`askNext` (next questions and counterfactuals), record with nothing answered", String.format(Locale.ROOT, "%.2f ms", askEmpty), "< 2 ms", ok(askEmpty < 2)));
    rows.add(row("`askNext`, varied records", String.format(Locale.ROOT, "%.2f ms", askNext.get("askNextVariedRecord")), "", ""));
    rows.add(row("heap held by the knowledge base and its caches", String.format(Locale.ROOT, "%.1f MB", heapMb), "< 64 MB", ok(heapMb < 64)));
    rows.add(row("facts in a session per record: every question (as before issue 23) / inserted now", String.format(Locale.ROOT, "%.0f / %.0f", facts[0], facts[1]), "", ""));
    rows.add(row("`Observation` alpha nodes hashed (of the type node's alpha nodes)", observationNodes[1] + " of " + observationNodes[0] + " (revision 2: 0 of 39)", "", ""));

    StringBuilder md = new StringBuilder();
    md.append("# Performance\n\n");
    md.append("Written by `mvn -B -Pbench verify`").append(quick ? " (quick run: `-Dbench.args=--quick`)" : "")
        .append(" on ").append(LocalDate.now()).append(".\n\n");
    md.append("Machine: ").append(machine()).append("\n\n");
    md.append("| measurement | result | target | met |\n|---|---|---|---|\n");
    for (String[] r : rows) {
      md.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    md.append("\nJMH: ").append(quick ? "1 fork, 1 x 1 s warm-up, 2 x 1 s measurement" : "1 fork, 6 x 3 s warm-up, 5 x 2 s measurement")
        .append(", throughput mode, over ").append(AssessBenchmark.PATIENTS)
        .append(" varied generated records (seeded), cycled through; each thread starts at its own offset.\n");
    md.append("Cold starts are the median of ").append(runs).append(" runs of a fresh JVM on a warm disk.\n");
    md.append("\n").append(Notes.TEXT);
    Path out = Path.of("docs/performance.md");
    md.append(ServiceLoad.keptSection(out)); // the service's load figures, run separately
    // the synthetic knowledge bases' figures, run separately too, and the notes on them
    md.append(MarkedSection.keptAll(out, ScaleBenchmark.BEGIN, ScaleBenchmark.END,
        ScaleBenchmark.NOTES_BEGIN, ScaleBenchmark.NOTES_END));
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    System.out.println(md);
  }

  private static Collection<RunResult> jmh(int threads, boolean quick) throws RunnerException {
    ChainedOptionsBuilder o = new OptionsBuilder()
        .include(AssessBenchmark.class.getName())
        .threads(threads)
        .forks(1)
        .jvmArgsAppend("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
        // The fixed revision-2 baseline takes about 15 s to reach its steady speed.
        .warmupIterations(quick ? 1 : 6)
        .warmupTime(TimeValue.seconds(quick ? 1 : 3))
        .measurementIterations(quick ? 2 : 5)
        .measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .timeUnit(TimeUnit.SECONDS);
    return new Runner(o.build()).run();
  }

  /**
   * The cold starts: the launcher with rules/ as built (the executable model compiled at build
   * time), with an edited copy of rules/ (compiled from DRL at start), and the API.
   */
  private static List<String[]> coldStartRows(int runs) throws Exception {
    double cliModel = median(coldStartCli(runs, List.of()));
    Path edited = editedRules();
    double cliDrl = median(coldStartCli(runs, List.of("--rules", edited.toString())));
    double api = median(coldStartApi(runs));
    List<String[]> rows = new ArrayList<>();
    rows.add(row("cold start, `./spinefoot assess " + EXAMPLE + "` (rules/ as built: the "
        + "executable model compiled at build time)", ms(cliModel), "< 1000 ms",
        ok(cliModel < 1000)));
    rows.add(row("cold start, same with an edited rules/ (compiled from DRL at start)",
        ms(cliDrl), "", ""));
    rows.add(row("cold start, API: JVM start to first assessment (`Assessor.fromClasspath()`)",
        ms(api), "< 700 ms", ok(api < 700)));
    return rows;
  }

  /** A copy of rules/ with a comment added to one rule file: the DRL path, as a reviewer has it. */
  private static Path editedRules() throws IOException {
    Path copy = Files.createTempDirectory("spinefoot-edited-rules");
    Path rules = Path.of("rules");
    try (var paths = Files.walk(rules)) {
      for (Path p : paths.sorted().toList()) {
        Path target = copy.resolve(rules.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    try (var paths = Files.walk(copy)) {
      Path drl = paths.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst()
          .orElseThrow();
      Files.writeString(drl, Files.readString(drl) + "\n// edited for the benchmark\n");
    }
    return copy;
  }

  private static List<Double> coldStartCli(int runs, List<String> options) throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i <= runs; i++) {
      List<String> cmd = new ArrayList<>(List.of("./spinefoot"));
      cmd.addAll(options);
      cmd.addAll(List.of("assess", EXAMPLE));
      ProcessBuilder pb = new ProcessBuilder(cmd)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      long start = System.nanoTime();
      int code = pb.start().waitFor();
      double elapsed = (System.nanoTime() - start) / 1e6;
      if (code != 0) {
        throw new IllegalStateException("./spinefoot assess failed with " + code);
      }
      if (i > 0) { // the first run warms the disk cache
        times.add(elapsed);
      }
    }
    return times;
  }

  private static List<Double> coldStartApi(int runs) throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i <= runs; i++) {
      String out = javaProbe(ColdStartProbe.class.getName(), EXAMPLE);
      if (i > 0) {
        times.add(Double.parseDouble(out.strip().split(" ")[0]));
      }
    }
    return times;
  }

  private static long heapOfKnowledgeBase() throws Exception {
    return Long.parseLong(javaProbe(MemoryProbe.class.getName()).strip().split(" ")[0]);
  }

  static String javaProbe(String mainClass, String... args) throws Exception {
    // as the launcher starts the CLI
    return java(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), mainClass, args);
  }

  /**
   * Runs a main class of this class path in a fresh JVM with the given options (and warnings
   * only from the log); returns its standard output, its standard error passed through.
   */
  public static String java(List<String> jvmOptions, String mainClass, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), mainClass));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(mainClass + " failed: " + out);
    }
    return out;
  }

  /** The cores, processor, memory, system and Java of this machine, in one line. */
  public static String machine() throws IOException {
    String cpu = "unknown CPU";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.replaceAll(".*:\\s*", "")).orElse(cpu);
    }
    long memGb = ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 30;
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memGb
        + " GiB RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version")
        + ", Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
  }

  /** The median of some measurements (the upper one of an even count). */
  public static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  /** The leading number of "123,456 /s (...)". */
  private static double parseRate(String s) {
    try {
      return Double.parseDouble(s.split(" ")[0].replace(",", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String[] row(String... cells) {
    return cells;
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%,.0f", x);
  }

  private static String ratio(double x) {
    return String.format(Locale.ROOT, "%.2f x", x);
  }

  private static String ms(double x) {
    return String.format(Locale.ROOT, "%.0f ms", x);
  }

  private static String ok(boolean met) {
    return met ? "yes" : "**no**";
  }
}
