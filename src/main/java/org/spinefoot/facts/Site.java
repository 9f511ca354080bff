package org.spinefoot.facts;

/**
 * Where numbness or pain is felt. Numbness (with tingling, "pins and needles") is recorded only at
 * the sites that can carry it; pain at every site.
 */
public enum Site {
  FOOT("the foot", true, true),
  TOES("the toes", true, true),
  BIG_TOE("the big toe", true, true),
  LOWER_LEG("the lower leg or calf", true, false),
  THIGH("the thigh", true, false),
  BUTTOCK("the buttock", true, false),
  SADDLE("the saddle area (inner thighs, buttocks, genitals)", true, false),
  HAND("the hand", true, false),
  ARM("the arm", true, false),
  LOW_BACK("the low back", false, false),
  NECK("the neck", false, false),
  FOREARM("the forearm", false, false),
  FINGERS("the fingers", false, false),
  PELVIC_FLOOR("the pelvic floor", false, false);

  private final String label;
  private final boolean numbnessSite;
  private final boolean inFoot;
  private final String key;

  Site(String label, boolean numbnessSite, boolean inFoot) {
    this.label = label;
    this.numbnessSite = numbnessSite;
    this.inFoot = inFoot;
    this.key = Keys.camelCase(name());
  }

  public String getLabel() {
    return label;
  }

  /** True for the sites where numbness can be recorded. */
  public boolean isNumbnessSite() {
    return numbnessSite;
  }

  /** The foot, the toes or the big toe. */
  public boolean isInFoot() {
    return inFoot;
  }

  /** The foot and the leg up to the thigh: where sciatic symptoms are felt. */
  public boolean isInLowerLimb() {
    return inFoot || this == LOWER_LEG || this == THIGH;
  }

  /** The neck, forearm or fingers: pain there points to the neck rather than the low back. */
  public boolean isNeckOrArm() {
    return this == NECK || this == FOREARM || this == FINGERS;
  }

  /** The site's name in patient files, e.g. {@code lowBack}. */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return key;
  }
}
