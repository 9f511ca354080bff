package org.spinefoot.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.spinefoot.Assessor;
import org.spinefoot.NextQuestions;
import org.spinefoot.Patient;
import org.spinefoot.VariedPatients;

/**
 * Time of {@code Assessor.askNext}: every answer to every unanswered question tried in one
 * session, plus every other answer to the answered ones. A record with nothing answered is the
 * worst case (target: under 20 ms); varied records are the typical one.
 *
 * <p>Alone: {@code java -cp <bench classpath> org.spinefoot.bench.AskNextBenchmark [--quick]}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AskNextBenchmark {
  static final int PATIENTS = 256;

  @State(Scope.Benchmark)
  public static class Shared {
    Assessor assessor;
    Patient empty;
    Patient[] varied;
    int next;

    @Setup
    public void setUp() {
      assessor = Assessor.fromClasspath();
      empty = Patient.builder("empty").build();
      varied = VariedPatients.patients(PATIENTS, 43_000_000L).toArray(new Patient[0]);
    }
  }

  @Benchmark
  public NextQuestions askNextEmptyRecord(Shared shared) {
    return shared.assessor.askNext(shared.empty);
  }

  @Benchmark
  public NextQuestions askNextVariedRecord(Shared shared) {
    return shared.assessor.askNext(shared.varied[shared.next++ & (PATIENTS - 1)]);
  }

  /** Runs both benchmarks on one thread; returns milliseconds per call by benchmark name. */
  static java.util.Map<String, Double> measure(boolean quick) throws RunnerException {
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (RunResult r : new Runner(new OptionsBuilder()
        .include(AskNextBenchmark.class.getName())
        .threads(1)
        .forks(1)
        .jvmArgsAppend("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
        // Many answers go through many rule paths: the compiler needs a while to settle.
        .warmupIterations(quick ? 1 : 6)
        .warmupTime(TimeValue.seconds(quick ? 1 : 2))
        .measurementIterations(quick ? 2 : 5)
        .measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .build()).run()) {
      out.put(r.getParams().getBenchmark().replaceAll(".*\\.", ""), r.getPrimaryResult().getScore());
    }
    return out;
  }

  public static void main(String[] args) throws RunnerException {
    measure(List.of(args).contains("--quick"))
        .forEach((name, ms) -> System.out.printf(java.util.Locale.ROOT, "%s: %.2f ms%n", name, ms));
  }
}
