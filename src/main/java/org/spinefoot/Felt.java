package org.spinefoot;

import java.util.Objects;

/**
 * Whether a symptom is felt at one site, and on which side. In patient files: {@code left},
 * {@code right}, {@code both}, {@code yes} (present, side not recorded), {@code no}, or
 * {@code unknown} (not asked, the same as leaving the site out).
 */
public record Felt(Answer answer, Side side) {
  public static final Felt NO = new Felt(Answer.ABSENT, null);
  public static final Felt NOT_ASKED = new Felt(Answer.NOT_ASKED, null);

  public Felt {
    Objects.requireNonNull(answer, "answer");
    if ((answer == Answer.PRESENT) != (side != null)) {
      throw new IllegalArgumentException("a side is given exactly when the symptom is present");
    }
  }

  /** Present on the given side. */
  public static Felt on(Side side) {
    return new Felt(Answer.PRESENT, Objects.requireNonNull(side, "side"));
  }
}
