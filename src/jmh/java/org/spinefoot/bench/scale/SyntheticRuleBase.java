package org.spinefoot.bench.scale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of synthetic knowledge bases, for measuring how the engine's costs grow
 * with the number of rules and of observations: a DRL rule set of a given number of rules over a
 * vocabulary of a given number of observation codes, and records answering some of them.
 *
 * <p>The rules are shaped like the packaged ones. Each has 2 to 5 conditions, every one an
 * equality on a String code that Drools can hash ({@code Obs( code == "o12", present )}; also
 * {@code Obs( code == "o3", !present )}, answered no, and {@code not Obs( code == "o45",
 * present )}, not answered yes), the first always a positive one. Codes are drawn from a
 * Zipf-like distribution (weight 1/rank), so the popular observations are read by many rules and
 * their conditions are shared in the network. A fifth of the rules conclude an intermediate fact
 * ({@link Derived}, each concluded by about four rules); a quarter of the others read one of
 * those as well; every action is an {@code insertLogical} of one small fact ({@link Derived} or
 * {@link Finding}). The consequences are plain Java, so the same text builds from DRL and as an
 * executable model.
 *
 * <p>A record answers 30 to 60 distinct observations of the vocabulary (all of it, if smaller),
 * drawn from the same distribution without replacement (common questions are asked more
 * often), each yes with probability {@value #PRESENT}.
 */
public final class SyntheticRuleBase {
  /** The package of the generated rules. */
  public static final String PACKAGE = "org.spinefoot.bench.scale.generated";

  /** The exponent of the code distribution: weight 1/rank^s. */
  static final double ZIPF_EXPONENT = 1.0;

  /** The chance that an answered observation is present. */
  static final double PRESENT = 0.3;

  private static final String[] URGENCY = {"EMERGENCY", "URGENT", "ROUTINE"};

  private final int rules;
  private final int vocabulary;
  private final long seed;
  private final double[] weights;
  private final double[] cumulative;

  /**
   * A generator of {@code rules} rules over {@code vocabulary} observation codes ({@code o0} the
   * most popular); the same arguments always give the same rules and records.
   */
  public SyntheticRuleBase(int rules, int vocabulary, long seed) {
    if (rules < 1 || vocabulary < 5) {
      throw new IllegalArgumentException("rules: " + rules + ", vocabulary: " + vocabulary
          + "; allowed: at least 1 rule and 5 observations");
    }
    this.rules = rules;
    this.vocabulary = vocabulary;
    this.seed = seed;
    this.weights = new double[vocabulary];
    this.cumulative = new double[vocabulary];
    double sum = 0;
    for (int r = 0; r < vocabulary; r++) {
      weights[r] = 1 / Math.pow(r + 1, ZIPF_EXPONENT);
      sum += weights[r];
      cumulative[r] = sum;
    }
  }

  public int rules() {
    return rules;
  }

  public int vocabulary() {
    return vocabulary;
  }

  /** The number of distinct intermediate facts the rules conclude and read. */
  int intermediates() {
    return Math.max(5, rules / 20);
  }

  /** The whole rule set as one DRL file. */
  public String drl() {
    Random random = new Random(seed);
    int producers = rules / 5;
    int intermediates = intermediates();
    int findings = Math.max(10, rules / 3);
    StringBuilder drl = new StringBuilder(rules * 160);
    drl.append("package ").append(PACKAGE).append(";\n\n");
    for (Class<?> fact : List.of(Obs.class, Derived.class, Finding.class)) {
      drl.append("import ").append(fact.getName()).append(";\n");
    }
    for (int i = 0; i < rules; i++) {
      boolean producer = i < producers;
      boolean readsDerived = !producer && producers > 0 && random.nextInt(4) == 0;
      int conditions = 2 + random.nextInt(4);
      drl.append("\nrule \"r").append(i).append("\"\nwhen\n");
      if (readsDerived) {
        drl.append("  Derived( id == \"d").append(random.nextInt(intermediates)).append("\" )\n");
        conditions--;
      }
      Set<Integer> codes = new LinkedHashSet<>();
      while (codes.size() < conditions) {
        codes.add(code(random));
      }
      boolean first = true;
      for (int code : codes) {
        int shape = first ? 0 : random.nextInt(20);
        String obs = "Obs( code == \"o" + code + "\", ";
        if (shape < 14) {
          drl.append("  ").append(obs).append("present )\n");
        } else if (shape < 17) {
          drl.append("  ").append(obs).append("!present )\n");
        } else {
          drl.append("  not ").append(obs).append("present )\n");
        }
        first = false;
      }
      drl.append("then\n  insertLogical( ");
      if (producer) {
        drl.append("new Derived( \"d").append(i % intermediates).append("\" )");
      } else {
        int f = random.nextInt(findings);
        drl.append("new Finding( \"f").append(f).append("\", \"")
            .append(URGENCY[f % URGENCY.length]).append("\" )");
      }
      drl.append(" );\nend\n");
    }
    return drl.toString();
  }

  /**
   * {@code count} records, each 30 to 60 answered observations; the same seed always gives the
   * same records.
   */
  public List<List<Obs>> records(int count, long recordSeed) {
    Random random = new Random(recordSeed);
    List<List<Obs>> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int answered = Math.min(vocabulary, 30 + random.nextInt(31));
      List<Obs> record = new ArrayList<>(answered);
      for (int code : distinctCodes(random, answered)) {
        record.add(new Obs("o" + code, random.nextDouble() < PRESENT));
      }
      records.add(List.copyOf(record));
    }
    return records;
  }

  /** One code drawn from the Zipf-like distribution. */
  private int code(Random random) {
    double u = random.nextDouble() * cumulative[vocabulary - 1];
    int i = Arrays.binarySearch(cumulative, u);
    return Math.min(vocabulary - 1, i >= 0 ? i + 1 : -i - 1);
  }

  /**
   * {@code k} distinct codes drawn from the same distribution without replacement
   * (Efraimidis-Spirakis: the k largest keys u^(1/w)), in code order.
   */
  private int[] distinctCodes(Random random, int k) {
    PriorityQueue<double[]> smallest = new PriorityQueue<>(k, (a, b) -> Double.compare(a[0], b[0]));
    for (int r = 0; r < vocabulary; r++) {
      double key = Math.log(random.nextDouble()) / weights[r];
      if (smallest.size() < k) {
        smallest.add(new double[] {key, r});
      } else if (key > smallest.peek()[0]) {
        smallest.poll();
        smallest.add(new double[] {key, r});
      }
    }
    return smallest.stream().mapToInt(e -> (int) e[1]).sorted().toArray();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%,d rules x %,d observations", rules, vocabulary);
  }
}
