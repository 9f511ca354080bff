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
  YES(Answer.PRESENT, Side.UNSPECIFIED),
  NO(Answer.ABSENT, null),
  LEFT(Answer.PRESENT, Side.LEFT),
  RIGHT(Answer.PRESENT, Side.RIGHT),
  BOTH(Answer.PRESENT, Side.BOTH),
  /** Not asked, or the person does not know: the question stays unanswered. */
  UNKNOWN(Answer.NOT_ASKED, null);

  private final Answer answer;
  private final Side side;

  Reply(Answer answer, Side side) {
    this.answer = answer;
    this.side = side;
  }

  /** The three-valued answer this reply records. */
  public Answer answer() {
    return answer;
  }

  /** True for left, right and both: replies only a question about a body site takes. */
  public boolean isSide() {
    return this == LEFT || this == RIGHT || this == BOTH;
  }

  /** How a symptom at a site is recorded for this reply. */
  public Felt felt() {
    return answer == Answer.PRESENT ? Felt.on(side) : answer == Answer.ABSENT ? Felt.NO
        : Felt.NOT_ASKED;
  }

  /** The reply that records this felt symptom. */
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

  /** The reply that records this yes/no answer. */
  public static Reply of(Answer answer) {
    return answer == Answer.PRESENT ? YES : answer == Answer.ABSENT ? NO : UNKNOWN;
  }

  /** The word for this reply: {@code yes}, {@code left}, ... (also its JSON form). */
  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a typed reply (case and surrounding spaces ignored; y and n accepted). */
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
