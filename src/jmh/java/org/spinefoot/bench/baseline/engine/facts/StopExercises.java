package org.spinefoot.bench.baseline.engine.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * An emergency or urgent finding stands, so exercises and self-care advice must stop (INT-01).
 * Self-care rules require {@code not StopExercises()}; truth maintenance withdraws their advice as
 * soon as this is concluded.
 */
public final class StopExercises extends Conclusion {
  public StopExercises(RuleContext context) {
    super(context);
  }

  @Override
  public String describe() {
    return "stop the exercises: an emergency or urgent finding stands";
  }
}
