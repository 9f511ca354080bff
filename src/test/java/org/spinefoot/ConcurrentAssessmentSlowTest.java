package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 100,000 assessments on 8 threads sharing one knowledge base give exactly what one thread gives.
 * Slow (about half a minute on 2 cores): run with {@code mvn -B verify -Pslow}.
 */
@Tag("slow")
class ConcurrentAssessmentSlowTest {
  private static final int DISTINCT_PATIENTS = 2_000;
  private static final int THREADS = 8;
  private static final int ASSESSMENTS = 100_000;

  @Test
  @Timeout(600)
  void eightThreadsGiveTheResultsOfOne() throws Exception {
    Assessor assessor = TestAssessor.get();
    List<Patient> patients = new ArrayList<>();
    for (int i = 0; i < DISTINCT_PATIENTS; i++) {
      patients.add(VariedPatients.fixturePatient(i));
    }
    List<Assessment> expected = patients.stream().map(assessor::assess).toList();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<Integer>>> mismatches = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        mismatches.add(pool.submit(() -> {
          List<Integer> wrong = new ArrayList<>();
          // Each thread walks the patients from its own offset and stride, so at any moment the
          // threads assess different patients.
          for (int n = 0; n < ASSESSMENTS / THREADS; n++) {
            int i = (thread * 251 + n * (thread + 1)) % DISTINCT_PATIENTS;
            if (!assessor.assess(patients.get(i)).equals(expected.get(i))) {
              wrong.add(i);
            }
          }
          return wrong;
        }));
      }
      for (Future<List<Integer>> f : mismatches) {
        assertThat(f.get()).as("patients whose concurrent result differed").isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("%d assessments on %d threads in %.1f s (%.0f/s)%n", ASSESSMENTS, THREADS,
        seconds, ASSESSMENTS / seconds);
  }
}
