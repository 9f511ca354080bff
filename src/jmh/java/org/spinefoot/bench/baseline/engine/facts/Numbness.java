package org.spinefoot.bench.baseline.engine.facts;

import org.spinefoot.bench.baseline.Answer;
import org.spinefoot.bench.baseline.Side;
import org.spinefoot.bench.baseline.Site;

/** Numbness or tingling (pins and needles) at one site: {@code Numbness(site.inFoot, present)}. */
public final class Numbness extends LocatedSymptom {
  public Numbness(Site site, Answer answer, Side side) {
    super(site, answer, side);
    if (!site.isNumbnessSite()) {
      throw new IllegalArgumentException("numbness is not recorded at " + site.key());
    }
  }

  @Override
  protected String kind() {
    return "numbness";
  }

  @Override
  protected String feeling() {
    return "numbness or tingling";
  }
}
