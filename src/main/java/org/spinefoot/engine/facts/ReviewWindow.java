package org.spinefoot.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * How long a symptom may last before the rules escalate it, as the rule that escalates it knows
 * the threshold: the safety net tells the patient to see a clinician within the shortest window
 * that stands (SC-10), so its wording and the rules' thresholds are defined once.
 */
public final class ReviewWindow extends Conclusion {
  private final int days;
  private final String what;

  public ReviewWindow(RuleContext context, int days, String what) {
    super(context);
    if (days < 1) {
      throw new IllegalArgumentException("a review window is a day or more: " + days);
    }
    this.days = days;
    this.what = Objects.requireNonNull(what, "what");
  }

  /** Days after the symptoms began. */
  public int getDays() {
    return days;
  }

  /** What is watched, e.g. "numbness after anaesthesia". */
  public String getWhat() {
    return what;
  }

  @Override
  public String describe() {
    return what + ": see a clinician if it lasts " + days + " days";
  }
}
