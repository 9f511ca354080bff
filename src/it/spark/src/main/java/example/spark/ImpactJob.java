package example.spark;

import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.spinefoot.Assessment;
import org.spinefoot.AssessmentException;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.KnowledgeVersion;
import org.spinefoot.Patient;
import org.spinefoot.Records;
import org.spinefoot.Urgency;
import scala.Tuple2;

/**
 * Assesses every record of a corpus with two knowledge bases, "before" and "after" a change, on
 * Spark, and writes what the change does: each record's result under both ({@code
 * results/}, JSON lines or Parquet) and the impact summary ({@code summary.json}).
 *
 * <pre>
 * spark-submit --class example.spark.ImpactJob spinefoot-spark-impact.jar \
 *   --input corpus.ndjson --before packaged --after rules --output impact
 * </pre>
 *
 * <p>Each executor JVM loads each knowledge base once ({@link KnowledgeBases}) and its tasks
 * share it.
 */
public final class ImpactJob {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImpactJob() {}

  /**
   * What to assess, with what, and where the report goes.
   *
   * @param input the corpus: NDJSON files (one record a line) or Parquet files
   * @param inputFormat {@code ndjson} or {@code parquet}
   * @param column for Parquet, the string column holding each record's JSON; null for the only
   *     column
   * @param before the knowledge before: {@value KnowledgeBases#PACKAGED} or a rules folder
   * @param after the knowledge after, likewise
   * @param output the folder that receives {@code results/} and {@code summary.json}
   * @param resultsFormat {@code json} or {@code parquet}
   */
  public record Options(String input, String inputFormat, String column, String before,
      String after, String output, String resultsFormat) {
    static final String USAGE = "usage: ImpactJob --input PATH --before packaged|RULES_DIR"
        + " --after packaged|RULES_DIR --output DIR [--input-format ndjson|parquet]"
        + " [--column NAME] [--results-format json|parquet]";

    /** Checks the choices, so a mistake fails before any work is sent to the cluster. */
    public Options {
      require(input, "--input");
      require(before, "--before");
      require(after, "--after");
      require(output, "--output");
      oneOf(inputFormat, "--input-format", "ndjson", "parquet");
      oneOf(resultsFormat, "--results-format", "json", "parquet");
    }

    private static void require(String value, String option) {
      if (value == null) {
        throw new IllegalArgumentException(option + " is missing; " + USAGE);
      }
    }

    private static void oneOf(String value, String option, String... allowed) {
      if (!List.of(allowed).contains(value)) {
        throw new IllegalArgumentException(option + ": " + value + "; allowed: "
            + String.join(", ", allowed));
      }
    }

    /** Reads {@code --name value} pairs. */
    static Options parse(String[] args) {
      Map<String, String> given = new LinkedHashMap<>(Map.of(
          "--input-format", "ndjson", "--results-format", "json"));
      for (int i = 0; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 == args.length) {
          throw new IllegalArgumentException("expected --option value at " + args[i] + "; "
              + USAGE);
        }
        given.put(args[i], args[i + 1]);
      }
      List<String> known = List.of("--input", "--input-format", "--column", "--before",
          "--after", "--output", "--results-format");
      given.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
        throw new IllegalArgumentException("unknown option " + k + "; " + USAGE);
      });
      return new Options(given.get("--input"), given.get("--input-format"),
          given.get("--column"), given.get("--before"), given.get("--after"),
          given.get("--output"), given.get("--results-format"));
    }
  }

  /**
   * Runs the job with the options of {@link Options#USAGE} on the cluster spark-submit gives.
   *
   * @param args the options
   * @throws IOException if the summary cannot be written
   */
  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    SparkSession spark = SparkSession.builder().appName("spinefoot impact").getOrCreate();
    try {
      ImpactSummary summary = run(spark, options);
      System.out.printf("%d records, %d assessed, errors %s; %d went down; report in %s%n",
          summary.records(), summary.assessed(), summary.errors(), summary.wentDown(),
          options.output());
    } finally {
      spark.stop();
    }
  }

  /**
   * Assesses the corpus with both knowledge bases and writes the per-record results and the
   * summary.
   *
   * @param spark the session to run on
   * @param options what to assess and where to write
   * @return the summary, as written to {@code summary.json}
   * @throws IOException if the summary cannot be written
   */
  public static ImpactSummary run(SparkSession spark, Options options) throws IOException {
    String before = options.before();
    String after = options.after();
    // Numbered before blank lines are dropped, so a record's number is its line, as in batch.
    JavaRDD<RecordImpact> impacts = texts(spark, options).zipWithIndex()
        .filter(numbered -> numbered._1() == null || !numbered._1().isBlank())
        .mapPartitions(partition -> assessAll(partition, before, after));
    Dataset<RecordImpact> results = spark
        .createDataset(impacts.rdd(), Encoders.bean(RecordImpact.class))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      String resultsPath = new org.apache.hadoop.fs.Path(options.output(), "results").toString();
      results.write().mode(SaveMode.Overwrite).format(options.resultsFormat()).save(resultsPath);
      ImpactSummary summary = summarise(results, knowledge(spark, before),
          knowledge(spark, after));
      writeSummary(spark, summary, options.output());
      return summary;
    } finally {
      results.unpersist();
    }
  }

  /** Each record's text: a line of the NDJSON files, or the JSON column of the Parquet rows. */
  private static JavaRDD<String> texts(SparkSession spark, Options options) {
    if (options.inputFormat().equals("ndjson")) {
      return spark.read().textFile(options.input()).javaRDD();
    }
    Dataset<Row> rows = spark.read().parquet(options.input());
    String column = options.column();
    if (column == null) {
      StructField[] fields = rows.schema().fields();
      if (fields.length != 1) {
        throw new IllegalArgumentException("the Parquet input has " + fields.length
            + " columns; name the one holding the records with --column");
      }
      column = fields[0].name();
    }
    if (!rows.schema().apply(column).dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("column " + column + " does not hold strings");
    }
    return rows.select(column).as(Encoders.STRING()).javaRDD();
  }

  /** Assesses a partition's records lazily, with the knowledge bases this JVM shares. */
  private static Iterator<RecordImpact> assessAll(Iterator<Tuple2<String, Long>> records,
      String beforeLocation, String afterLocation) {
    Assessor before = KnowledgeBases.at(beforeLocation);
    Assessor after = KnowledgeBases.at(afterLocation);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public RecordImpact next() {
        Tuple2<String, Long> record = records.next();
        return assess(record._2() + 1, record._1(), before, after);
      }
    };
  }

  /**
   * One record's result under both knowledge bases, or its error.
   *
   * @param number the record's number in the corpus
   * @param text the record's JSON; null when the input row has none
   * @param before the knowledge before
   * @param after the knowledge after
   * @return the result
   */
  static RecordImpact assess(long number, String text, Assessor before, Assessor after) {
    RecordImpact result = new RecordImpact();
    result.setRecord(number);
    if (text == null) {
      return failed(result, "input", "the row holds no record");
    }
    Patient patient;
    try {
      patient = Records.patientFromJson(text);
    } catch (InvalidInputException e) {
      result.setId(idIn(text));
      return failed(result, "input", e.getMessage());
    }
    result.setId(patient.id());
    String side = "before";
    try {
      Assessment was = before.assess(patient);
      side = "after";
      Assessment is = after.assess(patient);
      result.setBeforeDisposition(was.disposition().name());
      result.setAfterDisposition(is.disposition().name());
      result.setWentDown(is.disposition().compareTo(was.disposition()) < 0);
      result.setBeforeFindings(findingIds(was));
      result.setAfterFindings(findingIds(is));
      result.setBeforeAdvice(adviceIds(was));
      result.setAfterAdvice(adviceIds(is));
      return result;
    } catch (AssessmentException e) {
      return failed(result, "rule", side + ": " + e.getMessage());
    } catch (RuntimeException e) {
      return failed(result, "internal", side + ": " + e);
    }
  }

  private static RecordImpact failed(RecordImpact result, String kind, String message) {
    result.setErrorKind(kind);
    result.setError(message);
    return result;
  }

  /** The {@code id} of a record that does not read, when its JSON still has one. */
  private static String idIn(String text) {
    try {
      JsonNode id = JSON.readTree(text).path("id");
      return id.isTextual() ? id.asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static List<String> findingIds(Assessment assessment) {
    return assessment.findings().stream().map(Assessment.Finding::id).toList();
  }

  private static List<String> adviceIds(Assessment assessment) {
    return assessment.advice().stream().map(Assessment.Advice::id).toList();
  }

  /** Names a knowledge base as an executor loads it: the rules folder may exist only there. */
  private static ImpactSummary.Knowledge knowledge(SparkSession spark, String location) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(List.of(location), 1)
        .map(where -> {
          KnowledgeVersion version = KnowledgeBases.at(where).knowledge();
          return new ImpactSummary.Knowledge(where, version.name(), version.version(),
              version.rulesSha256());
        })
        .first();
  }

  private static ImpactSummary summarise(Dataset<RecordImpact> results,
      ImpactSummary.Knowledge before, ImpactSummary.Knowledge after) {
    Dataset<RecordImpact> assessed = results.filter(col("errorKind").isNull());
    Map<String, Long> errors = new TreeMap<>();
    results.filter(col("errorKind").isNotNull()).groupBy("errorKind").count().collectAsList()
        .forEach(row -> errors.put(row.getString(0), row.getLong(1)));
    Comparator<String> byUrgency = Comparator.comparing(Urgency::valueOf);
    Map<String, Map<String, Long>> dispositions = new TreeMap<>(byUrgency);
    assessed.groupBy("beforeDisposition", "afterDisposition").count().collectAsList()
        .forEach(row -> dispositions.computeIfAbsent(row.getString(0),
            b -> new TreeMap<>(byUrgency)).put(row.getString(1), row.getLong(2)));
    List<ImpactSummary.Moved> wentDown = assessed.filter(col("wentDown"))
        .select("record", "id", "beforeDisposition", "afterDisposition").orderBy("record")
        .collectAsList().stream()
        .map(row -> new ImpactSummary.Moved(row.getLong(0), row.getString(1),
            row.getString(2), row.getString(3)))
        .toList();
    long assessedCount = assessed.count();
    return new ImpactSummary(assessedCount + errors.values().stream().mapToLong(n -> n).sum(),
        assessedCount, errors, before, after, dispositions, wentDown.size(), wentDown,
        changes(assessed, "beforeFindings", "afterFindings"),
        changes(assessed, "beforeAdvice", "afterAdvice"));
  }

  /** For each ID of the two list columns, in how many records it was added and removed. */
  private static Map<String, ImpactSummary.Change> changes(Dataset<RecordImpact> assessed,
      String beforeColumn, String afterColumn) {
    Map<String, Long> added = countIds(assessed, afterColumn, beforeColumn);
    Map<String, Long> removed = countIds(assessed, beforeColumn, afterColumn);
    java.util.SortedSet<String> ids = new java.util.TreeSet<>(added.keySet());
    ids.addAll(removed.keySet());
    Map<String, ImpactSummary.Change> out = new LinkedHashMap<>();
    ids.forEach(id -> out.put(id, new ImpactSummary.Change(added.getOrDefault(id, 0L),
        removed.getOrDefault(id, 0L))));
    return out;
  }

  /** How many records have each ID in one column and not in the other. */
  private static Map<String, Long> countIds(Dataset<RecordImpact> assessed, String having,
      String lacking) {
    Map<String, Long> counts = new TreeMap<>();
    assessed.select(explode(array_except(col(having), col(lacking))).as("id"))
        .groupBy("id").count().collectAsList()
        .forEach(row -> counts.put(row.getString(0), row.getLong(1)));
    return counts;
  }

  private static void writeSummary(SparkSession spark, ImpactSummary summary, String output)
      throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(output, "summary.json");
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream out = fs.create(path, true)) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(out, summary);
    }
  }
}
