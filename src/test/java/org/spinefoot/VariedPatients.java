package org.spinefoot;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic, varied patient records for load, concurrency and equivalence tests and for the
 * benchmarks: record {@code i} is the same in every run. Most red-flag questions are answered
 * no and a few yes or unasked; other answers and symptoms are common, so the condition, referral
 * and self-care rules fire too; ages and durations are spread out; every seventh record has no
 * {@code id}.
 */
public final class VariedPatients {
  /** The red-flag questions the shipped knowledge declares. */
  private static final java.util.Set<String> RED_FLAGS = shippedRedFlagQuestions();

  private VariedPatients() {}

  private static java.util.Set<String> shippedRedFlagQuestions() {
    return java.util.Set.copyOf(Vocabulary.packaged().redFlagQuestions());
  }

  /** {@code n} records starting at record {@code first}. */
  public static List<Patient> patients(int n, long first) {
    List<Patient> out = new ArrayList<>(n);
    for (long i = first; i < first + n; i++) {
      out.add(patient(i));
    }
    return out;
  }

  public static Patient patient(long i) {
    return patient(i, Vocabulary.packaged());
  }

  /** {@code n} records starting at {@code first}, over the fixture knowledge base's questions. */
  public static List<Patient> fixturePatients(int n, long first) {
    List<Patient> out = new ArrayList<>(n);
    for (long i = first; i < first + n; i++) {
      out.add(fixturePatient(i));
    }
    return out;
  }

  /** Record {@code i} over the fixture knowledge base's questions (tests on the fixture). */
  public static Patient fixturePatient(long i) {
    return patient(i, Fixture.assessor().vocabulary());
  }

  /** Record {@code i} over the questions of a vocabulary. */
  public static Patient patient(long i, Vocabulary vocabulary) {
    java.util.Set<String> redFlags = vocabulary == Vocabulary.packaged() ? RED_FLAGS
        : java.util.Set.copyOf(vocabulary.redFlagQuestions());
    SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 17);
    Patient.Builder b = Patient.builder(i % 7 == 3 ? null : "p" + i, vocabulary);
    if (chance(random, 95)) {
      b.age(18 + random.nextInt(73));
    }
    if (chance(random, 90)) {
      int[] days = {0, 1, 2, 5, 10, 20, 45, 90, 200, 800};
      b.durationDays(days[random.nextInt(days.length)]);
    }
    for (Sign s : vocabulary.signs()) {
      int roll = random.nextInt(100);
      // Examination signs (foot drop, heel walk, one-sided weakness) are motor signs: as rare as
      // the red flags, or nearly every record would be an emergency.
      if (redFlags.contains("signs." + s.key()) || s.getCategory().equals("examination")) {
        if (roll < 4) {
          b.present(s);
        } else if (roll < 97) {
          b.absent(s);
        }
      } else if (roll < 30) {
        b.present(s);
      } else if (roll < 75) {
        b.absent(s);
      }
    }
    for (Site site : vocabulary.sites()) {
      if (site.isNumbnessSite()) {
        int chancePresent = site.key().equals("foot") ? 60
            : site.key().equals("saddle") || site.key().equals("face") ? 2 : 15;
        int roll = random.nextInt(100);
        if (roll < chancePresent) {
          b.numbness(site, side(random));
        } else if (roll < 92) {
          b.noNumbness(site);
        }
      }
      if (site.isPainSite()) {
        int painChance = site.key().equals("lowBack") ? 60 : 12;
        int roll = random.nextInt(100);
        if (roll < painChance) {
          b.pain(site, side(random));
        } else if (roll < 92) {
          b.noPain(site);
        }
      }
      if (site.isWeaknessSite()) {
        int roll = random.nextInt(100);
        if (roll < 1) {
          b.weakness(site, side(random));
        } else if (roll < 60) {
          b.noWeakness(site);
        }
      }
    }
    return b.build();
  }

  private static Side side(SplittableRandom random) {
    int roll = random.nextInt(100);
    return roll < 40 ? Side.LEFT : roll < 80 ? Side.RIGHT : roll < 92 ? Side.BOTH : Side.UNSPECIFIED;
  }

  private static boolean chance(SplittableRandom random, int percent) {
    return random.nextInt(100) < percent;
  }
}
