package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken rule base fails to load as a whole, naming every problem with file and line. */
class AssessorLoadingTest {
  @TempDir Path dir;

  @Test
  void packagedRulesLoadAndEveryRuleCarriesItsProvenance() {
    Assessor assessor = TestAssessor.shipped();
    assertThat(assessor.rules()).isNotEmpty();
    assertThat(assessor.rules()).allSatisfy(r -> {
      assertThat(r.id()).isNotBlank();
      assertThat(r.inventory()).isNotEmpty();
      assertThat(r.urgency()).isIn("EMERGENCY", "URGENT", "SOON", "SELF_CARE", "NONE");
      assertThat(r.sources()).isNotEmpty();
      assertThat(r.file()).endsWith(".drl");
      assertThat(r.line()).isPositive();
      assertThat(r.name()).contains(": ");
    });
  }

  @Test
  void everyInventoryItemIsEncodedByARule() {
    Assessor assessor = TestAssessor.shipped();
    assertThat(assessor.inventory()).isNotEmpty();
    for (InventoryItem item : assessor.inventory()) {
      assertThat(assessor.rules()).as("rules encoding %s", item.id())
          .anyMatch(r -> r.inventory().contains(item.id()));
    }
  }

  @Test
  void syntaxErrorIsReportedWithFileAndLine() {
    RuleDirs.withRules(dir, "broken.drl", """
        rule "Probe: a broken rule"
            @id("probe-broken") @inventory("RF-03") @urgency("NONE") @source("x#y")
        when
            Observation( sign == "fever", present
        then
        end
        """);
    RuleBaseException e = catchThrowableOfType(RuleBaseException.class,
        () -> Assessor.fromDirectory(dir));
    assertThat(e.problems()).isNotEmpty();
    assertThat(e.problems().get(0).file()).isEqualTo("probe/broken.drl");
    assertThat(e.problems().get(0).line()).isBetween(8, 11);
    assertThat(e.getMessage()).contains("probe/broken.drl:").contains("Probe: a broken rule");
  }

  @Test
  void aRuleTheDroolsCompilerCrashesOnIsAnErrorNamingItsFile() {
    // Drools 10 throws a NullPointerException here instead of reporting the unbound $days.
    RuleDirs.withRules(dir, "crash.drl", """
        import org.spinefoot.engine.facts.ReviewWindow;
        rule "Probe: accumulate over a variable nothing binds"
            @id("probe-crash") @inventory("RF-03") @urgency("NONE") @source("x#y")
        when
            accumulate( ReviewWindow( ); $within : min( $days ) )
        then
        end
        """);
    RuleBaseException e = catchThrowableOfType(RuleBaseException.class,
        () -> Assessor.fromDirectory(dir));
    assertThat(e.problems()).singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("probe/crash.drl"));
    assertThat(e.getMessage()).contains("probe/crash.drl").contains("never bound");
  }

  @Test
  void missingMetadataUnknownInventoryAndDuplicateIdsAreAllListed() {
    RuleDirs.withRules(dir, "meta.drl", """
        rule "Probe: no source"
            @id("probe-a") @inventory("RF-03") @urgency("NONE")
        when Observation( sign == "fever", present ) then end

        rule "Probe: unknown inventory item"
            @id("probe-b") @inventory("RF-99") @urgency("NONE") @source("x#y")
        when Observation( sign == "fever", present ) then end

        rule "Probe: duplicate id"
            @id("probe-a") @inventory("RF-03") @urgency("SOONISH") @source("x#y")
        when Observation( sign == "fever", present ) then end
        """);
    RuleBaseException e = catchThrowableOfType(RuleBaseException.class,
        () -> Assessor.fromDirectory(dir));
    assertThat(e.getMessage())
        .contains("probe/meta.drl:5: rule \"Probe: no source\": missing @source")
        .contains("'RF-99' is not in the knowledge index")
        .contains("@id(probe-a) is already used")
        .contains("@urgency(SOONISH) is unknown");
  }

  @Test
  void aQuestionDeclaredARedFlagQuestionKeepsARecordThatLeavesItUnaskedOutOfSelfCare()
      throws java.io.IOException {
    RuleDirs.withDispositionAnd(dir, "none.drl", "");
    Patient everythingElseAsked = Patient.builder("p").age(40).build();
    Assessor before = Assessor.fromDirectory(dir);
    java.util.List<String> declared = before.redFlagQuestions();
    assertThat(declared).doesNotContain("signs.diabetes");

    java.nio.file.Path vocabulary = dir.resolve(Vocabulary.FILE);
    String text = java.nio.file.Files.readString(vocabulary);
    String entry = "  signs.diabetes:\n";
    java.nio.file.Files.writeString(vocabulary,
        text.replace(entry, entry + "    redFlag: true\n    safetyNet: tell\n"));
    Assessor after = Assessor.fromDirectory(dir);
    assertThat(after.redFlagQuestions()).contains("signs.diabetes");
    Patient allButDiabetes = Patient.everyQuestion(after.vocabulary(), Answer.ABSENT, Felt.NO, 40,
        1).toBuilder()
        .withdraw("signs.diabetes").build();
    Assessment a = after.assess(allButDiabetes);
    assertThat(a.unanswered()).extracting(Assessment.UnansweredQuestion::path)
        .containsExactly("signs.diabetes");
    assertThat(a.finding("red-flag-questions-unanswered")).isPresent();
    assertThat(before.assess(allButDiabetes).finding("red-flag-questions-unanswered")).isEmpty();
  }

  @Test
  void aRuleThatReadsAnObservationTheVocabularyDoesNotDefineFailsTheLoadWithFileAndLine() {
    RuleDirs.withDispositionAnd(dir, "typo.drl", """
        import org.spinefoot.engine.facts.Finding;
        import org.spinefoot.engine.facts.Numbness;
        import org.spinefoot.engine.facts.Observation;
        import org.spinefoot.Urgency;

        rule "Probe: a misspelt sign"
            @id("probe-typo") @inventory("RF-01") @urgency("URGENT") @source("inventory.md#Red flags (RF)")
        when
            Observation( sign == "fevr", present )
            Numbness( site == "hands", present )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe", "Probe"));
        end
        """);
    RuleBaseException e = catchThrowableOfType(RuleBaseException.class,
        () -> Assessor.fromDirectory(dir));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0).file()).isEqualTo("probe/typo.drl");
    assertThat(e.problems().get(0).line()).isEqualTo(RuleDirs.HEADER_LINES + 9);
    assertThat(e.problems().get(0).message()).contains("sign \"fevr\" is not defined")
        .contains("did you mean fever?");
    assertThat(e.problems().get(1).message()).contains("site \"hands\" is not defined")
        .contains("did you mean hand?");
  }

  @Test
  void aRuleNameTooLongForThePackagedBuildFailsTheLoadWithFileAndLine() {
    String name = "Probe: " + "a very long clinical sentence, ".repeat(5);
    RuleDirs.withDispositionAnd(dir, "long.drl", """
        rule "%s"
            @id("probe-long") @inventory("RF-01") @urgency("NONE") @source("inventory.md#Red flags (RF)")
        when
            Observation( sign == "fever", present )
        then
        end
        """.formatted(name));
    RuleBaseException e = catchThrowableOfType(RuleBaseException.class,
        () -> Assessor.fromDirectory(dir));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("probe/long.drl");
      assertThat(p.line()).isEqualTo(RuleDirs.HEADER_LINES + 1);
      assertThat(p.message()).contains("the name is too long for the packaged build");
    });
  }

  @Test
  void aVocabularyEntryWithABadKindRangeTriggerOrDuplicateCodeFailsTheLoadWithItsLine()
      throws java.io.IOException {
    RuleDirs.withDispositionAnd(dir, "none.drl", "");
    java.nio.file.Path vocabulary = dir.resolve(Vocabulary.FILE);
    String text = java.nio.file.Files.readString(vocabulary);
    String code = "    codes:\n      - system: http://snomed.info/sct\n        code: '386661006'\n"
        + "        display: Fever\n        source: https://example.org/fever\n";
    String added = "  signs.probeKind:\n    kind: number\n    category: history\n"
        + "    label: probe\n    clinician: Probe?\n    patient: Probe?\n"
        + "    answeredBy: [patient]\n    codes: uncoded\n"
        + "  signs.probeTrigger:\n    kind: yesNo\n    category: history\n    label: probe\n"
        + "    clinician: Probe?\n    patient: Probe?\n    answeredBy: [patient]\n"
        + "    askedWhen: [pain.lowBak]\n    codes: uncoded\n"
        + "  signs.probeCodeA:\n    kind: yesNo\n    category: history\n    label: probe\n"
        + "    clinician: Probe?\n    patient: Probe?\n    answeredBy: [patient]\n" + code
        + "  signs.probeCodeB:\n    kind: yesNo\n    category: history\n    label: probe\n"
        + "    clinician: Probe?\n    patient: Probe?\n    answeredBy: [patient]\n" + code;
    text = text.replace("    max: 120\n", "    max: 200\n");
    java.nio.file.Files.writeString(vocabulary, text + added);
    RuleBaseException e = catchThrowableOfType(RuleBaseException.class,
        () -> Assessor.fromDirectory(dir));
    assertThat(e.problems()).allSatisfy(p -> {
      assertThat(p.file()).isEqualTo(Vocabulary.FILE);
      assertThat(p.line()).isPositive();
    });
    assertThat(e.problems()).extracting(RuleBaseException.Problem::message).anySatisfy(
        m -> assertThat(m).contains("'age': range 0 to 200 is not within the record's 0 to 120"))
        .anySatisfy(m -> assertThat(m).contains("'signs.probeKind': kind number does not fit"))
        .anySatisfy(m -> assertThat(m).contains("askedWhen 'pain.lowBak' is not a question")
            .contains("did you mean pain.lowBack?"))
        .anySatisfy(m -> assertThat(m).contains("code 386661006 is already the code of "
            + "'signs.probeCodeA'"));
  }

  @Test
  void typeErrorThatOnlyShowsWhenEvaluatedFailsTheLoad() {
    RuleDirs.withDispositionAnd(dir, "types.drl", """
        rule "Probe: an age compared with text"
            @id("probe-age-text") @inventory("RF-03") @urgency("NONE") @source("x#y")
        when
            Age( years == "old" )
        then
        end
        """);
    assertThatThrownBy(() -> Assessor.fromDirectory(dir))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("Probe: an age compared with text");
  }

  @Test
  void findingWhoseUrgencyDiffersFromTheMetadataFailsTheLoad() {
    RuleDirs.withDispositionAnd(dir, "urgency.drl", """
        rule "Probe: says SOON, concludes EMERGENCY"
            @id("probe-urgency") @inventory("RF-04") @urgency("SOON") @source("x#y")
        when
            Observation( sign == "bladderOrBowelControlLost", present )
        then
            insertLogical(new Finding(kcontext, Urgency.EMERGENCY, "x", "X"));
        end
        """);
    assertThatThrownBy(() -> Assessor.fromDirectory(dir))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("declares @urgency(SOON) but concludes a finding of urgency EMERGENCY");
  }

  @Test
  void aRuleThatLoopsIsStoppedAndNamed() {
    RuleDirs.withDispositionAnd(dir, "loop.drl", """
        rule "Probe: modifies its own fact forever"
            @id("probe-loop") @inventory("RF-03") @urgency("NONE") @source("x#y")
        when
            $o : Observation( sign == "fever" )
        then
            update($o);
        end
        """);
    assertThatThrownBy(() -> Assessor.fromDirectory(dir, 500))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("Probe: modifies its own fact forever")
        .hasMessageContaining("loops");
  }

  @Test
  void emptyOrMissingRuleDirectoriesAreErrors() {
    assertThatThrownBy(() -> Assessor.fromDirectory(dir.resolve("nope")))
        .isInstanceOf(RuleBaseException.class).hasMessageContaining("not a directory");
    assertThatThrownBy(() -> Assessor.fromDirectory(dir))
        .isInstanceOf(RuleBaseException.class).hasMessageContaining("no .drl files");
  }

  /**
   * Rules that fail only for some patients: the probes at load time cannot see them, so each
   * assessment is bounded and names the rule and the patient, and the next assessment on the
   * same Assessor is unaffected.
   */
  private Assessor withRulesFailingForSomeAges() {
    RuleDirs.withDispositionAnd(dir, "faults.drl", """
        rule "Probe: loops at 33"
            @id("probe-loop-33") @inventory("RF-03") @urgency("NONE") @source("x#y")
        when
            $age : Age( years == 33 )
        then
            update($age);
        end

        rule "Probe: action throws at 44"
            @id("probe-throw-44") @inventory("RF-03") @urgency("NONE") @source("x#y")
        when
            Age( years == 44 )
        then
            throw new IllegalStateException("deliberate failure in the action");
        end

        rule "Probe: constraint fails at 57"
            @id("probe-constraint-57") @inventory("RF-03") @urgency("NONE") @source("x#y")
        when
            Age( years == 57, Integer.parseInt("x" + years) > 0 )
        then
        end

        rule "Probe: cast fails at 58"
            @id("probe-cast-58") @inventory("RF-03") @urgency("NONE") @source("x#y")
        when
            Age( years == 58 )
        then
            Object text = "58";
            Integer number = (Integer) text;
        end
        """);
    return Assessor.fromDirectory(dir, 500);
  }

  private static Patient aged(int years) {
    return Patient.builder("patient-" + years).age(years).build();
  }

  @Test
  void aRuleThatLoopsForOnePatientIsStoppedNamedAndTheNextAssessmentWorks() {
    Assessor assessor = withRulesFailingForSomeAges();
    Assessment before = assessor.assess(aged(40));
    AssessmentException e = catchThrowableOfType(AssessmentException.class,
        () -> assessor.assess(aged(33)));
    assertThat(e.ruleName()).isEqualTo("Probe: loops at 33");
    assertThat(e.patientId()).isEqualTo("patient-33");
    assertThat(e.getMessage()).contains("patient-33").contains("Probe: loops at 33")
        .contains("fired 500 times").contains("loops");
    assertThat(assessor.assess(aged(40))).isEqualTo(before);
  }

  @Test
  void anExceptionInARuleActionNamesTheRuleAndThePatient() {
    Assessor assessor = withRulesFailingForSomeAges();
    AssessmentException thrown = catchThrowableOfType(AssessmentException.class,
        () -> assessor.assess(aged(44)));
    assertThat(thrown.ruleName()).isEqualTo("Probe: action throws at 44");
    assertThat(thrown.patientId()).isEqualTo("patient-44");
    assertThat(thrown.getMessage()).contains("deliberate failure in the action");
    assertThat(thrown.getCause()).isInstanceOf(IllegalStateException.class);

    AssessmentException cast = catchThrowableOfType(AssessmentException.class,
        () -> assessor.assess(aged(58)));
    assertThat(cast.ruleName()).isEqualTo("Probe: cast fails at 58");
    assertThat(cast.getCause()).isInstanceOf(ClassCastException.class);
    assertThat(assessor.assess(aged(45)).disposition()).isNotNull();
  }

  @Test
  void aConstraintThatFailsOnlyForSomePatientsNamesTheRuleWhenItDoes() {
    Assessor assessor = withRulesFailingForSomeAges();
    AssessmentException e = catchThrowableOfType(AssessmentException.class,
        () -> assessor.assess(aged(57)));
    assertThat(e.ruleName()).isEqualTo("Probe: constraint fails at 57");
    assertThat(e.patientId()).isEqualTo("patient-57");
    assertThat(e.getMessage()).contains("Integer.parseInt");
    assertThat(assessor.assess(aged(56)).disposition()).isNotNull();
  }

  @Test
  void oneFailingPatientDoesNotDisturbOthersAssessedAtTheSameTime() throws Exception {
    Assessor assessor = withRulesFailingForSomeAges();
    List<Patient> patients = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      patients.add(aged(30 + i % 30));
    }
    Map<Integer, Assessment> expected = new HashMap<>();
    for (Patient p : patients) {
      if (!List.of(33, 44, 57, 58).contains(p.age())) {
        expected.putIfAbsent(p.age(), assessor.assess(p));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (Patient p : patients) {
        outcomes.add(pool.submit(() -> {
          try {
            return assessor.assess(p).equals(expected.get(p.age())) ? "same" : "different";
          } catch (AssessmentException e) {
            return e.ruleName();
          }
        }));
      }
      for (int i = 0; i < patients.size(); i++) {
        int age = patients.get(i).age();
        String outcome = outcomes.get(i).get();
        switch (age) {
          case 33 -> assertThat(outcome).isEqualTo("Probe: loops at 33");
          case 44 -> assertThat(outcome).isEqualTo("Probe: action throws at 44");
          case 57 -> assertThat(outcome).isEqualTo("Probe: constraint fails at 57");
          case 58 -> assertThat(outcome).isEqualTo("Probe: cast fails at 58");
          default -> assertThat(outcome).as("age %d", age).isEqualTo("same");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
