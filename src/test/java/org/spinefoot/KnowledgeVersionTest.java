package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.review.Lint;

/** Which knowledge decided: rules/knowledge.yaml read strictly, and the status as it ran. */
class KnowledgeVersionTest {
  @TempDir Path dir;

  private Path rules() {
    return RuleDirs.withDispositionAnd(dir.resolve("rules"), "none.drl", "");
  }

  private static String hashOf(Path rules) {
    return Assessor.fromDirectory(rules).knowledge().rulesSha256();
  }

  private static void write(Path rules, String status, String hash) throws Exception {
    Files.writeString(rules.resolve("knowledge.yaml"), """
        name: fixture knowledge
        version: 2.1.0
        status: %s
        date: 2026-11-30
        publisher: the tests
        rulesSha256: %s
        changes:
          - version: 2.1.0
            date: 2026-11-30
            summary: a change
          - version: 2.0.0
            date: 2026-11-01
            summary: the first
        """.formatted(status, hash));
  }

  /** The one problem lint's version check finds. */
  private static Lint.Problem versionProblem(Path rules) {
    List<Lint.Problem> found = Lint.run(rules, null).problems().stream()
        .filter(p -> p.check() == Lint.Check.VERSION).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void rulesWithoutAVersionFileRunUnversionedAsADraft() {
    Path rules = rules();
    Assessor assessor = Assessor.fromDirectory(rules);
    KnowledgeVersion k = assessor.knowledge();
    assertThat(k.version()).isEqualTo(KnowledgeVersion.UNVERSIONED);
    assertThat(k.status()).isEqualTo(KnowledgeVersion.Status.DRAFT);
    assertThat(k.rulesSha256()).matches("[0-9a-f]{64}");
    assertThat(k.label()).contains("unversioned (draft, no recorded version; rules sha256:");
    assertThat(assessor.assess(Patient.builder("p").build()).knowledge()).isEqualTo(k);
    assertThat(Lint.run(rules, null).problems()).as("a fixture or an experiment, not a mistake")
        .noneMatch(p -> p.check() == Lint.Check.VERSION);
  }

  @Test
  void theRecordedRulesRunWithTheirVersionAndStatus() throws Exception {
    Path rules = rules();
    write(rules, "active", hashOf(rules));
    Assessor assessor = Assessor.fromDirectory(rules);
    KnowledgeVersion k = assessor.knowledge();
    assertThat(k.status()).isEqualTo(KnowledgeVersion.Status.ACTIVE);
    assertThat(k.matchesRecordedRules()).isTrue();
    assertThat(k.label()).isEqualTo("fixture knowledge 2.1.0 (active, 2026-11-30; rules sha256:"
        + k.shortHash() + ")");
    Assessment a = assessor.assess(Patient.builder("p").build());
    assertThat(a.knowledge()).isEqualTo(k);
    assertThat(Records.toJson(a)).contains("\"knowledge\":{\"name\":\"fixture knowledge\","
        + "\"version\":\"2.1.0\",\"status\":\"ACTIVE\"");
    assertThat(Lint.run(rules, null).problems())
        .noneMatch(p -> p.check() == Lint.Check.VERSION);

    write(rules, "retired", hashOf(rules));
    assertThat(Assessor.fromDirectory(rules).knowledge().status())
        .isEqualTo(KnowledgeVersion.Status.RETIRED);
  }

  @Test
  void rulesChangedSinceTheirVersionWasRecordedRunAsADraftAndLintSaysWhatToRecord()
      throws Exception {
    Path rules = rules();
    String recorded = hashOf(rules);
    write(rules, "active", recorded);
    Files.writeString(rules.resolve("disposition/extra.drl"), "package disposition;\n");
    KnowledgeVersion k = Assessor.fromDirectory(rules).knowledge();
    assertThat(k.status()).isEqualTo(KnowledgeVersion.Status.DRAFT);
    assertThat(k.recordedSha256()).isEqualTo(recorded);
    assertThat(k.rulesSha256()).isNotEqualTo(recorded);
    assertThat(k.label()).contains("2.1.0 (draft, 2026-11-30, rules changed since this version "
        + "was recorded");
    Lint.Problem warning = versionProblem(rules);
    assertThat(warning.severity()).isEqualTo(Lint.Severity.WARNING);
    assertThat(warning.message()).contains("changed since version 2.1.0")
        .contains("rulesSha256: " + k.rulesSha256());
  }

  @Test
  void aMistakeInTheVersionFileStopsTheLoadingAndNamesTheFieldAndTheAllowedValues()
      throws Exception {
    Path rules = rules();
    String hash = hashOf(rules);
    write(rules, "approved", hash);
    assertThatThrownBy(() -> Assessor.fromDirectory(rules))
        .isInstanceOf(RuleBaseException.class)
        .satisfies(e -> assertThat(((RuleBaseException) e).problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.file()).isEqualTo("knowledge.yaml");
              assertThat(p.message()).contains("status: 'approved'")
                  .contains("allowed: draft, active, retired");
            }));

    Files.writeString(rules.resolve("knowledge.yaml"), Files.readString(
        rules.resolve("knowledge.yaml")).replace("status: approved", "status: active")
        .replace("publisher:", "publsher:"));
    assertThatThrownBy(() -> Assessor.fromDirectory(rules))
        .isInstanceOf(RuleBaseException.class)
        .satisfies(e -> assertThat(((RuleBaseException) e).problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.message()).isEqualTo("unknown field 'publsher'; allowed: changes, "
                  + "date, name, publisher, rulesSha256, status, version");
            }));

    write(rules, "active", hash.toUpperCase(java.util.Locale.ROOT));
    assertThatThrownBy(() -> Assessor.fromDirectory(rules))
        .hasMessageContaining("knowledge.yaml")
        .satisfies(e -> assertThat(((RuleBaseException) e).problems().get(0).message())
            .contains("rulesSha256").contains("64 hex digits"));
  }

  @Test
  void aNewVersionFileWithoutAHashGetsTheHashToRecordFromLint() throws Exception {
    Path rules = rules();
    String hash = hashOf(rules);
    write(rules, "active", hash);
    Files.writeString(rules.resolve("knowledge.yaml"), Files.readString(
        rules.resolve("knowledge.yaml")).replace("rulesSha256: " + hash + "\n", ""));
    assertThat(Assessor.fromDirectory(rules).knowledge().status())
        .isEqualTo(KnowledgeVersion.Status.DRAFT);
    assertThat(versionProblem(rules).message()).contains("records no rulesSha256")
        .contains("rulesSha256: " + hash);
  }

  @Test
  void theNewestChangeIsTheCurrentVersion() throws Exception {
    Path rules = rules();
    write(rules, "active", hashOf(rules));
    Files.writeString(rules.resolve("knowledge.yaml"), Files.readString(
        rules.resolve("knowledge.yaml")).replace("version: 2.1.0\nstatus", "version: 2.2.0\nstatus"));
    assertThatThrownBy(() -> Assessor.fromDirectory(rules))
        .satisfies(e -> assertThat(((RuleBaseException) e).problems().get(0).message())
            .contains("changes[0] is version 2.1.0").contains("version 2.2.0"));
  }
}
