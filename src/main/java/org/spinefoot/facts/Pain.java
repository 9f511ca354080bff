package org.spinefoot.facts;

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

  /** Low back pain (cauda equina, cancer) and neck or arm pain are needed by red-flag rules. */
  @Override
  public boolean isRedFlagQuestion() {
    return getSite() == Site.LOW_BACK || getSite().isNeckOrArm();
  }
}
