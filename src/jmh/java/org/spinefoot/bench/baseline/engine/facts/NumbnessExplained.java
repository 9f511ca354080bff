package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Something in the record explains the numbness: a likely spinal condition, a known disease, or
 * a temporary position. While none stands, numbness "has no obvious cause" (RF-12). A temporary
 * cause explains the numbness only while no lasting cause does (INT-05).
 */
public final class NumbnessExplained extends Conclusion {
  private final String cause;
  private final boolean temporary;

  /** A lasting cause, such as lumbar spinal stenosis or diabetic neuropathy. */
  public NumbnessExplained(RuleContext context, String cause) {
    this(context, cause, false);
  }

  private NumbnessExplained(RuleContext context, String cause, boolean temporary) {
    super(context);
    this.cause = Objects.requireNonNull(cause, "cause");
    this.temporary = temporary;
  }

  /** A temporary cause, such as sitting cross-legged, that passes within minutes. */
  public static NumbnessExplained byTemporaryCause(RuleContext context, String cause) {
    return new NumbnessExplained(context, cause, true);
  }

  public String getCause() {
    return cause;
  }

  public boolean isTemporary() {
    return temporary;
  }

  @Override
  public String describe() {
    return "numbness explained by " + cause;
  }
}
