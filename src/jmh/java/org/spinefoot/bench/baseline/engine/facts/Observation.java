package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.spinefoot.bench.baseline.Answer;
import org.spinefoot.bench.baseline.Sign;

/** The answer to one yes/no question: {@code Observation(sign == Sign.FEVER, present)}. */
public final class Observation extends Question {
  // Every sign and answer, made once: records share them, so equal answers are the same fact.
  private static final Observation[][] ALL = new Observation[Sign.values().length][];

  static {
    for (Sign s : Sign.values()) {
      ALL[s.ordinal()] = new Observation[Answer.values().length];
      for (Answer a : Answer.values()) {
        ALL[s.ordinal()][a.ordinal()] = new Observation(s, a);
      }
    }
  }

  private final Sign sign;

  /** The shared fact for this sign and answer. */
  public static Observation of(Sign sign, Answer answer) {
    return ALL[sign.ordinal()][answer.ordinal()];
  }

  public Observation(Sign sign, Answer answer) {
    super(answer);
    this.sign = Objects.requireNonNull(sign, "sign");
  }

  public Sign getSign() {
    return sign;
  }

  @Override
  public String getPath() {
    return "signs." + sign.key();
  }

  @Override
  public String getLabel() {
    return sign.getLabel();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Observation
        && ((Observation) o).sign == sign
        && ((Observation) o).getAnswer() == getAnswer();
  }

  @Override
  public int hashCode() {
    return Objects.hash(sign, getAnswer());
  }
}
