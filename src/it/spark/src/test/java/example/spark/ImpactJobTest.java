package example.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.Records;
import org.spinefoot.Vocabulary;
import org.spinefoot.impact.CorpusGenerator;

/**
 * The Spark job in local[2] on 10,000 generated records, before and after a threshold change,
 * against a direct assessment of every record with two assessors in this JVM.
 */
class ImpactJobTest {
  private static final int RECORDS = 10_000;
  /** Records the threshold search assesses, the first of the corpus. */
  private static final int SAMPLE = 1_000;
  private static final int MAX_THRESHOLDS_TRIED = 12;
  /** Lines after the generated records: a blank line and two records that do not read. */
  private static final List<String> BAD_LINES = List.of(
      "", "{\"id\": \"unreadable\", \"signs\": {\"fever\": \"maybe\"}}", "not json");
  /** A comparison with an integer literal in a rule's condition. */
  private static final Pattern THRESHOLD =
      Pattern.compile("(?<![\\w.$])(>=|<=|>|<)\\s*(\\d+)\\b");
  private static final Pattern WHEN_PART =
      Pattern.compile("(?ms)^\\s*when\\s*$(.*?)^\\s*then\\s*$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final org.apache.spark.sql.Encoder<RecordImpact> RESULT =
      Encoders.bean(RecordImpact.class);

  @TempDir static Path work;
  private static SparkSession spark;
  private static Path corpus;
  private static Path changedRules;
  private static Assessor before;
  private static Assessor after;

  @BeforeAll
  static void startSparkAndWriteTheInputs() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("impact-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    corpus = work.resolve("corpus.ndjson");
    try (Writer out = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
      new CorpusGenerator(Vocabulary.packaged(), 26).write(RECORDS, out);
      for (String line : BAD_LINES) {
        out.write(line + "\n");
      }
    }
    changedRules = work.resolve("rules-after");
    copy(Path.of(System.getProperty("spinefoot.rules")), changedRules);
    before = Assessor.fromClasspath();
    List<Patient> sample = Files.readAllLines(corpus, StandardCharsets.UTF_8)
        .subList(0, SAMPLE).stream().map(Records::patientFromJson).toList();
    after = changeAThresholdThatMovesRecords(changedRules, sample);
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void theJobsResultsAndSummaryAreThoseOfADirectAssessmentOfEveryRecord() throws IOException {
    Path output = work.resolve("impact");
    long started = System.nanoTime();
    ImpactSummary summary = ImpactJob.run(spark, options(corpus, "ndjson", output, "json"));
    System.out.printf("local[2]: %,d records, both knowledge bases, in %.1f s%n",
        summary.records(), (System.nanoTime() - started) / 1e9);

    List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
    List<RecordImpact> results = spark.read().schema(RESULT.schema())
        .json(output.resolve("results").toString()).as(RESULT).collectAsList();
    List<RecordImpact> byRecord = new ArrayList<>(results);
    byRecord.sort(Comparator.comparingLong(RecordImpact::getRecord));
    List<Long> expectedNumbers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        expectedNumbers.add(i + 1L);
      }
    }
    assertEquals(expectedNumbers, byRecord.stream().map(RecordImpact::getRecord).toList(),
        "one result per non-blank line, numbered by line");

    long directStarted = System.nanoTime();
    List<Direct.Outcome> outcomes = byRecord.parallelStream()
        .map(result -> Direct.assess(lines.get((int) result.getRecord() - 1))).toList();
    System.out.printf("direct, 2 threads: %.1f s%n", (System.nanoTime() - directStarted) / 1e9);
    Direct direct = new Direct();
    for (int i = 0; i < byRecord.size(); i++) {
      direct.check(outcomes.get(i), byRecord.get(i));
    }
    assertTrue(direct.changed > 0, "the threshold change moved no record");
    System.out.printf("records whose disposition, findings or advice changed: %d; went down: %d%n",
        direct.changed, direct.wentDown.size());

    assertEquals(summary, JSON.readValue(output.resolve("summary.json").toFile(),
        ImpactSummary.class), "summary.json is the summary returned");
    assertEquals(lines.size() - 1, summary.records());
    assertEquals(direct.errors, summary.errors());
    assertEquals(direct.dispositions, summary.dispositions());
    assertEquals(direct.wentDown, summary.wentDownRecords().stream()
        .map(ImpactSummary.Moved::record).toList());
    assertEquals(direct.findings, summary.findings());
    assertEquals(direct.advice, summary.advice());
    assertEquals(before.knowledge().rulesSha256(), summary.before().rulesSha256());
    assertEquals(after.knowledge().rulesSha256(), summary.after().rulesSha256());
  }

  @Test
  void parquetInAndOutGivesTheSameResultsAsNdjson() throws IOException {
    List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8).subList(0, 200);
    Path ndjson = work.resolve("head.ndjson");
    Files.write(ndjson, lines, StandardCharsets.UTF_8);
    Path parquet = work.resolve("head.parquet");
    spark.createDataFrame(lines.stream().map(RowFactory::create).toList(),
            DataTypes.createStructType(List.of(
                DataTypes.createStructField("record", DataTypes.StringType, false))))
        .coalesce(1).write().parquet(parquet.toString());

    ImpactSummary fromNdjson =
        ImpactJob.run(spark, options(ndjson, "ndjson", work.resolve("head-ndjson"), "json"));
    ImpactSummary fromParquet = ImpactJob.run(spark,
        options(parquet, "parquet", work.resolve("head-parquet"), "parquet"));

    assertEquals(fromNdjson, fromParquet);
    assertEquals(readResults(spark.read().schema(RESULT.schema())
            .json(work.resolve("head-ndjson/results").toString())),
        readResults(spark.read().parquet(work.resolve("head-parquet/results").toString())));
  }

  private static List<String> readResults(org.apache.spark.sql.Dataset<Row> rows) {
    return rows.as(RESULT).orderBy("record").collectAsList().stream()
        .map(ImpactJobTest::describe).toList();
  }

  private static ImpactJob.Options options(Path input, String format, Path output,
      String resultsFormat) {
    return new ImpactJob.Options(input.toString(), format, null, KnowledgeBases.PACKAGED,
        changedRules.toString(), output.toString(), resultsFormat);
  }

  private static String describe(RecordImpact r) {
    return String.join(" | ", String.valueOf(r.getRecord()), r.getId(),
        r.getBeforeDisposition(), r.getAfterDisposition(), String.valueOf(r.isWentDown()),
        String.valueOf(r.getBeforeFindings()), String.valueOf(r.getAfterFindings()),
        String.valueOf(r.getBeforeAdvice()), String.valueOf(r.getAfterAdvice()),
        r.getErrorKind(), r.getError());
  }

  /** Each record assessed here, and the summary's figures counted from those assessments. */
  private static final class Direct {
    final Map<String, Long> errors = new TreeMap<>();
    final Map<String, Map<String, Long>> dispositions = new TreeMap<>();
    final List<Long> wentDown = new ArrayList<>();
    final Map<String, ImpactSummary.Change> findings = new TreeMap<>();
    final Map<String, ImpactSummary.Change> advice = new TreeMap<>();
    long changed;

    /** One line read and assessed by both, or why it does not read. */
    record Outcome(Patient patient, String invalid, Assessment was, Assessment is) {}

    static Outcome assess(String line) {
      try {
        Patient patient = Records.patientFromJson(line);
        return new Outcome(patient, null, before.assess(patient), after.assess(patient));
      } catch (InvalidInputException e) {
        return new Outcome(null, e.getMessage(), null, null);
      }
    }

    void check(Outcome outcome, RecordImpact result) {
      if (outcome.invalid() != null) {
        assertEquals("input", result.getErrorKind(), describe(result));
        assertEquals(outcome.invalid(), result.getError());
        errors.merge("input", 1L, Long::sum);
        return;
      }
      Patient patient = outcome.patient();
      Assessment was = outcome.was();
      Assessment is = outcome.is();
      List<String> wasFindings = was.findings().stream().map(Assessment.Finding::id).toList();
      List<String> isFindings = is.findings().stream().map(Assessment.Finding::id).toList();
      List<String> wasAdvice = was.advice().stream().map(Assessment.Advice::id).toList();
      List<String> isAdvice = is.advice().stream().map(Assessment.Advice::id).toList();
      String record = describe(result);
      assertEquals(patient.id(), result.getId(), record);
      assertEquals(null, result.getErrorKind(), record);
      assertEquals(was.disposition().name(), result.getBeforeDisposition(), record);
      assertEquals(is.disposition().name(), result.getAfterDisposition(), record);
      assertEquals(wasFindings, result.getBeforeFindings(), record);
      assertEquals(isFindings, result.getAfterFindings(), record);
      assertEquals(wasAdvice, result.getBeforeAdvice(), record);
      assertEquals(isAdvice, result.getAfterAdvice(), record);
      boolean down = was.disposition().isHigherThan(is.disposition());
      assertEquals(down, result.isWentDown(), record);

      dispositions.computeIfAbsent(was.disposition().name(), d -> new TreeMap<>())
          .merge(is.disposition().name(), 1L, Long::sum);
      if (down) {
        wentDown.add(result.getRecord());
      }
      if (!sameOutcome(was, is)) {
        changed++;
      }
      tally(findings, wasFindings, isFindings);
      tally(advice, wasAdvice, isAdvice);
    }

    private static void tally(Map<String, ImpactSummary.Change> changes, List<String> was,
        List<String> is) {
      Set<String> added = new HashSet<>(is);
      added.removeAll(was);
      Set<String> removed = new HashSet<>(was);
      removed.removeAll(is);
      added.forEach(id -> changes.merge(id, new ImpactSummary.Change(1, 0), Direct::sum));
      removed.forEach(id -> changes.merge(id, new ImpactSummary.Change(0, 1), Direct::sum));
    }

    private static ImpactSummary.Change sum(ImpactSummary.Change a, ImpactSummary.Change b) {
      return new ImpactSummary.Change(a.added() + b.added(), a.removed() + b.removed());
    }
  }

  /**
   * Moves an integer threshold in a rule's condition up by one, in the rule files under
   * {@code rules}: the first, in file order, that changes the disposition, findings or advice
   * of a record of the sample. Found rather than named, so the test does not depend on what
   * today's rules say; a threshold that moves nothing would prove little.
   *
   * @return the changed knowledge base
   */
  private static Assessor changeAThresholdThatMovesRecords(Path rules, List<Patient> sample)
      throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(rules)) {
      files = walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
    }
    int tried = 0;
    for (Path file : files) {
      String text = Files.readString(file);
      Matcher when = WHEN_PART.matcher(text);
      while (when.find()) {
        Matcher threshold = THRESHOLD.matcher(text).region(when.start(1), when.end(1));
        while (threshold.find()) {
          if (inLineComment(text, threshold.start())) {
            continue;
          }
          if (++tried > MAX_THRESHOLDS_TRIED) {
            throw new AssertionError("none of the first " + MAX_THRESHOLDS_TRIED
                + " thresholds, moved by one, moves a record of the sample");
          }
          String changed =
              threshold.group(1) + " " + (Integer.parseInt(threshold.group(2)) + 1);
          Files.writeString(file, text.substring(0, threshold.start()) + changed
              + text.substring(threshold.end()));
          Assessor candidate = Assessor.fromDirectory(rules);
          if (sample.parallelStream().anyMatch(p -> !sameOutcome(before.assess(p),
              candidate.assess(p)))) {
            System.out.println("after: " + rules.relativize(file) + ": " + threshold.group()
                + " became " + changed);
            return candidate;
          }
          Files.writeString(file, text);
        }
      }
    }
    throw new AssertionError("no integer threshold in a rule's condition moves a record");
  }

  private static boolean sameOutcome(Assessment was, Assessment is) {
    return was.disposition() == is.disposition()
        && was.findings().stream().map(Assessment.Finding::id).toList()
            .equals(is.findings().stream().map(Assessment.Finding::id).toList())
        && was.advice().stream().map(Assessment.Advice::id).toList()
            .equals(is.advice().stream().map(Assessment.Advice::id).toList());
  }

  private static boolean inLineComment(String text, int at) {
    int lineStart = text.lastIndexOf('\n', at) + 1;
    return text.substring(lineStart, at).contains("//");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
