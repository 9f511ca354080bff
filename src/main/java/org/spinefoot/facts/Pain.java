package org.spinefoot.facts;

/** Pain at one site: {@code Pain(site == Site.LOW_BACK, present)}. */
public final class Pain extends LocatedSymptom {
  public Pain(Site site, Answer answer, Side side) {
    super(site, answer, side);
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
