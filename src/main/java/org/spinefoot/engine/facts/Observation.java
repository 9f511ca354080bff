package org.spinefoot.engine.facts;

import java.util.Objects;
import org.spinefoot.Answer;
import org.spinefoot.Sign;

/**
 * The answer to one yes/no question: {@code Observation( sign == "fever", present )}. The sign is
 * its key from the vocabulary, an interned string, so the rule network hashes the constraint.
 * Made once per sign and answer ({@code org.spinefoot.engine.FactTable}): records share them.
 */
public final class Observation extends Question {
  private final Sign definition;
  private final String sign;

  public Observation(Sign sign, Answer answer) {
    super(answer);
    this.definition = Objects.requireNonNull(sign, "sign");
    this.sign = sign.key();
  }

  /** The sign's key, e.g. {@code fever}. */
  public String getSign() {
    return sign;
  }

  /** The sign as the vocabulary defines it. */
  public Sign definition() {
    return definition;
  }

  @Override
  public String getPath() {
    return "signs." + sign;
  }

  @Override
  public String getLabel() {
    return definition.getLabel();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Observation
        && ((Observation) o).sign.equals(sign)
        && ((Observation) o).getAnswer() == getAnswer();
  }

  @Override
  public int hashCode() {
    return Objects.hash(sign, getAnswer());
  }
}
