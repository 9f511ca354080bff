package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.RuleDirs;
import org.spinefoot.VariedPatients;
import org.spinefoot.io.StrictJson;

/**
 * {@code spinefoot assess --batch}, driven through {@link Main#run} with its own stdin. The
 * runs load a small knowledge base (the disposition rules and a rule that fails on a symptom
 * duration of 36499 days, which no generated record has),
 * which loads in a fraction of the time of the whole; BatchAssessorTest checks the results of
 * the whole.
 */
@Timeout(60)
class BatchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path rules;

  @BeforeEach
  void smallKnowledgeBase() {
    rules = RuleDirs.withDispositionAnd(dir.resolve("rules"), "throws.drl", """
        rule "Probe: action throws at 36499 days"
            @id("probe-throw") @inventory("RF-03") @urgency("NONE") @source("x#y")
        when
            SymptomDuration( days == 36499 )
        then
            throw new IllegalStateException("deliberate failure in the action");
        end
        """);
  }

  private Run batch(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--rules", rules.toString()));
    all.addAll(List.of(args));
    return run(stdin, all.toArray(String[]::new));
  }

  record Run(int code, String out, String err) {
    List<JsonNode> lines() throws IOException {
      List<JsonNode> nodes = new ArrayList<>();
      for (String l : out.split("\n")) {
        if (!l.isEmpty()) {
          nodes.add(JSON.readTree(l));
        }
      }
      return nodes;
    }
  }

  static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String records(int from, int to) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(StrictJson.json().writeValueAsString(VariedPatients.fixturePatient(i))).append('\n');
    }
    return sb.toString();
  }

  @Test
  void aFileOfGoodRecordsGivesOneResultPerLineAndExitsZero() throws IOException {
    Path in = dir.resolve("in.ndjson");
    Files.writeString(in, records(0, 40));
    Path outFile = dir.resolve("out.ndjson");
    Run r = batch("", "assess", "--batch", in.toString(), "--out", outFile.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("batch: 40 lines, 40 assessed, 0 failed; EMERGENCY 0, URGENT 0, ")
        .contains("records/s)")
        .as("which knowledge decided, once per run").contains("\nknowledge: spinefoot knowledge base unversioned (draft");
    List<String> lines = Files.readAllLines(outFile);
    assertThat(lines).hasSize(40);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(JSON.readTree(lines.get(i)).get("line").asInt()).isEqualTo(i + 1);
      assertThat(JSON.readTree(lines.get(i)).at("/knowledge/rulesSha256").asText())
          .matches("[0-9a-f]{64}");
    }
  }

  @Test
  void aResultLineIsWhatAssessAsJsonPrintsWithTheLineAndId() throws IOException {
    String record = Files.readString(Path.of("src/test/resources/fixture/facts/urgent-foot-numbness-fever-weight-loss.json"))
        .replaceAll("\\s*\\n\\s*", " ");
    Run batch = batch(record + "\n", "assess", "--batch", "-");
    Run single = batch("", "assess", "--format", "json",
        "src/test/resources/fixture/facts/urgent-foot-numbness-fever-weight-loss.json");
    ObjectNode result = (ObjectNode) batch.lines().get(0);
    assertThat(result.get("line").asInt()).isEqualTo(1);
    assertThat(result.get("id").asText()).isEqualTo(result.get("patientId").asText());
    result.remove(List.of("line", "id"));
    // A batch leaves out the report to act on: its "ask next" costs an assessment a question.
    ObjectNode assessed = (ObjectNode) JSON.readTree(single.out());
    assessed.remove("report");
    assertThat(result).isEqualTo(assessed);
  }

  @Test
  void badLinesAmongGoodOnesGiveErrorRecordsAndExitOne() throws IOException {
    String input = records(0, 3) + "{\"id\": \"typo\", \"signs\": {\"fever\": \"maybe\"}}\n\n"
        + records(3, 5);
    Run r = batch(input, "assess", "--batch", "-", "--out", "-");
    assertThat(r.code()).isEqualTo(Main.CHECK_FAILED);
    List<JsonNode> lines = r.lines();
    assertThat(lines).extracting(n -> n.get("line").asInt()).containsExactly(1, 2, 3, 4, 6, 7);
    JsonNode error = lines.get(3);
    assertThat(error.get("id").asText()).isEqualTo("typo");
    assertThat(error.get("error").get("path").asText()).isEqualTo("signs.fever");
    assertThat(error.get("error").get("message").asText()).contains("'maybe' is not an answer");
    assertThat(r.err()).startsWith("batch: 7 lines, 5 assessed, 1 failed, 1 blank; ");
  }

  @Test
  void aRuleFailingOnOneLineGivesARuleErrorRecordAndExitsThree() throws IOException {
    String input = "{\"id\": \"a\", \"durationDays\": 36498}\n"
        + "{\"id\": \"b\", \"durationDays\": 36499}\n"
        + "{\"id\": \"c\", \"sings\": {}}\n{\"id\": \"d\", \"durationDays\": 36500}\n";
    Run r = batch(input, "assess", "--batch", "-");
    assertThat(r.code()).isEqualTo(Main.RULES_BROKEN);
    List<JsonNode> lines = r.lines();
    assertThat(lines).hasSize(4);
    JsonNode failed = lines.get(1);
    assertThat(failed.get("id").asText()).isEqualTo("b");
    assertThat(failed.get("error").get("kind").asText()).isEqualTo("rule");
    assertThat(failed.get("error").get("rule").asText())
        .isEqualTo("Probe: action throws at 36499 days");
    assertThat(failed.get("error").get("message").asText())
        .contains("deliberate failure in the action");
    assertThat(lines.get(2).get("error").get("kind").asText()).isEqualTo("input");
    assertThat(lines.get(3).get("disposition").asText()).isNotEmpty();
    assertThat(r.err()).contains("4 lines, 2 assessed, 2 failed (1 invalid, 1 failed in the rules)");
  }

  @Test
  void anUnreadableInputOrBadUsageExitsTwoAndWritesNothing() throws IOException {
    Path outFile = dir.resolve("out.ndjson");
    Run missing = batch("", "assess", "--batch", dir.resolve("nope.ndjson").toString(),
        "--out", outFile.toString());
    assertThat(missing.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(missing.err()).contains("nope.ndjson: no such file");
    assertThat(outFile).doesNotExist();
    Run folder = batch("", "assess", "--batch", dir.toString());
    assertThat(folder.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(folder.err()).contains("not a file");
    Run unwritable = batch("", "assess", "--batch", "-", "--out",
        dir.resolve("no/such/dir/out.ndjson").toString());
    assertThat(unwritable.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(unwritable.err()).contains("cannot write");

    assertThat(run("", "assess").code()).isEqualTo(Main.BAD_INPUT);
    assertThat(run("", "assess", "--batch", "-", "src/test/resources/fixture/facts/baseline-no-red-flags.yaml").code())
        .isEqualTo(Main.BAD_INPUT);
    assertThat(run("", "assess", "--batch", "-", "--format", "text").code())
        .isEqualTo(Main.BAD_INPUT);
    assertThat(run("", "assess", "--batch", "-", "--threads", "0").code())
        .isEqualTo(Main.BAD_INPUT);
    assertThat(run("", "assess", "--out", "x.ndjson", "src/test/resources/fixture/facts/baseline-no-red-flags.yaml").code())
        .isEqualTo(Main.BAD_INPUT);
  }

  @Test
  void brokenRulesExitThreeAndLeaveTheOutputFileAlone() throws IOException {
    RuleDirs.withRules(dir.resolve("broken"), "bad.drl", "rule \"X: broken\"\nwhen\n  Foo(\nthen\nend\n");
    Path outFile = dir.resolve("out.ndjson");
    Files.writeString(outFile, "earlier results\n");
    Run r = run(records(0, 2), "--rules", dir.resolve("broken").toString(), "assess",
        "--batch", "-", "--out", outFile.toString());
    assertThat(r.code()).isEqualTo(Main.RULES_BROKEN);
    assertThat(r.err()).contains("bad.drl:");
    assertThat(Files.readString(outFile)).isEqualTo("earlier results\n");
  }
}
