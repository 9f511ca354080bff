package org.spinefoot.bench.baseline.engine.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * Exercise advice waits: a red-flag question is still unanswered, and exercising with an
 * undetected red flag could do harm (INT-01). Exercise rules require {@code not
 * ExercisesWithheld()}; truth maintenance brings the advice back once every red-flag question is
 * answered.
 */
public final class ExercisesWithheld extends Conclusion {
  public ExercisesWithheld(RuleContext context) {
    super(context);
  }

  @Override
  public String describe() {
    return "exercises wait until every red-flag question is answered";
  }
}
