package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spinefoot.knowledge.RuleBaseBuilder;

/**
 * A reused engine session (from the assessor's pool, reset between records) and a session
 * updated through many records must give exactly what a fresh session gives, whatever came
 * before: the rules are stratified and truth maintenance withdraws what no longer holds. This
 * comparison is what exposed the Drools defect described in RuleBaseBuilder.
 */
class SessionReuseTest {
  @Test
  void pooledSessionsGiveTheSameAssessmentsAsFreshOnes() {
    Assessor assessor = TestAssessor.get();
    List<Patient> patients = VariedPatients.fixturePatients(3000, 11_000_000L);
    for (Patient p : patients) {
      Assessment pooled = assessor.assess(p);
      Assessment fresh;
      try (PatientSession session = assessor.openSession(p)) {
        fresh = session.assessment();
      }
      assertThat(pooled).as("record %s", p.id()).isEqualTo(fresh);
    }
  }

  @Test
  void aSessionUpdatedThroughManyRecordsEndsWhereAFreshOneStarts() {
    Assessor assessor = TestAssessor.get();
    List<Patient> patients = VariedPatients.fixturePatients(500, 12_000_000L);
    try (PatientSession session = assessor.openSession(patients.get(0))) {
      for (Patient p : patients) {
        Assessment updated = session.update(p);
        try (PatientSession fresh = assessor.openSession(p)) {
          assertThat(updated).as("record %s", p.id()).isEqualTo(fresh.assessment());
        }
      }
    }
  }
}
