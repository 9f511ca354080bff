package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The embedding API: assessments, reasons, unknown-is-not-absent, sessions, threads. */
class AssessorTest {
  private final Assessor assessor = TestAssessor.get();

  /** Every red-flag question the knowledge declares answered no: the base of the records below. */
  static Patient.Builder answered(String id) {
    java.util.Set<String> redFlags = new java.util.HashSet<>(TestAssessor.get().redFlagQuestions());
    Patient.Builder b = Patient.builder(id);
    for (Sign s : org.spinefoot.Vocabulary.packaged().signs()) {
      if (redFlags.contains("signs." + s.key())) {
        b.absent(s);
      }
    }
    for (Site s : org.spinefoot.Vocabulary.packaged().sites()) {
      if (redFlags.contains("numbness." + s.key())) {
        b.noNumbness(s);
      }
      if (redFlags.contains("pain." + s.key())) {
        b.noPain(s);
      }
    }
    return b;
  }

  @Test
  void findingsCarryUrgencyInventorySourcesAndTheObservationsBehindThem() {
    Assessment a = assessor.assess(answered("p1")
        .present(Sign.of("bladderOrBowelControlLost"))
        .numbness(Site.of("foot"), Side.LEFT)
        .pain(Site.of("lowBack"), Side.BOTH)
        .build());
    assertThat(a.patientId()).isEqualTo("p1");
    assertThat(a.disposition()).isEqualTo(Urgency.EMERGENCY);
    assertThat(a.stopExercises()).isTrue();
    assertThat(a.advice()).isEmpty();
    Assessment.Finding cauda = a.finding("cauda-equina-suspected").orElseThrow();
    assertThat(cauda.urgency()).isEqualTo(Urgency.EMERGENCY);
    assertThat(cauda.inventory()).contains("RF-07");
    assertThat(cauda.sources()).anyMatch(s -> s.startsWith("003_a4bae2cf7cb8373c.txt#"));
    assertThat(cauda.because()).anySatisfy(r -> {
      assertThat(r.rule()).isEqualTo("rf-cauda-equina-bladder-bowel");
      assertThat(r.observations()).contains("loss of bladder or bowel control",
          "numbness or tingling in the foot (left side)", "pain in the low back (both sides)");
    });
    assertThat(a.unanswered()).isEmpty();
  }

  @Test
  void anUnaskedRedFlagQuestionIsNotReadAsNo() {
    Assessment nothingAsked = assessor.assess(Patient.builder("blank").build());
    assertThat(nothingAsked.disposition()).isNotEqualTo(Urgency.SELF_CARE);
    assertThat(nothingAsked.finding("red-flag-questions-unanswered")).isPresent();
    assertThat(nothingAsked.unanswered()).extracting(Assessment.UnansweredQuestion::path)
        .containsExactlyInAnyOrderElementsOf(assessor.redFlagQuestions());

    Assessment allAnswered = assessor.assess(answered("clear").build());
    assertThat(allAnswered.disposition()).isEqualTo(Urgency.SELF_CARE);
    assertThat(allAnswered.unanswered()).isEmpty();
  }

  @Test
  void aSessionWithdrawsConclusionsWhenTheirObservationChanges() {
    Patient withFlag = answered("s1").present(Sign.of("bladderOrBowelControlLost")).build();
    try (PatientSession session = assessor.openSession(withFlag)) {
      assertThat(session.assessment().disposition()).isEqualTo(Urgency.EMERGENCY);
      assertThat(session.assessment().stopExercises()).isTrue();

      Assessment after = session.update(answered("s1").build());
      assertThat(after.finding("bladder-bowel-control-lost")).isEmpty();
      assertThat(after.stopExercises()).isFalse();
      assertThat(after.disposition()).isEqualTo(Urgency.SELF_CARE);

      Assessment withdrawn = session.update(Patient.builder("s1").build());
      assertThat(withdrawn.finding("red-flag-questions-unanswered")).isPresent();
      assertThat(withdrawn.disposition()).isEqualTo(Urgency.SOON);
    }
  }

  @Test
  void explainRecordsFiringsAndTheWithdrawalsOfTruthMaintenance() {
    Patient emergency = answered("e1")
        .present(Sign.of("bladderOrBowelControlLost"))
        .numbness(Site.of("foot"), Side.LEFT)
        .pain(Site.of("lowBack"), Side.BOTH)
        .build();
    Explanation e = assessor.explain(emergency);
    assertThat(e.assessment()).isEqualTo(assessor.assess(emergency));
    assertThat(e.trace().firings()).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("rf-cauda-equina-bladder-bowel");
      assertThat(f.matched()).contains("loss of bladder or bowel control");
      assertThat(f.concluded()).contains("Suspected cauda equina syndrome (EMERGENCY)");
    });
    // Whatever advice fired before the stop was in place is withdrawn, and the trace says why.
    assertThat(e.trace().withdrawals()).allSatisfy(w ->
        assertThat(w.because()).startsWith("rule "));
    assertThat(e.assessment().advice()).isEmpty();

    try (PatientSession session = assessor.openSession(emergency, true)) {
      session.update(answered("e1").numbness(Site.of("foot"), Side.LEFT).pain(Site.of("lowBack"), Side.BOTH)
          .build());
      assertThat(session.trace().withdrawals()).anySatisfy(w -> {
        assertThat(w.description()).isEqualTo("Suspected cauda equina syndrome (EMERGENCY)");
        assertThat(w.because()).contains("signs.bladderOrBowelControlLost");
      });
    }
  }

  @Test
  void manyThreadsGetTheSameResultsAsOne() throws Exception {
    List<Patient> patients = new ArrayList<>();
    Sign[] signs = assessor.vocabulary().signs().stream()
        .filter(s -> Vocabulary.packaged().findSign(s.key()).isPresent())
        .map(s -> Vocabulary.packaged().sign(s.key())).toArray(Sign[]::new);
    for (int i = 0; i < 64; i++) {
      Patient.Builder b = answered("t" + i).age(20 + i).durationDays(i * 3);
      b.present(signs[i % signs.length]);
      if (i % 3 == 0) {
        b.numbness(Site.of("foot"), Side.values()[i % 4]);
      }
      if (i % 4 == 0) {
        b.pain(Site.of("lowBack"), Side.BOTH);
      }
      patients.add(b.build());
    }
    List<Assessment> expected = patients.stream().map(assessor::assess).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int round = 0; round < 5; round++) {
            for (int i = 0; i < patients.size(); i++) {
              if (!assessor.assess(patients.get(i)).equals(expected.get(i))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : futures) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
