package org.spinefoot.facts;

import java.util.Objects;

/** The answer to one yes/no question: {@code Observation(sign == Sign.FEVER, present)}. */
public final class Observation extends Question {
  private final Sign sign;

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
  public boolean isRedFlagQuestion() {
    return sign.isRedFlagQuestion();
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
