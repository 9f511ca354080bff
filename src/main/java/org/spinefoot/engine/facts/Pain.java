package org.spinefoot.engine.facts;

import org.spinefoot.Answer;
import org.spinefoot.Side;
import org.spinefoot.Site;

/** Pain at one site: {@code Pain( site == "lowBack", present )}. */
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
