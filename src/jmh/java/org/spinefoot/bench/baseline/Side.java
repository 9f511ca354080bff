package org.spinefoot.bench.baseline;

/** The side of the body a symptom is felt on, when it is felt ({@link Felt#side()}). */
public enum Side {
  /** The left side only. */
  LEFT,
  /** The right side only. */
  RIGHT,
  /** Both sides. */
  BOTH,
  /** Present, but the record does not say on which side. */
  UNSPECIFIED;

  /**
   * True when a symptom on this side and one on {@code other} may be on the same side of the body.
   * An unrecorded side may be either; "both" includes each side, but two symptoms that are both
   * on both sides are not a one-sided pattern. Used for one-sided (stroke) patterns, where an
   * unknown side must not rule the pattern out.
   *
   * @param other the side of the other symptom
   * @return false only when the two sides show the symptoms cannot be on one side alone
   */
  public boolean mayShareOneSideWith(Side other) {
    if (this == BOTH && other == BOTH) {
      return false;
    }
    return this == other || this == UNSPECIFIED || other == UNSPECIFIED || this == BOTH
        || other == BOTH;
  }

  /**
   * Whether a symptom on this side is felt on the left.
   *
   * @return true for {@link #LEFT} and {@link #BOTH}; false for an unspecified side
   */
  public boolean includesLeft() {
    return this == LEFT || this == BOTH;
  }

  /**
   * Whether a symptom on this side is felt on the right.
   *
   * @return true for {@link #RIGHT} and {@link #BOTH}; false for an unspecified side
   */
  public boolean includesRight() {
    return this == RIGHT || this == BOTH;
  }
}
