package org.spinefoot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.spinefoot.Patient;
import org.spinefoot.facts.Side;
import org.spinefoot.facts.Sign;
import org.spinefoot.facts.Site;

/**
 * Varied, realistic-looking patient records from a fixed seed: most red-flag questions answered
 * no, a few yes or unasked; symptoms at a few sites; ages and durations spread out.
 */
public final class PatientGenerator {
  private final SplittableRandom random;
  private int count;

  public PatientGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public static List<Patient> patients(int n, long seed) {
    PatientGenerator g = new PatientGenerator(seed);
    List<Patient> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(g.next());
    }
    return out;
  }

  public Patient next() {
    Patient.Builder b = Patient.builder("gen-" + count++);
    if (chance(95)) {
      b.age(18 + random.nextInt(73));
    }
    if (chance(90)) {
      int[] days = {0, 1, 2, 5, 10, 20, 45, 90, 200, 800};
      b.durationDays(days[random.nextInt(days.length)]);
    }
    for (Sign s : Sign.values()) {
      int roll = random.nextInt(100);
      if (s.isRedFlagQuestion()) {
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
    for (Site site : Site.values()) {
      if (site.isNumbnessSite()) {
        int chancePresent = site == Site.FOOT ? 60 : site == Site.SADDLE ? 2 : 15;
        int roll = random.nextInt(100);
        if (roll < chancePresent) {
          b.numbness(site, side());
        } else if (roll < 92) {
          b.noNumbness(site);
        }
      }
      int painChance = site == Site.LOW_BACK ? 60 : 12;
      int roll = random.nextInt(100);
      if (roll < painChance) {
        b.pain(site, side());
      } else if (roll < 92) {
        b.noPain(site);
      }
    }
    return b.build();
  }

  private Side side() {
    int roll = random.nextInt(100);
    return roll < 40 ? Side.LEFT : roll < 80 ? Side.RIGHT : roll < 92 ? Side.BOTH : Side.UNSPECIFIED;
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }
}
