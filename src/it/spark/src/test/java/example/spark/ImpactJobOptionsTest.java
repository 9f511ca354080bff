package example.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How spark-submit's arguments become the job's options, and which mistakes stop it early. */
class ImpactJobOptionsTest {
  @Test
  void theRequiredOptionsWithDefaultsForTheFormats() {
    ImpactJob.Options options = ImpactJob.Options.parse(new String[] {
        "--input", "corpus.ndjson", "--before", "packaged", "--after", "rules",
        "--output", "impact"});
    assertEquals(new ImpactJob.Options("corpus.ndjson", "ndjson", null, "packaged", "rules",
        "impact", "json"), options);
  }

  @Test
  void anUnknownOptionAMissingOneAndAnUnknownFormatAreRefused() {
    String unknown = assertThrows(IllegalArgumentException.class,
        () -> ImpactJob.Options.parse(new String[] {"--input", "c", "--befor", "packaged",
            "--after", "rules", "--output", "o"})).getMessage();
    assertTrue(unknown.contains("--befor"), unknown);
    String missing = assertThrows(IllegalArgumentException.class,
        () -> ImpactJob.Options.parse(new String[] {"--input", "c", "--after", "rules",
            "--output", "o"})).getMessage();
    assertTrue(missing.startsWith("--before is missing"), missing);
    String format = assertThrows(IllegalArgumentException.class,
        () -> ImpactJob.Options.parse(new String[] {"--input", "c", "--before", "packaged",
            "--after", "rules", "--output", "o", "--input-format", "csv"})).getMessage();
    assertTrue(format.contains("csv") && format.contains("parquet"), format);
  }
}
