package org.spinefoot.bench.baseline.engine.facts;

import org.spinefoot.bench.baseline.Answer;
import org.spinefoot.bench.baseline.Side;
import org.spinefoot.bench.baseline.Site;

/** Pain at one site: {@code Pain(site == Site.LOW_BACK, present)}. */
public final class Pain extends LocatedSymptom {
  public Pain(Site site, Answer answer, Side side) {
    super(site, answer, side);
    if (!site.isPainSite()) {
      throw new IllegalArgumentException("pain is not recorded at " + site.key());
    }
  }

  @Override
  protected String kind() {
    return "pain";
  }

  @Override
  protected String feeling() {
    return "pain";
  }
}
