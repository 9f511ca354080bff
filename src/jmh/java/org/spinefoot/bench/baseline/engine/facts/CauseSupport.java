package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * An indicator in the record that supports one underlying cause of sciatica, for example "worse
 * standing, eased by sitting" for spinal stenosis. The causes to consider are ranked by how many
 * supports each has (INT-04).
 */
public final class CauseSupport extends Conclusion {
  private final SpinalCause cause;
  private final String indicator;

  public CauseSupport(RuleContext context, SpinalCause cause, String indicator) {
    super(context);
    this.cause = Objects.requireNonNull(cause, "cause");
    this.indicator = Objects.requireNonNull(indicator, "indicator");
  }

  public SpinalCause getCause() {
    return cause;
  }

  /** The supporting indicator in plain words, e.g. "older age". */
  public String getIndicator() {
    return indicator;
  }

  @Override
  public String describe() {
    return indicator + " (supports " + cause.getLabel() + ")";
  }
}
