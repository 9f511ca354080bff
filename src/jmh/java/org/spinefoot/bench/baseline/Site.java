package org.spinefoot.bench.baseline;

import org.spinefoot.bench.baseline.engine.facts.Keys;

/**
 * Where numbness, pain or weakness is felt. Each site says which of the three the record can carry
 * there: numbness (with tingling, "pins and needles"), pain, weakness.
 */
public enum Site {
  /** {@code foot}: the foot; numbness, pain and weakness can be recorded here. */
  FOOT("the foot", Region.FOOT, true, true, true),
  /** {@code toes}: the toes; numbness and pain can be recorded here. */
  TOES("the toes", Region.FOOT, true, true, false),
  /** {@code bigToe}: the big toe; numbness and pain can be recorded here. */
  BIG_TOE("the big toe", Region.FOOT, true, true, false),
  /** {@code lowerLeg}: the lower leg or calf; numbness and pain can be recorded here. */
  LOWER_LEG("the lower leg or calf", Region.LEG, true, true, false),
  /** {@code thigh}: the thigh; numbness and pain can be recorded here. */
  THIGH("the thigh", Region.LEG, true, true, false),
  /**
   * {@code leg}: weakness of the leg as a whole ("my left leg gave way"); only weakness is
   * recorded here.
   */
  LEG("the leg", Region.LEG, false, false, true),
  /**
   * {@code backOfLeg}: pain that runs from the low back or buttock down the back of the leg, on
   * which side or both; only pain is recorded here.
   */
  BACK_OF_LEG("the back of the leg (running down from the low back or buttock)", Region.LEG,
      false, true, false),
  /** {@code buttock}: the buttock; numbness and pain can be recorded here. */
  BUTTOCK("the buttock", Region.TRUNK, true, true, false),
  /**
   * {@code saddle}: the saddle area (inner thighs, buttocks, genitals); numbness and pain can be
   * recorded here.
   */
  SADDLE("the saddle area (inner thighs, buttocks, genitals)", Region.TRUNK, true, true, false),
  /** {@code hand}: the hand; numbness, pain and weakness can be recorded here. */
  HAND("the hand", Region.ARM, true, true, true),
  /** {@code arm}: the arm; numbness, pain and weakness can be recorded here. */
  ARM("the arm", Region.ARM, true, true, true),
  /** {@code face}: the face; numbness and weakness can be recorded here. */
  FACE("the face", Region.HEAD, true, false, true),
  /** {@code lowBack}: the low back; only pain is recorded here. */
  LOW_BACK("the low back", Region.TRUNK, false, true, false),
  /** {@code neck}: the neck; only pain is recorded here. */
  NECK("the neck", Region.HEAD, false, true, false),
  /** {@code forearm}: the forearm; only pain is recorded here. */
  FOREARM("the forearm", Region.ARM, false, true, false),
  /** {@code fingers}: the fingers; only pain is recorded here. */
  FINGERS("the fingers", Region.ARM, false, true, false),
  /** {@code pelvicFloor}: the pelvic floor; only pain is recorded here. */
  PELVIC_FLOOR("the pelvic floor", Region.TRUNK, false, true, false);

  /** The part of the body a site belongs to. */
  public enum Region {
    /** The foot, toes and big toe. */
    FOOT,
    /** The leg from the thigh down to the ankle. */
    LEG,
    /** The low back, buttock, saddle area and pelvic floor. */
    TRUNK,
    /** The arm, forearm, hand and fingers. */
    ARM,
    /** The face and the neck. */
    HEAD
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

  /**
   * How the site reads in a reason and in a question.
   *
   * @return e.g. "the lower leg or calf"
   */
  public String getLabel() {
    return label;
  }

  /**
   * The part of the body the site belongs to.
   *
   * @return its region, e.g. {@link Region#FOOT} for the toes
   */
  public Region getRegion() {
    return region;
  }

  /**
   * Whether a record can carry numbness at this site, under {@code numbness}.
   *
   * @return true for the sites where numbness can be recorded
   */
  public boolean isNumbnessSite() {
    return numbnessSite;
  }

  /**
   * Whether a record can carry pain at this site, under {@code pain}.
   *
   * @return true for the sites where pain can be recorded
   */
  public boolean isPainSite() {
    return painSite;
  }

  /**
   * Whether a record can carry weakness at this site, under {@code weakness}.
   *
   * @return true for the sites where weakness can be recorded
   */
  public boolean isWeaknessSite() {
    return weaknessSite;
  }

  /**
   * Whether the site is in the foot.
   *
   * @return true for the foot, the toes and the big toe
   */
  public boolean isInFoot() {
    return region == Region.FOOT;
  }

  /**
   * Whether the site is in the lower limb, where sciatic symptoms are felt.
   *
   * @return true for the foot and the leg up to the thigh (not the buttock)
   */
  public boolean isInLowerLimb() {
    return region == Region.FOOT || region == Region.LEG;
  }

  /**
   * Whether the site is in the upper limb.
   *
   * @return true for the hand, forearm, fingers and arm
   */
  public boolean isInUpperLimb() {
    return region == Region.ARM;
  }

  /**
   * Whether pain here, with numbness, points to the neck rather than the low back: the neck and
   * every site of the upper limb. The article names the neck, forearm and fingers; pain in the
   * arm or hand points to a neck nerve root just as much (RF-13's safer reading).
   *
   * @return true for the neck, the arm, the forearm, the hand and the fingers
   */
  public boolean isNeckOrArm() {
    return this == NECK || isInUpperLimb();
  }

  /**
   * The site's name in patient files, under {@code numbness}, {@code pain} or {@code weakness};
   * also what {@link #toString()} gives.
   *
   * @return e.g. {@code lowBack}
   */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return key;
  }
}
