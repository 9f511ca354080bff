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
      enum-typed field (`sign == Sign.FEVER` has value type OBJECT), so every answer is tested
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

      What would reach the targets: compile the rules to the executable model at build time
      (lambdas instead of MVEL, and no DRL compilation at start-up); key observations by a
      hashable code (checked at load, so a misspelt code is an error, not a rule that never
      fires); insert only the questions a rule can read as "not asked" (the red-flag questions)
      rather than all 70; and, beyond that, decide the red flags in plain Java with the rule
      engine kept for the explanations.

      **Cold start.** Of about 2 s, compiling the DRL (parser, MVEL analysis, ECJ for the
      actions) is 1.2 to 1.7 s; JVM start, picocli and Jackson are about 0.3 s. Serialising the
      compiled packages at build time removed the compilation but the first assessment then
      paid for MVEL compiling every constraint on first use, so it gained little. A dynamic
      class-data-sharing archive (`-XX:ArchiveClassesAtExit`) aborted on this JDK 17 build. The
      executable model, compiled at build time for the packaged rules (with the DRL path kept for
      a reviewer's edited `rules/`), is what would bring the packaged path under a second.

      **Memory.** The knowledge base, its pooled sessions and caches hold well under the 64 MB
      target.
      """;
}
