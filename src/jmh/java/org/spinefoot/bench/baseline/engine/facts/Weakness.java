package org.spinefoot.bench.baseline.engine.facts;

import org.spinefoot.bench.baseline.Answer;
import org.spinefoot.bench.baseline.Side;
import org.spinefoot.bench.baseline.Sign;
import org.spinefoot.bench.baseline.Site;

/**
 * Weakness at one site, with its side: {@code Weakness(site == Site.LEG, present)}. A detail of
 * the general question {@link Sign#WEAKNESS_OR_PARALYSIS}: a "yes" here is weakness whatever the
 * general answer says, and an unasked site is no more "no" than any other unasked question.
 */
public final class Weakness extends LocatedSymptom {
  public Weakness(Site site, Answer answer, Side side) {
    super(site, answer, side);
    if (!site.isWeaknessSite()) {
      throw new IllegalArgumentException("weakness is not recorded at " + site.key());
    }
  }

  @Override
  protected String kind() {
    return "weakness";
  }

  @Override
  protected String feeling() {
    return "weakness";
  }
}
