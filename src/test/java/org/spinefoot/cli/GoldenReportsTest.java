package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden reports in {@code src/test/resources/golden-reports/}: for every example record of
 * the fixture ({@code src/test/resources/fixture/facts/}, assessed with the fixture's rules), one
 * file per mode ({@code NAME.clinician.txt}, {@code NAME.patient.txt},
 * {@code NAME.json}) holding exactly what {@code assess} prints, so that a change of wording is a
 * reviewed diff. After a deliberate change, regenerate them all with
 *
 * <pre>mvn -q -Dtest=GoldenReportsTest -Dgolden.update=true test</pre>
 *
 * and review the diff. They pin how reports are printed, not today's knowledge: a reviewer's edit
 * of {@code rules/} never changes them.
 */
class GoldenReportsTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden-reports");
  static final String UPDATE = "golden.update";
  static final int WIDTH = 80;

  /** A way to print an example, and the golden file's suffix. */
  enum Mode {
    CLINICIAN(".clinician.txt", "--width", "80"),
    PATIENT(".patient.txt", "--for", "patient", "--width", "80"),
    JSON(".json", "--format", "json");

    final String suffix;
    final List<String> args;

    Mode(String suffix, String... args) {
      this.suffix = suffix;
      this.args = List.of(args);
    }
  }

  static List<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(org.spinefoot.Fixture.ROOT.resolve("facts"))) {
      return s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
  }

  static String name(Path example) {
    String file = example.getFileName().toString();
    return file.substring(0, file.lastIndexOf('.'));
  }

  // Each example and mode is printed once per test run: the reading-level and report tests
  // read the same outputs, and loading the knowledge base for each takes a second.
  private static final java.util.Map<String, String> PRINTED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** What {@code spinefoot assess ARGS FILE} prints, as stored in a golden file. */
  static String assess(Mode mode, Path example) throws IOException {
    String key = mode + " " + example;
    String printed = PRINTED.get(key);
    if (printed == null) {
      printed = print(mode, example);
      PRINTED.put(key, printed);
    }
    return printed;
  }

  private static String print(Mode mode, Path example) throws IOException {
    List<String> args = new ArrayList<>(List.of("--rules",
        org.spinefoot.Fixture.rules().toString().replace('\\', '/'), "assess"));
    args.addAll(mode.args);
    args.add(example.toString().replace('\\', '/'));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    if (mode == Mode.JSON) {
      // Indented, so that a change is a readable diff.
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      text = json.writeValueAsString(json.readTree(text)).replace("\r\n", "\n") + "\n";
    }
    return text;
  }

  @TestFactory
  Stream<DynamicTest> everyExampleReadsAsItsGoldenFile() throws IOException {
    boolean update = Boolean.getBoolean(UPDATE);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path example : examples()) {
      for (Mode mode : Mode.values()) {
        Path golden = GOLDEN.resolve(name(example) + mode.suffix);
        tests.add(DynamicTest.dynamicTest(golden.getFileName().toString(), () -> {
          String actual = assess(mode, example);
          if (update) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
          }
          assertThat(golden).as("golden file missing; create it with: mvn -q "
              + "-Dtest=GoldenReportsTest -D" + UPDATE + "=true test").exists();
          assertThat(actual).as("%s differs from what assess prints now; if the change is "
              + "meant, regenerate with: mvn -q -Dtest=GoldenReportsTest -D" + UPDATE
              + "=true test", golden).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyGoldenFileBelongsToAnExample() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (Path example : examples()) {
      for (Mode mode : Mode.values()) {
        expected.add(name(example) + mode.suffix);
      }
    }
    Set<String> present = new TreeSet<>();
    try (Stream<Path> s = Files.list(GOLDEN)) {
      s.forEach(p -> present.add(p.getFileName().toString()));
    }
    if (Boolean.getBoolean(UPDATE)) {
      present.removeAll(expected);
      for (String stale : present) {
        Files.delete(GOLDEN.resolve(stale));
      }
      return;
    }
    assertThat(present).as("golden files without an example in the fixture's facts/")
        .isEqualTo(expected);
  }

  @Test
  void noTextLineIsWiderThanTheWidth() throws IOException {
    for (Path example : examples()) {
      for (Mode mode : List.of(Mode.CLINICIAN, Mode.PATIENT)) {
        for (String line : assess(mode, example).split("\n")) {
          assertThat(line.length()).as("%s %s: %s", example, mode, line).isLessThanOrEqualTo(WIDTH);
        }
      }
    }
  }

  @Test
  void theJsonOfEveryExampleMatchesTheDocumentedSchema() throws IOException {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(Path.of("docs/assessment.schema.json")));
    ObjectMapper json = new ObjectMapper();
    for (Path example : examples()) {
      JsonNode node = json.readTree(assess(Mode.JSON, example));
      assertThat(schema.validate(node)).as("%s against docs/assessment.schema.json", example)
          .isEmpty();
      // and the schema is strict enough to notice a report gone missing or a field misnamed
      com.fasterxml.jackson.databind.node.ObjectNode broken = node.deepCopy();
      broken.remove("report");
      assertThat(schema.validate(broken)).isNotEmpty();
      broken = node.deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("report"))
          .set("askNxt", broken.get("report").get("askNext"));
      assertThat(schema.validate(broken)).isNotEmpty();
    }
  }
}
