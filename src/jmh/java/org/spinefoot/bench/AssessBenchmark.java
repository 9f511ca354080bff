package org.spinefoot.bench;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.VariedPatients;

/**
 * Throughput of {@code Assessor.assess} (with full reasons collected) against the naive
 * StatelessKieSession embedding, over 1,024 varied records cycled through.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AssessBenchmark {
  static final int PATIENTS = 1024;

  @State(Scope.Benchmark)
  public static class Shared {
    Assessor assessor;
    NaiveEmbedding naive;
    Patient[] patients;

    @Setup
    public void setUp() {
      assessor = Assessor.fromClasspath();
      naive = new NaiveEmbedding();
      List<Patient> list = VariedPatients.patients(PATIENTS, 42_000_000L);
      patients = list.toArray(new Patient[0]);
    }
  }

  /** Each thread walks the records from its own starting point. */
  @State(Scope.Thread)
  public static class Cursor {
    int next = (int) (Thread.currentThread().getId() * 97);

    Patient next(Shared shared) {
      return shared.patients[next++ & (PATIENTS - 1)];
    }
  }

  @Benchmark
  public Assessment assess(Shared shared, Cursor cursor) {
    return shared.assessor.assess(cursor.next(shared));
  }

  @Benchmark
  public Collection<?> naiveStatelessSession(Shared shared, Cursor cursor) {
    return shared.naive.assess(cursor.next(shared));
  }
}
