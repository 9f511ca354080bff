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
import org.spinefoot.bench.baseline.BaselineRev2;

/**
 * Throughput of {@code Assessor.assess} (with full reasons collected) against a plain
 * StatelessKieSession over today's rules ({@link NaiveEmbedding}, which moves with them), the same
 * over the frozen revision-2 rules and fact model ({@link BaselineRev2}, the fixed baseline that
 * later work cannot speed up by accident), and hand-written Java for ten of today's most common
 * rules ({@link HandWrittenFloor}, the floor). All four walk the same 1,024 varied records with the
 * same cursor; the baseline reads each as revision-2 facts converted once in setup.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AssessBenchmark {
  static final int PATIENTS = 1024;

  /** The records, shared by every benchmark; each kind of engine is a state of its own. */
  @State(Scope.Benchmark)
  public static class Shared {
    Patient[] patients;

    /**
     * Each record as revision-2 facts, for {@link BaselineRev2}; same order as {@code patients}.
     */
    List<?>[] revision2Facts;

    @Setup
    public void setUp() {
      patients = VariedPatients.patients(PATIENTS, 42_000_000L).toArray(new Patient[0]);
      revision2Facts = new List<?>[PATIENTS];
      for (int i = 0; i < PATIENTS; i++) {
        revision2Facts[i] = BaselineRev2.facts(patients[i]);
      }
    }
  }

  /** The harness. */
  @State(Scope.Benchmark)
  public static class Harness {
    Assessor assessor;

    @Setup
    public void setUp() {
      assessor = Assessor.fromClasspath();
    }
  }

  /** A plain StatelessKieSession over today's packaged rules. */
  @State(Scope.Benchmark)
  public static class Naive {
    NaiveEmbedding naive;

    @Setup
    public void setUp() {
      naive = new NaiveEmbedding();
    }
  }

  /** A plain StatelessKieSession over the frozen revision-2 rules. */
  @State(Scope.Benchmark)
  public static class Revision2 {
    BaselineRev2 baseline;

    @Setup
    public void setUp() {
      baseline = new BaselineRev2();
    }
  }

  /** Hand-written Java for ten rules. */
  @State(Scope.Benchmark)
  public static class Floor {
    HandWrittenFloor floor;

    @Setup
    public void setUp() {
      floor = new HandWrittenFloor();
    }
  }

  /** Each thread walks the records from its own starting point. */
  @State(Scope.Thread)
  public static class Cursor {
    int next = (int) (Thread.currentThread().getId() * 97);

    /** The index of the next record. */
    int index() {
      return next++ & (PATIENTS - 1);
    }

    Patient next(Shared shared) {
      return shared.patients[index()];
    }
  }

  @Benchmark
  public Assessment assess(Shared shared, Harness harness, Cursor cursor) {
    return harness.assessor.assess(cursor.next(shared));
  }

  @Benchmark
  public Collection<?> naiveStatelessSession(Shared shared, Naive naive, Cursor cursor) {
    return naive.naive.assess(cursor.next(shared));
  }

  @Benchmark
  public Collection<?> naiveRevision2Baseline(Shared shared, Revision2 revision2, Cursor cursor) {
    return revision2.baseline.assess(shared.revision2Facts[cursor.index()]);
  }

  @Benchmark
  public List<HandWrittenFloor.Concluded> handWrittenFloor(
      Shared shared, Floor floor, Cursor cursor) {
    return floor.floor.evaluate(cursor.next(shared));
  }
}
