package org.spinefoot;

/** The side of the body a symptom is felt on. */
public enum Side {
  LEFT,
  RIGHT,
  BOTH,
  /** Present, but the record does not say on which side. */
  UNSPECIFIED;

  /**
   * True when a symptom on this side and one on {@code other} may be on the same side of the body.
   * An unrecorded side may be either; "both" includes each side, but two symptoms that are both
   * on both sides are not a one-sided pattern. Used for one-sided (stroke) patterns, where an
   * unknown side must not rule the pattern out.
   */
  public boolean mayShareOneSideWith(Side other) {
    if (this == BOTH && other == BOTH) {
      return false;
    }
    return this == other || this == UNSPECIFIED || other == UNSPECIFIED || this == BOTH
        || other == BOTH;
  }

  /** True for a symptom recorded on the left (or on both sides). */
  public boolean includesLeft() {
    return this == LEFT || this == BOTH;
  }

  /** True for a symptom recorded on the right (or on both sides). */
  public boolean includesRight() {
    return this == RIGHT || this == BOTH;
  }
}
