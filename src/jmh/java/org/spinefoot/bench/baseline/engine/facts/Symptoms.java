package org.spinefoot.bench.baseline.engine.facts;

import org.spinefoot.bench.baseline.Answer;
import org.spinefoot.bench.baseline.Side;
import org.spinefoot.bench.baseline.Site;

/**
 * The numbness, pain and weakness facts, made once for every site, answer and side: records share them, so
 * equal answers are the same fact and their descriptions are computed once.
 */
public final class Symptoms {
  private static final int STATES = 2 + Side.values().length; // absent, not asked, each side
  private static final Numbness[][] NUMBNESS = new Numbness[Site.values().length][STATES];
  private static final Pain[][] PAIN = new Pain[Site.values().length][STATES];
  private static final Weakness[][] WEAKNESS = new Weakness[Site.values().length][STATES];

  static {
    for (Site site : Site.values()) {
      for (int state = 0; state < STATES; state++) {
        Answer answer = answer(state);
        Side side = state >= 2 ? Side.values()[state - 2] : null;
        if (site.isNumbnessSite()) {
          NUMBNESS[site.ordinal()][state] = new Numbness(site, answer, side);
        }
        if (site.isPainSite()) {
          PAIN[site.ordinal()][state] = new Pain(site, answer, side);
        }
        if (site.isWeaknessSite()) {
          WEAKNESS[site.ordinal()][state] = new Weakness(site, answer, side);
        }
      }
    }
  }

  private Symptoms() {}

  private static Answer answer(int state) {
    return state == 0 ? Answer.ABSENT : state == 1 ? Answer.NOT_ASKED : Answer.PRESENT;
  }

  private static int state(Answer answer, Side side) {
    switch (answer) {
      case ABSENT:
        return 0;
      case NOT_ASKED:
        return 1;
      default:
        return 2 + side.ordinal();
    }
  }

  /** The numbness fact for a site; side is given exactly when present. */
  public static Numbness numbness(Site site, Answer answer, Side side) {
    Numbness n = NUMBNESS[site.ordinal()][state(answer, side)];
    if (n == null) {
      throw new IllegalArgumentException("numbness is not recorded at " + site.key());
    }
    return n;
  }

  /** The pain fact for a site; side is given exactly when present. */
  public static Pain pain(Site site, Answer answer, Side side) {
    Pain p = PAIN[site.ordinal()][state(answer, side)];
    if (p == null) {
      throw new IllegalArgumentException("pain is not recorded at " + site.key());
    }
    return p;
  }

  /** The weakness fact for a site; side is given exactly when present. */
  public static Weakness weakness(Site site, Answer answer, Side side) {
    Weakness w = WEAKNESS[site.ordinal()][state(answer, side)];
    if (w == null) {
      throw new IllegalArgumentException("weakness is not recorded at " + site.key());
    }
    return w;
  }
}
