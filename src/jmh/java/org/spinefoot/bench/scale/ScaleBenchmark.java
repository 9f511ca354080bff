package org.spinefoot.bench.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.spinefoot.bench.AlphaNodes;
import org.spinefoot.bench.MarkedSection;
import org.spinefoot.bench.MemoryProbe;
import org.spinefoot.bench.PerformanceReport;
import org.spinefoot.bench.ServiceLoad;

/**
 * How the engine's costs grow with the size of the knowledge base (issue 23, item 3), on
 * synthetic rule sets of 100 to 10,000 rules over 100 to 2,000 observations ({@link
 * SyntheticRuleBase}). For each size, in a fresh JVM of its own (so that one size's garbage, JIT
 * profile and loaded classes do not weigh on the next) after a warm-up on a small rule set, it
 * measures:
 *
 * <ul>
 *   <li>the time to make the KieBase from DRL ({@code KnowledgeBuilder}, as the library loads an
 *       edited {@code rules/});
 *   <li>the time to generate and compile the executable model ({@code KieBuilder.buildAll} with
 *       {@link ExecutableModelProject}: what the build does once), and the time to make the
 *       KieBase from the compiled model (what {@code Assessor.fromClasspath()} does at start);
 *   <li>the heap each KieBase retains (used heap after full collections, before and after);
 *   <li>the time per record (30 to 60 answered observations inserted into a pooled session, the
 *       rules fired, the findings read back), on both KieBases: the mean of each round over the
 *       same records, after a warm-up; the median of the rounds is reported. The two KieBases
 *       must reach the same findings on every record, or the run fails.
 * </ul>
 *
 * <p>Prints two Markdown tables and a paragraph on how each cost grows, and writes them into {@code
 * docs/performance.md} between {@value #BEGIN} and {@value #END} ({@code PerformanceReport} keeps
 * them): {@code mvn -B -o -Pbench verify -Dbench.main=org.spinefoot.bench.scale.ScaleBenchmark}
 * ({@code -Dbench.args=--quick} for a smoke run of small sizes; {@code
 * -Dbench.args=--sizes=100x100,1000x500} for chosen sizes, rules x observations).
 */
public final class ScaleBenchmark {
  public static final String BEGIN = "<!-- scale:begin -->";
  public static final String END = "<!-- scale:end -->";
  /** Notes on the figures, written by hand below them: kept by this and by the full report. */
  public static final String NOTES_BEGIN = "<!-- scale-notes:begin -->";
  public static final String NOTES_END = "<!-- scale-notes:end -->";

  /** The diagonal, then 10,000 rules over the smallest vocabulary and 100 over the largest. */
  static final List<int[]> FULL = List.of(new int[] {100, 100}, new int[] {1_000, 500},
      new int[] {10_000, 2_000}, new int[] {10_000, 100}, new int[] {100, 2_000});
  static final List<int[]> QUICK = List.of(new int[] {100, 100}, new int[] {1_000, 100});
  static final long SEED = 23_003;
  /** The heap of each measuring JVM: room to generate and compile the model of 10,000 rules. */
  static final String HEAP = System.getProperty("bench.scaleHeap", "3g");

  /** The list of a compiled model's Model classes, in its directory. */
  private static final String MODELS = "models.txt";
  private static final AtomicInteger BUILDS = new AtomicInteger();
  /** Read by nobody: keeps the findings read from each session from being optimised away. */
  private static volatile long sink;
  /** The time spent giving sessions back to the pool, in the current round. */
  private static long disposeNanos;

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    boolean quick = options.contains("--quick");
    int one = options.indexOf("--one");
    if (one >= 0) { // in the measuring JVM
      int[] size = parseSize(args[one + 1]);
      System.out.println(measure(size[0], size[1], quick).toLine());
      return;
    }
    List<int[]> sizes = quick ? QUICK : FULL;
    for (String o : options) {
      if (o.startsWith("--sizes=")) {
        sizes = Arrays.stream(o.substring("--sizes=".length()).split(","))
            .map(ScaleBenchmark::parseSize).toList();
      } else if (!o.equals("--quick") && !o.equals("--full")) {
        throw new IllegalArgumentException("unknown option " + o + "; allowed: --quick, --full, "
            + "--sizes=RULESxOBSERVATIONS,...");
      }
    }
    String loadAtStart = ServiceLoad.loadAverage();
    List<Figures> figures = new ArrayList<>();
    for (int[] size : sizes) {
      System.err.printf(Locale.ROOT, "scale: %,d rules x %,d observations%n", size[0], size[1]);
      List<String> childArgs = new ArrayList<>(List.of("--one", size[0] + "x" + size[1]));
      if (quick) {
        childArgs.add("--quick");
      }
      String out = PerformanceReport.java(List.of("-Xmx" + HEAP),
          ScaleBenchmark.class.getName(), childArgs.toArray(new String[0]));
      Figures f = Figures.parse(out.strip().lines().reduce((a, b) -> b).orElseThrow());
      System.err.println("scale: " + f.toLine());
      figures.add(f);
    }
    String section = section(figures, quick, loadAtStart, ServiceLoad.loadAverage());
    System.out.println(section);
    MarkedSection.write(Path.of("docs/performance.md"), BEGIN, END, section);
  }

  /** The figures of one size, measured in this JVM. */
  static Figures measure(int rules, int vocabulary, boolean quick) throws Exception {
    SyntheticRuleBase generator = new SyntheticRuleBase(rules, vocabulary, SEED);
    String drl = generator.drl();
    Plan plan = Plan.of(quick);
    List<List<Obs>> records = generator.records(plan.records, SEED + 1);

    // Warm-up on a small rule set: the DRL and Java compilers and the engine are loaded and
    // compiled by the JIT before anything is timed, as in a JVM that has built a rule base.
    SyntheticRuleBase small = new SyntheticRuleBase(100, 100, SEED + 2);
    List<List<Obs>> smallRecords = small.records(Plan.WARM_UP.records, SEED + 3);
    for (int i = 0; i < 2; i++) {
      perRecord(fromDrl(small.drl()), smallRecords, Plan.WARM_UP);
      perRecord(loadModel(buildModel(small.drl())), smallRecords, Plan.WARM_UP);
    }

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = MemoryProbe.settledHeap(memory);
    List<Double> drlLoads = new ArrayList<>();
    long start = System.nanoTime();
    KieBase drlBase = fromDrl(drl);
    drlLoads.add(ms(start));
    long drlHeap = MemoryProbe.settledHeap(memory) - before;
    for (int i = 1; i < (rules <= 1_000 ? 3 : 1); i++) { // small ones again: the median
      start = System.nanoTime();
      fromDrl(drl);
      drlLoads.add(ms(start));
    }
    progress(generator, "from DRL in %s", drlLoads);
    int[] obsNodes = AlphaNodes.counts(drlBase).getOrDefault(Obs.class.getName(), new int[2]);
    Timing drlTiming = perRecord(drlBase, records, plan);
    progress(generator, "%.1f us per record (DRL)", drlTiming.microsPerRecord);
    drlBase = null; // only the model's KieBase from here on, for its heap

    start = System.nanoTime();
    Path model = buildModel(drl);
    double modelBuild = ms(start);
    before = MemoryProbe.settledHeap(memory);
    start = System.nanoTime();
    KieBase modelBase = loadModel(model);
    double modelLoad = ms(start);
    long modelHeap = MemoryProbe.settledHeap(memory) - before;
    progress(generator, "model built in %.0f ms, loaded in %.0f ms", modelBuild, modelLoad);
    Timing modelTiming = perRecord(modelBase, records, plan);
    if (!Arrays.equals(drlTiming.findings, modelTiming.findings)
        || drlTiming.firingsPerRecord != modelTiming.firingsPerRecord) {
      throw new IllegalStateException("the DRL and the executable model reach different findings"
          + " on the same records: " + generator);
    }
    return new Figures(rules, vocabulary, drl.length(), PerformanceReport.median(drlLoads),
        modelBuild, modelLoad, drlHeap, modelHeap, drlTiming.microsPerRecord,
        modelTiming.microsPerRecord, drlTiming.resetMicros, modelTiming.resetMicros,
        Arrays.stream(drlTiming.findings).average().orElse(0), drlTiming.firingsPerRecord,
        obsNodes[0], obsNodes[1]);
  }

  private static void progress(SyntheticRuleBase generator, String format, Object... args) {
    System.err.println("scale: " + generator + ": " + String.format(Locale.ROOT, format, args));
  }

  /** Where the compiled models' classes go: deleted when the measuring JVM ends. */
  private static final class ModelDirs {
    static final Path ROOT = create();

    private static Path create() {
      try {
        Path dir = Files.createTempDirectory("spinefoot-scale-models");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          } catch (IOException e) {
            System.err.println("scale: cannot delete " + dir + ": " + e);
          }
        }));
        return dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A KieBase compiled from DRL, as the library compiles an edited {@code rules/}. */
  static KieBase fromDrl(String drl) {
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
        KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(
            ScaleBenchmark.class.getClassLoader()));
    builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
        .setSourcePath("synthetic.drl"), ResourceType.DRL);
    if (builder.hasErrors()) {
      throw new IllegalStateException("the synthetic rules do not compile: "
          + builder.getErrors());
    }
    return builder.newKieBase();
  }

  /**
   * The executable model of the rules, generated from the DRL and compiled in memory as the
   * build does, its classes written to a new directory (as the build writes them into the jar).
   */
  static Path buildModel(String drl) throws IOException {
    KieServices ks = KieServices.Factory.get();
    ReleaseId id = ks.newReleaseId("org.spinefoot.bench", "scale",
        "1.0." + BUILDS.incrementAndGet());
    KieFileSystem files = ks.newKieFileSystem().generateAndWritePomXML(id);
    files.write("src/main/resources/" + SyntheticRuleBase.PACKAGE.replace('.', '/')
        + "/synthetic.drl", drl);
    KieBuilder builder = ks.newKieBuilder(files).buildAll(ExecutableModelProject.class);
    if (builder.getResults().hasMessages(Message.Level.ERROR)) {
      throw new IllegalStateException("the executable model does not build: "
          + builder.getResults().getMessages(Message.Level.ERROR));
    }
    CanonicalKieModule module = (CanonicalKieModule) builder.getKieModule();
    ks.getRepository().removeKieModule(id);
    Path dir = Files.createTempDirectory(ModelDirs.ROOT, "model");
    for (Map.Entry<String, byte[]> c : module.getClassesMap().entrySet()) {
      String name = c.getKey().endsWith(".class") ? c.getKey()
          : c.getKey().replace('.', '/') + ".class";
      Path target = dir.resolve(name);
      Files.createDirectories(target.getParent());
      Files.write(target, c.getValue());
    }
    Files.write(dir.resolve(MODELS), module.getBytes(CanonicalKieModule.getModelFileWithGAV(id)));
    return dir;
  }

  /**
   * The KieBase of a compiled model: its classes loaded from the directory, the network made, as
   * the library makes it from the model in its jar.
   */
  static KieBase loadModel(Path dir) throws Exception {
    ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        ScaleBenchmark.class.getClassLoader());
    List<Model> models = new ArrayList<>();
    for (String name : Files.readAllLines(dir.resolve(MODELS))) {
      if (!name.isBlank() && !name.contains(":")) { // not the Drools-Model-Version: line
        models.add((Model) Class.forName(name.strip(), true, loader)
            .getDeclaredConstructor().newInstance());
      }
    }
    return KieBaseBuilder.createKieBaseFromModel(models);
  }

  /**
   * How records are timed: {@code records} of them, one pass and then {@code warmUpSeconds} of
   * warm-up, then {@code rounds} rounds of at least {@code roundSeconds}.
   */
  record Plan(int records, double warmUpSeconds, int rounds, double roundSeconds) {
    /** One pass, nothing timed: for the warm-up on a small rule set. */
    static final Plan WARM_UP = new Plan(50, 0, 0, 0);

    static Plan of(boolean quick) {
      return quick ? new Plan(200, 1, 3, 0.3) : new Plan(300, 2, 5, 1);
    }
  }

  /** Time per record and the findings on each record. */
  record Timing(double microsPerRecord, double resetMicros, int[] findings,
      double firingsPerRecord) {}

  /**
   * Runs every record through a pooled session (insert its observations, fire, read the
   * findings) once, then on, cycling through them, for the plan's warm-up, then its rounds. The
   * median of the rounds' mean time per record and of their mean time to give the session back
   * to the pool (which resets it), and the findings and rule firings of the first pass.
   */
  static Timing perRecord(KieBase base, List<List<Obs>> records, Plan plan) {
    KieSessionsPool pool = base.newKieSessionsPool(1);
    try {
      int[] findings = new int[records.size()];
      long firings = 0;
      for (int i = 0; i < records.size(); i++) {
        int[] outcome = assess(pool, records.get(i));
        findings[i] = outcome[0];
        firings += outcome[1];
      }
      long warmUpEnd = System.nanoTime() + (long) (plan.warmUpSeconds * 1e9);
      int next = 0;
      while (System.nanoTime() < warmUpEnd) {
        sink += assess(pool, records.get(next++ % records.size()))[0];
      }
      List<Double> means = new ArrayList<>();
      List<Double> resets = new ArrayList<>();
      for (int r = 0; r < plan.rounds; r++) {
        disposeNanos = 0;
        long start = System.nanoTime();
        long end = start + (long) (plan.roundSeconds * 1e9);
        int n = 0;
        do {
          sink += assess(pool, records.get(next++ % records.size()))[0];
          n++;
        } while (System.nanoTime() < end);
        means.add((System.nanoTime() - start) / 1e3 / n);
        resets.add(disposeNanos / 1e3 / n);
      }
      return new Timing(means.isEmpty() ? 0 : PerformanceReport.median(means),
          resets.isEmpty() ? 0 : PerformanceReport.median(resets), findings,
          (double) firings / records.size());
    } finally {
      pool.shutdown();
    }
  }

  /** One record in a session from the pool: the findings it reaches and the rules fired. */
  private static int[] assess(KieSessionsPool pool, List<Obs> record) {
    KieSession session = pool.newKieSession();
    try {
      for (Obs o : record) {
        session.insert(o);
      }
      int fired = session.fireAllRules();
      int n = 0;
      for (Object o : session.getObjects(o -> o instanceof Finding)) {
        sink += ((Finding) o).getUrgency().length();
        n++;
      }
      return new int[] {n, fired};
    } finally {
      long start = System.nanoTime();
      session.dispose(); // back to the pool, reset
      disposeNanos += System.nanoTime() - start;
    }
  }

  /** The figures of one size, passed from the measuring JVM as one line. */
  record Figures(int rules, int vocabulary, int drlChars, double drlLoadMs, double modelBuildMs,
      double modelLoadMs, long drlHeap, long modelHeap, double drlMicros, double modelMicros,
      double drlResetMicros, double modelResetMicros, double findings, double firings,
      int obsNodes, int obsHashed) {

    String toLine() {
      return String.format(Locale.ROOT,
          "FIGURES %d %d %d %.1f %.1f %.1f %d %d %.2f %.2f %.2f %.2f %.3f %.3f %d %d", rules,
          vocabulary, drlChars, drlLoadMs, modelBuildMs, modelLoadMs, drlHeap, modelHeap,
          drlMicros, modelMicros, drlResetMicros, modelResetMicros, findings, firings, obsNodes,
          obsHashed);
    }

    static Figures parse(String line) {
      String[] f = line.split(" ");
      if (!f[0].equals("FIGURES") || f.length != 17) {
        throw new IllegalArgumentException("not a line of figures: " + line);
      }
      return new Figures(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
          Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
          Long.parseLong(f[7]), Long.parseLong(f[8]), Double.parseDouble(f[9]),
          Double.parseDouble(f[10]), Double.parseDouble(f[11]), Double.parseDouble(f[12]),
          Double.parseDouble(f[13]), Double.parseDouble(f[14]), Integer.parseInt(f[15]),
          Integer.parseInt(f[16]));
    }
  }

  /** The Markdown section: the tables and what they say, between the markers. */
  static String section(List<Figures> figures, boolean quick, String loadAtStart,
      String loadAtEnd) throws Exception {
    Plan plan = Plan.of(quick);
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append("\n## Scale of the knowledge base (synthetic rule sets)\n\n");
    md.append("Written by `mvn -B -Pbench verify -Dbench.main=")
        .append(ScaleBenchmark.class.getName()).append('`')
        .append(quick ? " (quick run: `-Dbench.args=--quick`)" : "").append(" on ")
        .append(LocalDate.now()).append(" (load average at the start: ").append(loadAtStart)
        .append(", at the end: ").append(loadAtEnd).append(").\n\n");
    md.append("Machine: ").append(PerformanceReport.machine()).append("\n\n");
    md.append("""
        Synthetic rule sets (`SyntheticRuleBase`, seeded): every rule has 2 to 5 conditions, \
        each an equality on a String code that Drools hashes (`Obs( code == "o12", present )`, \
        some `!present` or `not Obs(...)`), with codes drawn with weight 1/rank, so that popular \
        observations are shared by many rules; a fifth of the rules conclude an intermediate \
        `Derived` fact that a quarter of the others read; every action is an `insertLogical` of \
        one small fact. A record is 30 to 60 answered observations of the vocabulary, drawn the \
        same way, each yes with probability 0.3. Each size is measured in a fresh JVM \
        (`-Xmx%s`) after a warm-up on 100 rules. Load from DRL: `KnowledgeBuilder` to KieBase \
        (median of 3 up to 1,000 rules, one build above). The executable model is generated \
        and compiled in memory (`KieBuilder.buildAll(ExecutableModelProject.class)`: what the \
        build does), its classes written to a directory, then loaded from there (classes to \
        KieBase through `KieBaseBuilder.createKieBaseFromModel`: what \
        `Assessor.fromClasspath()` does at start), once each. Heap: the used heap after full \
        collections with the KieBase held, less that before it was made.

        | rules | observations | DRL text | `Obs` alpha nodes (hashed) | load from DRL \
        | model: generate + compile | model: load | heap, KieBase from DRL \
        | heap, KieBase from model |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """.formatted(HEAP));
    for (Figures f : figures) {
      md.append(String.format(Locale.ROOT, "| %,d | %,d | %,.0f KB | %d (%d) | %s | %s | %s "
              + "| %.1f MB | %.1f MB |%n",
          f.rules, f.vocabulary, f.drlChars / 1024.0, f.obsNodes, f.obsHashed,
          seconds(f.drlLoadMs), seconds(f.modelBuildMs), seconds(f.modelLoadMs),
          f.drlHeap / 1048576.0, f.modelHeap / 1048576.0));
    }
    md.append("""

        Time per record: its observations inserted into a session from a `KieSessionsPool` \
        (as the library does), `fireAllRules`, the findings read back, the session given back \
        to the pool (which resets it: "of which reset"). The median of %d rounds of at least \
        %s s each, cycling through %d records, after one pass over them and %s s of warm-up. \
        Both KieBases reach the same findings and fire the same rules on every record.

        | rules | observations | rules fired per record | findings per record \
        | per record, DRL (of which reset) | per record, model (of which reset) |
        |---:|---:|---:|---:|---:|---:|
        """.formatted(plan.rounds, number(plan.roundSeconds), plan.records,
        number(plan.warmUpSeconds)));
    for (Figures f : figures) {
      md.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %.1f | %s (%s) | %s (%s) |%n",
          f.rules, f.vocabulary, f.firings, f.findings, micros(f.drlMicros),
          micros(f.drlResetMicros), micros(f.modelMicros), micros(f.modelResetMicros)));
    }
    md.append('\n').append(growth(figures)).append('\n').append(END).append('\n');
    return md.toString();
  }

  /**
   * What the tables say about growth: each larger rule set against the smallest over the same
   * vocabulary, the largest vocabulary against the smallest under the same rules, and the
   * largest size against the smallest.
   */
  static String growth(List<Figures> figures) {
    List<String> sentences = new ArrayList<>();
    for (Figures large : figures) {
      Figures small = figures.stream().filter(f -> f.vocabulary == large.vocabulary)
          .min(Comparator.comparingInt(Figures::rules)).orElseThrow();
      if (large.rules > small.rules) {
        sentences.add(String.format(Locale.ROOT, "Over %,d observations, %,d rules against "
            + "%,d (%s as many): %s the time per record from DRL and %s from the model "
            + "(rules fired per record %.1f against %.1f); %s the time to load from DRL, %s "
            + "to generate and compile the model, %s to load it; %s the heap from DRL.",
            large.vocabulary, large.rules, small.rules, times(large.rules, small.rules),
            times(large.drlMicros, small.drlMicros), times(large.modelMicros, small.modelMicros),
            large.firings, small.firings,
            grown(large.drlLoadMs, small.drlLoadMs, large.rules, small.rules),
            grown(large.modelBuildMs, small.modelBuildMs, large.rules, small.rules),
            grown(large.modelLoadMs, small.modelLoadMs, large.rules, small.rules),
            grown(large.drlHeap, small.drlHeap, large.rules, small.rules)));
      }
    }
    for (Figures large : figures) {
      Figures small = figures.stream().filter(f -> f.rules == large.rules)
          .min(Comparator.comparingInt(Figures::vocabulary)).orElseThrow();
      boolean largest = figures.stream()
          .noneMatch(f -> f.rules == large.rules && f.vocabulary > large.vocabulary);
      if (large.vocabulary > small.vocabulary && largest) {
        sentences.add(String.format(Locale.ROOT, "With %,d rules, %,d observations against "
            + "%,d: %s the time per record from DRL and %s from the model (rules fired per "
            + "record %.1f against %.1f), %s the time to load from DRL.",
            large.rules, large.vocabulary, small.vocabulary,
            times(large.drlMicros, small.drlMicros), times(large.modelMicros, small.modelMicros),
            large.firings, small.firings, times(large.drlLoadMs, small.drlLoadMs)));
      }
    }
    Figures smallest = figures.stream().min(Comparator.comparingInt(Figures::rules)
        .thenComparingInt(Figures::vocabulary)).orElse(null);
    Figures largest = figures.stream().max(Comparator.comparingInt(Figures::rules)
        .thenComparingInt(Figures::vocabulary)).orElse(null);
    if (smallest != null && largest.rules > smallest.rules
        && largest.vocabulary > smallest.vocabulary) {
      sentences.add(String.format(Locale.ROOT, "Both growing, %,d rules over %,d observations "
          + "against %,d over %,d: %s the time per record from DRL, %s from the model.",
          largest.rules, largest.vocabulary, smallest.rules, smallest.vocabulary,
          times(largest.drlMicros, smallest.drlMicros),
          times(largest.modelMicros, smallest.modelMicros)));
    }
    return sentences.isEmpty() ? "" : String.join(" ", sentences) + "\n";
  }

  private static String times(double large, double small) {
    double x = large / small;
    return String.format(Locale.ROOT, x < 10 ? "%.1f times" : "%,.0f times", x);
  }

  /**
   * "95 times (exponent 0.99)": how much a cost grew between two sizes, and the exponent k of
   * cost ~ size^k that it gives (1: linear).
   */
  private static String grown(double large, double small, int largeSize, int smallSize) {
    return times(large, small) + String.format(Locale.ROOT, " (exponent %.2f)",
        Math.log(large / small) / Math.log((double) largeSize / smallSize));
  }

  private static String micros(double us) {
    return us < 1000 ? String.format(Locale.ROOT, "%.0f us", us)
        : String.format(Locale.ROOT, "%.2f ms", us / 1000);
  }

  private static String number(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }

  private static String seconds(double ms) {
    return ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms)
        : String.format(Locale.ROOT, "%.1f s", ms / 1000);
  }

  private static double ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private static int[] parseSize(String s) {
    String[] p = s.toLowerCase(Locale.ROOT).split("x");
    if (p.length != 2) {
      throw new IllegalArgumentException("a size is RULESxOBSERVATIONS, e.g. 1000x500: " + s);
    }
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
  }
}
