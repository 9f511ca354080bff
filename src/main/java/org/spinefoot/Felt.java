package org.spinefoot;

import java.util.Objects;

/**
 * Whether a symptom is felt at one site, and on which side. In patient files: {@code left},
 * {@code right}, {@code both}, {@code yes} (present, side not recorded), {@code no}, or
 * {@code unknown} (not asked, the same as leaving the site out). Immutable.
 *
 * @param answer whether the symptom is felt there; never null
 * @param side the side it is felt on when {@code answer} is {@link Answer#PRESENT} ({@link
 *     Side#UNSPECIFIED} when not recorded); null otherwise
 */
public record Felt(Answer answer, Side side) {
  /** Asked, and not felt at the site ({@code no} in a record file). */
  public static final Felt NO = new Felt(Answer.ABSENT, null);
  /** Not asked ({@code unknown}, or the site left out of the record). */
  public static final Felt NOT_ASKED = new Felt(Answer.NOT_ASKED, null);

  /**
   * Checks that a side is given exactly when the symptom is present.
   *
   * @param answer whether the symptom is felt there; never null
   * @param side the side it is felt on when {@code answer} is {@link Answer#PRESENT} ({@link
   *     Side#UNSPECIFIED} when not recorded); null otherwise
   * @throws NullPointerException if {@code answer} is null
   * @throws IllegalArgumentException if {@code side} is null for {@link Answer#PRESENT}, or given
   *     for another answer
   */
  public Felt {
    Objects.requireNonNull(answer, "answer");
    if ((answer == Answer.PRESENT) != (side != null)) {
      throw new IllegalArgumentException("a side is given exactly when the symptom is present");
    }
  }

  /**
   * Felt at the site on the given side.
   *
   * @param side the side; {@link Side#UNSPECIFIED} when the record does not say which
   * @return a present answer on that side
   * @throws NullPointerException if {@code side} is null
   */
  public static Felt on(Side side) {
    return new Felt(Answer.PRESENT, Objects.requireNonNull(side, "side"));
  }
}
