package org.spinefoot.engine.facts;

import org.spinefoot.Answer;
import org.spinefoot.Side;
import org.spinefoot.Site;

/** Numbness or tingling (pins and needles) at one site: {@code Numbness( inFoot, present )}. */
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
