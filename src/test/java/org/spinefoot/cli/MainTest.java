package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, driven through {@link Main#run} without {@code System.exit}. */
class MainTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  /**
   * Runs the command line on the fixture knowledge base (a {@code --rules} among the arguments
   * wins, as the launcher's own does).
   */
  static Run run(String... args) {
    return runWithInput("", args);
  }

  /** Runs on the fixture rules with this text on standard input. */
  static Run runWithInput(String stdin, String... args) {
    String[] withRules = new String[args.length + 2];
    withRules[0] = "--rules";
    withRules[1] = org.spinefoot.Fixture.rules().toString();
    System.arraycopy(args, 0, withRules, 2, args.length);
    return runAsGivenWithInput(stdin, withRules);
  }

  /** Runs the command line with exactly these arguments. */
  static Run runAsGiven(String... args) {
    return runAsGivenWithInput("", args);
  }

  /** Runs the command line with exactly these arguments and this text on standard input. */
  static Run runAsGivenWithInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void assessPrintsTheDispositionFindingsAndReasons() {
    Run r = run("assess", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Disposition: EMERGENCY")
        .contains("Suspected cauda equina syndrome")
        .contains("because: loss of bladder or bowel control")
        .contains("Stop the exercises");
  }

  @Test
  void assessAsJsonPrintsOneObjectPerPatient() throws IOException {
    Run r = run("assess", "--format", "json", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml",
        "src/test/resources/fixture/facts/baseline-no-red-flags.yaml");
    assertThat(r.code()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertThat(first.get("disposition").asText()).isEqualTo("EMERGENCY");
    assertThat(first.get("stopExercises").asBoolean()).isTrue();
    assertThat(first.get("unanswered").isArray()).isTrue();
    assertThat(first.get("advice").isArray()).isTrue();
    JsonNode finding = first.get("findings").get(0);
    assertThat(finding.has("id")).isTrue();
    assertThat(finding.has("urgency")).isTrue();
    assertThat(finding.get("inventory").isArray()).isTrue();
    assertThat(finding.get("sources").isArray()).isTrue();
    assertThat(finding.get("because").get(0).get("observations").isArray()).isTrue();
    assertThat(new ObjectMapper().readTree(lines[1]).get("disposition").asText())
        .isEqualTo("SELF_CARE");
  }

  @Test
  void aMisspelledFieldIsABadInputNamingTheFieldWithNothingOnStdout() throws IOException {
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "signs:\n  bladerOrBowelControlLost: yes\n");
    Run r = run("assess", typo.toString());
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("typo.yaml").contains("bladerOrBowelControlLost")
        .contains("bladderOrBowelControlLost");
  }

  @Test
  void oneBadFileDoesNotStopTheOthers() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"age\": 200}");
    Run r = run("assess", bad.toString(), "src/test/resources/fixture/facts/cauda-equina-emergency.yaml");
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("age").contains("0 to 120");
    assertThat(r.out()).contains("Disposition: EMERGENCY").doesNotContain("bad.json");
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(run("assess").code()).isEqualTo(Main.BAD_INPUT);
    assertThat(run("no-such-command").code()).isEqualTo(Main.BAD_INPUT);
    assertThat(run("assess", "--format", "xml", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml").code())
        .isEqualTo(Main.BAD_INPUT);
  }

  @Test
  void brokenRulesExitWithThreeAndNameFileAndLine() throws IOException {
    Files.createDirectories(dir.resolve("x"));
    Files.copy(Path.of("src/test/resources/fixture/rules/inventory.yaml"), dir.resolve("inventory.yaml"));
    Files.copy(Path.of("src/test/resources/fixture/rules/vocabulary.yaml"),
        dir.resolve("vocabulary.yaml"));
    Files.writeString(dir.resolve("x/bad.drl"), "package x;\nrule \"X: broken\"\nwhen\n  Foo(\nthen\nend\n");
    Run r = run("--rules", dir.toString(), "assess", "src/test/resources/fixture/facts/cauda-equina-emergency.yaml");
    assertThat(r.code()).isEqualTo(Main.RULES_BROKEN);
    assertThat(r.err()).contains("x/bad.drl:");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aRuleThatFailsForOnePatientExitsWithThreeNamingTheRuleAndThePatient() throws IOException {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules.resolve("probe"));
    Files.createDirectories(rules.resolve("disposition"));
    Files.copy(Path.of("src/test/resources/fixture/rules/inventory.yaml"), rules.resolve("inventory.yaml"));
    Files.copy(Path.of("src/test/resources/fixture/rules/vocabulary.yaml"),
        rules.resolve("vocabulary.yaml"));
    Files.copy(Path.of("src/test/resources/fixture/rules/disposition/disposition.drl"),
        rules.resolve("disposition/disposition.drl"));
    Files.writeString(rules.resolve("probe/throws.drl"), """
        package probe;
        import org.spinefoot.engine.facts.*;
        rule "Probe: action throws at 44"
            @id("probe-throw-44") @inventory("RF-03") @urgency("NONE") @source("x#y")
        when
            Age( years == 44 )
        then
            throw new IllegalStateException("deliberate failure in the action");
        end
        """);
    Path patient = dir.resolve("forty-four.yaml");
    Files.writeString(patient, "id: pat-44\nage: 44\n");
    Run r = run("--rules", rules.toString(), "assess", patient.toString(),
        "src/test/resources/fixture/facts/baseline-no-red-flags.yaml");
    assertThat(r.code()).isEqualTo(Main.RULES_BROKEN);
    assertThat(r.err()).contains("forty-four.yaml").contains("pat-44")
        .contains("Probe: action throws at 44").contains("deliberate failure in the action")
        .doesNotContain("\tat ");
    assertThat(r.out()).contains("Disposition: SELF_CARE").doesNotContain("pat-44");
  }

  @Test
  void testCommandRunsCasesReportsEachAndWritesJUnitXml() throws IOException {
    Path cases = dir.resolve("cases");
    Files.createDirectories(cases);
    String base = Path.of("src/test/resources/fixture/facts/baseline-no-red-flags.yaml").toAbsolutePath().toString();
    Files.writeString(cases.resolve("redflags-emergency-fever-probe.yaml"), """
        name: Probe
        description: Bladder control lost is an emergency.
        checks: [RF-04]
        patientFile: %s
        patient: {signs: {bladderOrBowelControlLost: yes}}
        expect: {disposition: EMERGENCY, present: [RF-04]}
        """.formatted(base));
    Files.writeString(cases.resolve("redflags-wrong-expectation.yaml"), """
        name: Deliberately wrong
        description: Expects self-care for an emergency, so it must fail.
        checks: [RF-04]
        patientFile: %s
        patient: {signs: {bladderOrBowelControlLost: yes}}
        expect: {disposition: SELF_CARE}
        """.formatted(base));
    Path xml = dir.resolve("out/junit.xml");
    Run r = run("test", cases.toString(), "--junit", xml.toString(), "--no-coverage-check");
    assertThat(r.code()).isEqualTo(Main.CHECK_FAILED);
    assertThat(r.out()).contains("PASS  redflags-emergency-fever-probe")
        .contains("FAIL  redflags-wrong-expectation")
        .contains("redflags-wrong-expectation.yaml:6: initial record: disposition: expected "
            + "SELF_CARE, was EMERGENCY")
        .contains("because loss of bladder or bowel control")
        .endsWith("1 passed, 1 failed, 1 problem in the cases, 0 coverage gaps\n");
    assertThat(Files.readString(xml)).contains("<testsuite").contains("tests=\"2\"")
        .contains("failures=\"1\"").contains("name=\"redflags-wrong-expectation\"");

    Run filtered = run("test", cases.toString(), "--filter", "probe");
    assertThat(filtered.code()).isZero();
    assertThat(filtered.out()).endsWith("1 passed, 0 failed, 0 problems in the cases, "
        + "0 coverage gaps\n");
  }

  @Test
  void anInvalidCaseFailsInsteadOfPassingSilently() throws IOException {
    Path c = dir.resolve("redflags-typo.yaml");
    Files.writeString(c, """
        name: Typo
        description: An unknown key and an unknown ID.
        checks: [RF-04]
        patient: {signs: {bladderOrBowelControlLost: yes}}
        expect: {disposition: EMERGENCY, present: [no-such-finding]}
        """);
    Run r = run("test", c.toString());
    assertThat(r.code()).isEqualTo(Main.CHECK_FAILED);
    assertThat(r.out()).contains("invalid case").contains("no-such-finding");
    Files.writeString(c, """
        name: Typo
        description: An unknown key.
        checks: [RF-04]
        patient: {signs: {bladderOrBowelControlLost: yes}}
        expect: {dispositon: EMERGENCY}
        """);
    assertThat(run("test", c.toString()).out()).contains("unknown field 'dispositon'");
  }

  @Test
  void verboseTestShowsTheStateAfterEveryStep() {
    Run r = run("test", "-v", org.spinefoot.Fixture.cases()
        .resolve("fever-with-foot-numbness-is-urgent.yaml").toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("  first record:").contains("  after step 1:")
        .containsSubsequence("URGENT", "after step 1:", "SELF_CARE");
  }

  @Test
  void schemaCommandPrintsTheShippedSchemaAndTheJarCarriesIt() throws IOException {
    Run r = runAsGiven("--rules", "rules", "schema");
    assertThat(r.code()).isZero();
    ObjectMapper m = new ObjectMapper();
    assertThat(m.readTree(r.out()))
        .as("docs/patient.schema.json is stale: regenerate it with ./spinefoot schema")
        .isEqualTo(m.readTree(Path.of("docs/patient.schema.json").toFile()));
    try (java.io.InputStream in = getClass().getClassLoader()
        .getResourceAsStream("spinefoot/patient.schema.json")) {
      assertThat(in).as("the schema is packaged in the jar").isNotNull();
      assertThat(m.readTree(in)).isEqualTo(m.readTree(r.out()));
    }
    Run fixture = run("schema");
    assertThat(m.readTree(fixture.out()).toString()).as("the schema of the rules in use")
        .isEqualTo(org.spinefoot.io.PatientSchema.generate(
            org.spinefoot.Fixture.assessor().vocabulary()).toString());
  }
}
