package org.spinefoot.bench;

/** The explanatory notes under the table of docs/performance.md. */
final class Notes {
  private Notes() {}

  static final String TEXT = """
      ## Where the time goes, and what would reach the targets

      **Throughput (harness vs naive, scaling, batch).** Rule evaluation dominates: a record is
      about 70 facts (every question, answered or not, so that "not asked" can be told from
      "no"), run through 75 rules. A JFR profile of `assess` in a loop
      (`java -XX:StartFlightRecording=... org.spinefoot.bench.ProfileLoop 20`, on the bench
      classpath) puts about 29 % of the samples in alpha-node propagation of `Observation` facts,
      16 % in MVEL constraint evaluation and 12 % in property-reactivity bit masks; the harness
      itself (`PatientSession.collect`, which builds the reasons) is about 8 %. The `Observation`
      type node has 39 alpha nodes and **none is hashed**: Drools does not hash constraints on an
      enum-typed field (`sign == "fever"` has value type OBJECT), so every answer is tested
      against every sign pattern. A trial with the same rules keyed by a String code
      (`code == "FEVER"`) hashed 30 of the 39 nodes and cut the time per record by about 20 %.
      The harness cannot be 2.5 times the naive StatelessKieSession on the same rules: both spend
      almost all their time in the same network, and the harness does more (it builds every
      reason, sorted, for every conclusion). Reusing engine sessions from a pool saves about
      15 % of the raw engine time (measured: about 100 us pooled against 118 us new, per record);
      reusing a session and updating only the answers that differ measured no better than a
      fresh session on this varied data (consecutive generated records share few answers) and
      was dropped. Two threads on two cores gain less than 1.8 times because the JMH harness,
      the JIT compiler threads and the garbage collector share the same two cores.

      **Baselines.** The naive StatelessKieSession over today's rules moves with them: work that
      speeds up the rules speeds it up too, so "harness / naive" measures nothing stable. The
      fixed baseline is the revision-2 knowledge base (commit b454644, the last before the
      vocabulary file: 15 DRL files and that revision's fact classes and enums, frozen under
      `src/jmh` in `org.spinefoot.bench.baseline`), run the same way over the same records,
      converted once to its facts (signs and sites added since are dropped; `BaselineRev2` prints
      the dispositions it reaches). Only Drools, the JVM, the machine or the record generator
      change it. The floor is plain Java for ten of today's most common rules
      (`HandWrittenFloor`, whose `main` checks, record by record, that it fires and concludes
      what the engine does for those ten): a bound no embedding of the rules reaches, not a
      target.

      `assess` now runs the executable model (the packaged rules), the naive session the same
      rules compiled from DRL. Throughput figures are only comparable on the same host: the run
      of 2026-12-01 was on a slower host than that of 2026-11-21 (the naive session on unchanged
      DRL fell from 6,654 to 3,851 /s), and JMH's error bars that day were as large as the
      scores. Measured in one JVM, alternating 5 s rounds over the same 1,024 generated records,
      the executable model and DRL assess at the same rate once warm (about 2,900 /s each on
      that host), so the model buys the start-up time without costing throughput.

      What would reach the targets: compile the rules to the executable model at build time
      (lambdas instead of MVEL, and no DRL compilation at start-up); key observations by a
      hashable code (checked at load, so a misspelt code is an error, not a rule that never
      fires); insert only the questions a rule can read as "not asked" (the red-flag questions)
      rather than all 70; and, beyond that, decide the red flags in plain Java with the rule
      engine kept for the explanations.

      **Cold start.** The packaged rules are compiled at build time to Drools' executable model
      (`ExecutableModelGenerator`, run by the build; `Assessor.fromClasspath()` loads classes and
      compiles no DRL), and `./spinefoot` uses that model while `rules/` holds exactly the rules
      the jar was built from (the same content hash); an edited `rules/` is compiled from DRL at
      start, as before. Compiling the DRL (parser, MVEL analysis, ECJ for the actions) was 1.2 to
      1.7 s of the old 2 s start; with the model, the start is class loading: the Drools engine
      itself (about 1,300 classes), the model's generated classes (about 700 with the canonical
      model's DSL), Jackson and SnakeYAML (about 650, which reading the record needs anyway),
      picocli and the JVM. What was trimmed besides: the probe assessments on load are not run for
      a model whose rules passed them when the build loaded their DRL; the packaged rule files
      are read as resources from a list the build writes, not by opening the jar as a file system
      (about 500 classes); the engine's knowledge base is made on a thread of its own while the
      knowledge index is read, so a free second core shortens the start. The launcher maps a class-data-sharing archive that the build makes
      (`-XX:ArchiveClassesAtExit` on one assessment of a shipped example, `target/spinefoot.jsa`;
      a JVM ignores an archive that does not match its jars), which cuts its processor time by
      about a third; the API figure is without it, as an embedder's JVM would start. An embedder
      can do the same for its own application (one run with `-XX:ArchiveClassesAtExit=app.jsa`,
      then `-XX:SharedArchiveFile=app.jsa`; the class path must be jars, not directories): the
      API's JVM start to first assessment measured 0.61 to 0.66 s with such an archive against
      1.03 to 1.37 s without it, on this machine under a load average of 4.

      **Memory.** The knowledge base, its pooled sessions and caches hold well under the 64 MB
      target.
      """;
}
