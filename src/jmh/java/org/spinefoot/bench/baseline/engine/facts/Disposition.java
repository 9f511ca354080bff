package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;
import org.spinefoot.bench.baseline.Urgency;

/** The overall urgency of the assessment: the highest urgency among the findings (INT-02). */
public final class Disposition extends Conclusion {
  private final Urgency urgency;

  public Disposition(RuleContext context, Urgency urgency) {
    super(context);
    this.urgency = Objects.requireNonNull(urgency, "urgency");
  }

  public Urgency getUrgency() {
    return urgency;
  }

  @Override
  public String describe() {
    return "disposition " + urgency;
  }
}
