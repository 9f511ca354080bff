package org.spinefoot.bench.baseline;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.spinefoot.Patient;
import org.spinefoot.VariedPatients;
import org.spinefoot.bench.NaiveEmbedding;
import org.spinefoot.bench.baseline.engine.facts.Conclusion;
import org.spinefoot.bench.baseline.engine.facts.Disposition;
import org.spinefoot.bench.baseline.engine.facts.Finding;

/**
 * The fixed naive baseline: the revision-2 rules (15 DRL files, frozen in {@code
 * src/jmh/resources/baseline-rev2/rules}) over the revision-2 fact model, compiled once from DRL
 * into a KieBase and run record by record through a plain StatelessKieSession (insert the facts,
 * fire all rules, read back the conclusions), exactly as {@link NaiveEmbedding} runs today's rules.
 * Today's records are converted once to revision-2 facts ({@link Rev2Facts}).
 *
 * <p>Why fixed: {@link NaiveEmbedding} runs the live rules and fact classes, so work that speeds up
 * the engine or thins the rules speeds up the "naive" figure too, and the harness-to-naive ratio
 * measures nothing stable. This baseline shares nothing with today's knowledge base: only the
 * Drools engine, the few lines of {@link NaiveEmbedding} that drive a session, and its input, the
 * records {@code VariedPatients} generates. It changes with the Drools version, the JVM or the
 * machine, or if the generator changes what it answers.
 *
 * <p>{@link #main} prints a sanity check: the dispositions over the benchmark's 1,024 records.
 */
public final class BaselineRev2 {
  /** Where the frozen rules are on the class path. */
  static final String RULES = "baseline-rev2/rules";

  private final KieBase kieBase;

  public BaselineRev2() {
    this.kieBase = NaiveEmbedding.compile(RULES);
  }

  /** A record's revision-2 facts, as {@link #assess} takes them ({@link Rev2Facts#facts}). */
  public static List<Object> facts(Patient patient) {
    return Rev2Facts.facts(patient);
  }

  /** Assesses one record given as its revision-2 facts; returns the conclusions that stand. */
  public Collection<?> assess(List<?> facts) {
    return NaiveEmbedding.run(kieBase, facts, o -> o instanceof Conclusion);
  }

  /**
   * The dispositions over the benchmark's records, and how often each finding stands: the frozen
   * rules must conclude something real from today's records.
   */
  public static void main(String[] args) {
    BaselineRev2 baseline = new BaselineRev2();
    List<Patient> patients = VariedPatients.patients(1024, 42_000_000L);
    Map<Urgency, Integer> dispositions = new TreeMap<>();
    Map<String, Integer> findings = new TreeMap<>();
    int conclusions = 0;
    for (Patient p : patients) {
      Collection<?> out = baseline.assess(facts(p));
      conclusions += out.size();
      Set<Urgency> disposition = new TreeSet<>();
      Set<String> ids = new TreeSet<>();
      for (Object c : out) {
        if (c instanceof Disposition d) {
          disposition.add(d.getUrgency());
        } else if (c instanceof Finding f) {
          ids.add(f.getId());
        }
      }
      if (disposition.size() != 1) {
        throw new IllegalStateException(p.id() + ": dispositions " + disposition);
      }
      dispositions.merge(disposition.iterator().next(), 1, Integer::sum);
      ids.forEach(id -> findings.merge(id, 1, Integer::sum));
    }
    System.out.printf(
        Locale.ROOT,
        "revision-2 baseline over %d records: %.1f conclusions per " + "record%n",
        patients.size(),
        conclusions / (double) patients.size());
    System.out.println("dispositions: " + dispositions);
    System.out.println("records with each finding: " + findings);
  }
}
