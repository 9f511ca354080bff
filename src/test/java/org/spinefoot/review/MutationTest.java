package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Assessor;

/** Mutation testing on a small part of the fixture knowledge base: the referral rules. */
class MutationTest {
  @TempDir Path dir;

  /** The fixture's referral, self-care and disposition rules with the cases about them. */
  private ProjectCopy referralOnly() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    for (String topic : List.of("redflags", "sciatica")) {
      try (Stream<Path> files = Files.walk(copy.rules().resolve(topic))) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    try (Stream<Path> cases = Files.list(copy.cases())) {
      for (Path c : cases.toList()) {
        String name = c.getFileName().toString();
        if (!name.startsWith("pain-lasting") && !name.startsWith("symptoms-getting-worse")) {
          Files.delete(c);
        }
      }
    }
    return copy;
  }

  @Test
  void aNumberMovesOneStepEitherWayOnTheParsersTree() {
    assertThat(Mutation.moveNumber("days >= 14", 1)).isEqualTo("days >= 15");
    assertThat(Mutation.moveNumber("days >= 14", -1)).isEqualTo("days >= 13");
    assertThat(Mutation.moveNumber("years<50", 1)).isEqualTo("years < 51");
    assertThat(Mutation.moveNumber("sign == \"fever\"", 1)).isNull();
    assertThat(Mutation.moveNumber("days > 3 || days < 1", 1)).isNull();
  }

  @Test
  void everyKindOfMutantIsMadeAndEachLoads() throws IOException {
    ProjectCopy copy = referralOnly();
    List<Mutation.Mutant> mutants = Mutation.mutants(copy.rules());
    Path referral = copy.rules().resolve("referral/referral.drl");
    int threshold = LintTest.lineOf(referral, "SymptomDuration( days >= 14 )");

    assertThat(mutants).extracting(Mutation.Mutant::describe).contains(
        "referral/referral.drl:" + threshold + ": referral-symptoms-persisting: moved "
            + "'days >= 14' to 'days >= 15' in SymptomDuration",
        "referral/referral.drl:" + threshold + ": referral-symptoms-persisting: moved "
            + "'days >= 14' to 'days >= 13' in SymptomDuration",
        "referral/referral.drl:" + threshold + ": referral-symptoms-persisting: dropped the "
            + "condition SymptomDuration( days >= 14 )",
        "referral/referral.drl:" + threshold + ": referral-symptoms-persisting: negated the "
            + "condition SymptomDuration( days >= 14 )")
        .anyMatch(d -> d.contains("referral-symptoms-getting-worse: lowered the urgency from "
            + "SOON to SELF_CARE"))
        .anyMatch(d -> d.contains("int-stop-exercises: dropped the conclusion "
            + "insertLogical(new StopExercises(kcontext));"));
    Mutation.Mutant raised = mutants.stream()
        .filter(m -> m.change().equals("moved 'days >= 14' to 'days >= 15' in SymptomDuration"))
        .findFirst().orElseThrow();
    assertThat(raised.files().get("referral/referral.drl")).contains("days >= 15")
        .doesNotContain("days >= 14");
    assertThat(raised.files().get("disposition/disposition.drl"))
        .isEqualTo(Files.readString(copy.rules().resolve("disposition/disposition.drl")));
    String inventory = Files.readString(copy.rules().resolve("inventory.yaml"));
    String vocabulary = Files.readString(copy.rules().resolve("vocabulary.yaml"));
    assertThat(Assessor.fromTexts(raised.files(), inventory, vocabulary).rules()).isNotEmpty();
  }

  @Test
  void casesThatFailBeforeAnyMutationStopTheRun() throws IOException {
    ProjectCopy copy = referralOnly();
    copy.replace("test-cases/pain-lasting-thirteen-days-is-self-care.yaml", "durationDays: 13",
        "durationDays: 20");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Mutation.run(copy.rules(), copy.cases(), 1, o -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("every case must pass before the rules are mutated")
        .hasMessageContaining("pain-lasting-thirteen-days-is-self-care");
  }

  @Test
  void theCasesAtTheThresholdKillItsMovesAndSurvivorsAreNamed() throws IOException {
    ProjectCopy copy = referralOnly();

    Mutation.Report report = Mutation.run(copy.rules(), copy.cases(), 2, o -> { });

    assertThat(report.outcomes()).filteredOn(o -> o.mutant().change().startsWith("moved 'days"))
        .hasSize(2).allSatisfy(o -> assertThat(o.fate()).isEqualTo(Mutation.Fate.KILLED))
        .extracting(Mutation.Outcome::by).containsExactlyInAnyOrder(
            "pain-lasting-fourteen-days-needs-a-clinician", "pain-lasting-thirteen-days-is-self-care");
    assertThat(report.survivors()).extracting(o -> o.mutant().change())
        .contains("dropped the constraint 'present' in Pain");
    assertThat(report.toText()).contains("SURVIVED referral/referral.drl:")
        .endsWith(report.closingLine() + "\n");
    assertThat(report.closingLine()).matches("\\d+ mutants, \\d+ killed, \\d+ survived "
        + "\\(score \\d+\\.\\d%\\)");
    assertThat(report.mutants()).isEqualTo(report.count(Mutation.Fate.KILLED)
        + report.count(Mutation.Fate.SURVIVED));
  }
}
