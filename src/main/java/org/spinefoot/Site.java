package org.spinefoot;

import org.spinefoot.engine.facts.Keys;

/**
 * Where numbness, pain or weakness is felt. Each site says which of the three the record can carry
 * there: numbness (with tingling, "pins and needles"), pain, weakness.
 */
public enum Site {
  FOOT("the foot", Region.FOOT, true, true, true),
  TOES("the toes", Region.FOOT, true, true, false),
  BIG_TOE("the big toe", Region.FOOT, true, true, false),
  LOWER_LEG("the lower leg or calf", Region.LEG, true, true, false),
  THIGH("the thigh", Region.LEG, true, true, false),
  /** Weakness of the leg as a whole: "my left leg gave way". */
  LEG("the leg", Region.LEG, false, false, true),
  /** Pain that runs from the low back or buttock down the back of the leg: which side, or both. */
  BACK_OF_LEG("the back of the leg (running down from the low back or buttock)", Region.LEG,
      false, true, false),
  BUTTOCK("the buttock", Region.TRUNK, true, true, false),
  SADDLE("the saddle area (inner thighs, buttocks, genitals)", Region.TRUNK, true, true, false),
  HAND("the hand", Region.ARM, true, true, true),
  ARM("the arm", Region.ARM, true, true, true),
  FACE("the face", Region.HEAD, true, false, true),
  LOW_BACK("the low back", Region.TRUNK, false, true, false),
  NECK("the neck", Region.HEAD, false, true, false),
  FOREARM("the forearm", Region.ARM, false, true, false),
  FINGERS("the fingers", Region.ARM, false, true, false),
  PELVIC_FLOOR("the pelvic floor", Region.TRUNK, false, true, false);

  /** The part of the body a site belongs to. */
  public enum Region {
    FOOT, LEG, TRUNK, ARM, HEAD
  }

  private final String label;
  private final Region region;
  private final boolean numbnessSite;
  private final boolean painSite;
  private final boolean weaknessSite;
  private final String key;

  Site(String label, Region region, boolean numbnessSite, boolean painSite,
      boolean weaknessSite) {
    this.label = label;
    this.region = region;
    this.numbnessSite = numbnessSite;
    this.painSite = painSite;
    this.weaknessSite = weaknessSite;
    this.key = Keys.camelCase(name());
  }

  public String getLabel() {
    return label;
  }

  public Region getRegion() {
    return region;
  }

  /** True for the sites where numbness can be recorded. */
  public boolean isNumbnessSite() {
    return numbnessSite;
  }

  /** True for the sites where pain can be recorded. */
  public boolean isPainSite() {
    return painSite;
  }

  /** True for the sites where weakness can be recorded. */
  public boolean isWeaknessSite() {
    return weaknessSite;
  }

  /** The foot, the toes or the big toe. */
  public boolean isInFoot() {
    return region == Region.FOOT;
  }

  /** The foot and the leg up to the thigh: where sciatic symptoms are felt. */
  public boolean isInLowerLimb() {
    return region == Region.FOOT || region == Region.LEG;
  }

  /** The hand, forearm, fingers or arm: the upper limb. */
  public boolean isInUpperLimb() {
    return region == Region.ARM;
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
