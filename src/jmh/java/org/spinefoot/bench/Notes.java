package org.spinefoot.bench;

/** The explanatory notes under the table of docs/performance.md. */
final class Notes {
  private Notes() {}

  static final String TEXT = """
      ## Where the time goes, and what would reach the targets

      **Throughput (harness vs naive, scaling, batch): the targets are not met, by an order of
      magnitude.** On the revision-3 knowledge (146 rules, 139 questions) a record costs about
      half a millisecond, almost all of it inside Drools. A JFR profile of `assess` in a loop
      (`java -XX:StartFlightRecording=... org.spinefoot.bench.ProfileLoop 30`, on the bench
      classpath), after this issue's changes, puts about 52 % of the samples in `fireAllRules`
      (network evaluation: alpha constraints, segment linking, join and `not` nodes, truth
      maintenance of the logical inserts), 9 % in inserting the record's facts, 9 % in giving the
      pooled session back (the reset clears every node memory), 4 % in collecting the reasons and
      ordering the conclusions, and the rest in reading the record. What changed in this issue:

      - *Only the facts a rule can match.* A question's "not asked" fact goes into the session
        only where some rule's pattern can match it unanswered (read from the patterns with
        Drools' parser when the rules load, `NotAskedReads`; in practice the red-flag questions
        and the few others a rule reads as "not known"): 64 of the 139 question facts of a record
        with nothing answered stay out. The generated records answer most questions, so there
        the row above shows a smaller cut (every slot against what is inserted). Measured A/B, JMH on one thread over the same records, alternating the two builds
        on a quiet machine: 1,542 and 1,917 /s before, 1,940 and 2,093 /s after (about 10 to 25 %,
        within JMH's error bars).
      - *Hashed alpha constraints.* Observations are keyed by a String code since the
        vocabulary issue: the row above gives how many of the `Observation` type node's alpha
        nodes Drools hashes now; the rest are `in (...)` lists and constraints on other fields
        (`present`, `absent`), which Drools tests one by one.
      - *No MVEL on the hot path*: the packaged rules run as the executable model (lambdas).
      - *Sessions pooled* (`KieSessionsPool`), reasons built once per conclusion, lazily.
      - *Drools' alpha-network compiler* (`drools-alphanetwork-compiler` 10.2.0, tried with
        `KieBaseUpdaterANC.generateAndSetInMemoryANC`) was not kept: on the executable model it
        generates Java that does not compile ("illegal start of type" in the `Observation`,
        `Finding` and `SpinalOrigin` networks); on the same rules compiled from DRL it compiles
        in 2.4 s and measured the same as without it (1,457 to 1,981 /s against 1,784 to
        1,827 /s, same JVM, alternating rounds), with identical assessments.

      What would reach 30,000 records/s (33 us a record): the floor row shows that the decision
      itself is microseconds in plain Java, so the cost is the rule engine's per-record
      machinery, not the knowledge. Drools spends a few microseconds per firing and per
      propagated fact; a record fires on the order of a hundred logical inserts and their
      withdrawals. Reaching the target needs a different execution for the hot path: compile
      the rules' decision (findings and disposition) to plain Java at build time, from the same
      DRL, with the engine kept for explanations and for the reviewer's tools, and check the two
      agree on every case and generated record, as `HandWrittenFloor` does for ten rules. Two
      threads on two cores gain less than 1.8 times because JMH, the JIT compiler threads and the
      garbage collector share the same two cores; batch end to end is bounded by `assess`.

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
