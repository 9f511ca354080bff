package org.spinefoot.bench.baseline.engine.facts;

import org.spinefoot.bench.baseline.Answer;

/**
 * One question about the patient and its three-valued answer. Every question of the record is
 * inserted into the session, answered or not, so a rule can tell "absent" from "not asked".
 */
public abstract class Question {
  private final Answer answer;
  private String description; // computed once: facts are immutable and shared across records

  protected Question(Answer answer) {
    this.answer = java.util.Objects.requireNonNull(answer, "answer");
  }

  public Answer getAnswer() {
    return answer;
  }

  public boolean isPresent() {
    return answer == Answer.PRESENT;
  }

  public boolean isAbsent() {
    return answer == Answer.ABSENT;
  }

  public boolean isNotAsked() {
    return answer == Answer.NOT_ASKED;
  }

  /** The question's place in a patient file, e.g. {@code signs.fever} or {@code numbness.foot}. */
  public abstract String getPath();

  /** What is asked, e.g. "fever" or "numbness or tingling in the foot". */
  public abstract String getLabel();

  /** How the answer reads in a reason: "fever", "no fever" or "fever: not asked". */
  public String describe() {
    String d = description;
    if (d == null) {
      d = computeDescription();
      description = d;
    }
    return d;
  }

  /** Computes {@link #describe()}; subclasses add detail such as the side. */
  protected String computeDescription() {
    switch (answer) {
      case PRESENT:
        return getLabel();
      case ABSENT:
        return "no " + getLabel();
      default:
        return getLabel() + ": not asked";
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
