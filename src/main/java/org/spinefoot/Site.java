package org.spinefoot;

/**
 * Where numbness, pain or weakness is felt, as a {@link Vocabulary} defines it: its key, its
 * label, the part of the body it belongs to, and which of numbness (with tingling, "pins and
 * needles"), pain and weakness the vocabulary records there. Get one from the vocabulary ({@link
 * Vocabulary#site(String)}, or {@link #of(String)} for the packaged one). Immutable and
 * thread-safe; two sites are the same when they are the same object.
 */
public final class Site {
  /** The part of the body a site belongs to; rules test it through {@code inFoot} and others. */
  public enum Region {
    /** The foot, toes, sole, heel. */
    FOOT,
    /** The leg from the thigh down to the ankle. */
    LEG,
    /** The back, buttock, saddle area, pelvic floor, trunk, groin and abdomen. */
    TRUNK,
    /** The arm, forearm, hand and fingers. */
    ARM,
    /** The neck. */
    NECK,
    /** The face and head. */
    HEAD
  }

  private final String key;
  private final String label;
  private final Region region;
  private final int line;
  private final int index;
  private final boolean numbnessSite;
  private final boolean painSite;
  private final boolean weaknessSite;
  private final Vocabulary owner;

  /**
   * A site as read from the vocabulary file, before the vocabulary attaches its questions.
   *
   * @param key its key, e.g. {@code bigToe}
   * @param label how it reads in a reason, e.g. "the big toe"
   * @param region the part of the body
   * @param line the line of the vocabulary file that defines it
   */
  public Site(String key, String label, Region region, int line) {
    this(null, key, label, region, line, -1, false, false, false);
  }

  private Site(Vocabulary owner, String key, String label, Region region, int line, int index,
      boolean numbness, boolean pain, boolean weakness) {
    this.owner = owner;
    this.key = key.intern();
    this.label = label;
    this.region = region;
    this.line = line;
    this.index = index;
    this.numbnessSite = numbness;
    this.painSite = pain;
    this.weaknessSite = weakness;
  }

  Site attach(Vocabulary vocabulary, int index, boolean numbness, boolean pain,
      boolean weakness) {
    return new Site(vocabulary, key, label, region, line, index, numbness, pain, weakness);
  }

  /**
   * A site of the packaged vocabulary.
   *
   * @param key e.g. {@code foot}
   * @return the site
   * @throws IllegalArgumentException if the packaged vocabulary does not define it
   */
  public static Site of(String key) {
    return Vocabulary.packaged().site(key);
  }

  /**
   * How the site reads in a reason.
   *
   * @return e.g. "the big toe"
   */
  public String getLabel() {
    return label;
  }

  /**
   * The part of the body.
   *
   * @return its region
   */
  public Region getRegion() {
    return region;
  }

  /**
   * Whether numbness is recorded here.
   *
   * @return true when the vocabulary has {@code numbness.<key>}
   */
  public boolean isNumbnessSite() {
    return numbnessSite;
  }

  /**
   * Whether pain is recorded here.
   *
   * @return true when the vocabulary has {@code pain.<key>}
   */
  public boolean isPainSite() {
    return painSite;
  }

  /**
   * Whether weakness is recorded here.
   *
   * @return true when the vocabulary has {@code weakness.<key>}
   */
  public boolean isWeaknessSite() {
    return weaknessSite;
  }

  /**
   * In the foot.
   *
   * @return true for the foot region
   */
  public boolean isInFoot() {
    return region == Region.FOOT;
  }

  /**
   * In the leg or foot.
   *
   * @return true for the foot and leg regions
   */
  public boolean isInLowerLimb() {
    return region == Region.FOOT || region == Region.LEG;
  }

  /**
   * In the arm or hand.
   *
   * @return true for the arm region
   */
  public boolean isInUpperLimb() {
    return region == Region.ARM;
  }

  /**
   * In the neck or the arm (where a nerve root in the neck shows itself).
   *
   * @return true for the neck and arm regions
   */
  public boolean isNeckOrArm() {
    return region == Region.NECK || region == Region.ARM;
  }

  /**
   * The site's name in patient files, under {@code numbness}, {@code pain} and {@code weakness}.
   *
   * @return e.g. {@code bigToe}
   */
  public String key() {
    return key;
  }

  /**
   * Its place in the vocabulary's order of sites, from 0.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * The line of the vocabulary file that defines it.
   *
   * @return the line, 0 when not known
   */
  public int line() {
    return line;
  }

  /**
   * The vocabulary that defines it.
   *
   * @return its vocabulary; null for a site not yet part of one
   */
  public Vocabulary vocabulary() {
    return owner;
  }

  @Override
  public String toString() {
    return key;
  }
}
