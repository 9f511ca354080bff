package org.spinefoot;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * An answer a person can give to one question of the record, as typed in a questionnaire:
 * yes, no or unknown to any question, and for numbness or pain at a site also the side.
 * {@link #YES} to a site means felt there with the side not recorded.
 */
public enum Reply {
  /** Yes; at a site, felt there with the side not recorded. */
  YES(Answer.PRESENT, Side.UNSPECIFIED),
  /** No: asked, and not present. */
  NO(Answer.ABSENT, null),
  /** Felt on the left only; for a question about a body site. */
  LEFT(Answer.PRESENT, Side.LEFT),
  /** Felt on the right only; for a question about a body site. */
  RIGHT(Answer.PRESENT, Side.RIGHT),
  /** Felt on both sides; for a question about a body site. */
  BOTH(Answer.PRESENT, Side.BOTH),
  /** Not asked, or the person does not know: the question stays unanswered. */
  UNKNOWN(Answer.NOT_ASKED, null);

  private final Answer answer;
  private final Side side;

  Reply(Answer answer, Side side) {
    this.answer = answer;
    this.side = side;
  }

  /**
   * The three-valued answer this reply records, the side left aside.
   *
   * @return {@link Answer#PRESENT} for yes, left, right and both
   */
  public Answer answer() {
    return answer;
  }

  /**
   * Whether this reply names a side.
   *
   * @return true for left, right and both: replies only a question about a body site takes
   */
  public boolean isSide() {
    return this == LEFT || this == RIGHT || this == BOTH;
  }

  /**
   * How a symptom at a site is recorded for this reply.
   *
   * @return e.g. {@code Felt.on(Side.LEFT)} for {@link #LEFT}, {@link Felt#NO} for {@link #NO},
   *     {@link Felt#NOT_ASKED} for {@link #UNKNOWN}
   */
  public Felt felt() {
    return answer == Answer.PRESENT ? Felt.on(side) : answer == Answer.ABSENT ? Felt.NO
        : Felt.NOT_ASKED;
  }

  /**
   * The reply that records this felt symptom.
   *
   * @param felt the answer at a site
   * @return the matching reply; {@link #YES} for a side not recorded
   * @throws NullPointerException if {@code felt} is null
   */
  public static Reply of(Felt felt) {
    if (felt.answer() != Answer.PRESENT) {
      return of(felt.answer());
    }
    switch (felt.side()) {
      case LEFT:
        return LEFT;
      case RIGHT:
        return RIGHT;
      case BOTH:
        return BOTH;
      default:
        return YES;
    }
  }

  /**
   * The reply that records this yes/no answer.
   *
   * @param answer the answer
   * @return {@link #YES}, {@link #NO} or {@link #UNKNOWN}
   */
  public static Reply of(Answer answer) {
    return answer == Answer.PRESENT ? YES : answer == Answer.ABSENT ? NO : UNKNOWN;
  }

  /**
   * The word for this reply, as typed and as written in JSON; also what {@link #toString()}
   * gives.
   *
   * @return the lower-case name: {@code yes}, {@code no}, {@code left}, {@code right}, {@code
   *     both} or {@code unknown}
   */
  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a typed reply: a reply's word, or {@code y}, {@code n}, and for unknown {@code u},
   * {@code ?} or {@code don't know}. Case and surrounding spaces are ignored.
   *
   * @param text what was typed
   * @return the reply, or empty when the text is none of these
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<Reply> parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "y":
        return Optional.of(YES);
      case "n":
        return Optional.of(NO);
      case "?":
      case "u":
      case "dont know":
      case "don't know":
        return Optional.of(UNKNOWN);
      default:
        for (Reply r : values()) {
          if (r.word().equals(t)) {
            return Optional.of(r);
          }
        }
        return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return word();
  }
}
