package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * An underlying cause of a sciatica pattern to consider (CI-02), ranked by the number of
 * indicators in the record that support it (INT-04).
 */
public final class CauseToConsider extends Consideration {
  private final SpinalCause cause;
  private final int support;

  public CauseToConsider(RuleContext context, SpinalCause cause, int support) {
    super(context, Objects.requireNonNull(cause, "cause").considerationId(),
        text(cause, support), support);
    this.cause = cause;
    this.support = support;
  }

  private static String text(SpinalCause cause, int support) {
    String what = "Consider " + cause.getLabel() + " as the cause of the sciatica";
    if (support == 0) {
      return what + " (no supporting indicator in the record)";
    }
    return what + " (" + support + " supporting indicator" + (support == 1 ? "" : "s") + ")";
  }

  public SpinalCause getCause() {
    return cause;
  }

  /** How many indicators in the record support this cause. */
  public int getSupport() {
    return support;
  }
}
