package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Numbness or sciatic pain on both sides of the lower body: in both legs or both feet, or pain
 * running down both legs. Two-sided symptoms point to a central process such as cauda equina
 * compression rather than one nerve root.
 */
public final class BothLegsAffected extends Conclusion {
  private final String what;

  public BothLegsAffected(RuleContext context, String what) {
    super(context);
    this.what = Objects.requireNonNull(what, "what");
  }

  /** What is felt on both sides, e.g. "numbness in both legs". */
  public String getWhat() {
    return what;
  }

  @Override
  public String describe() {
    return what;
  }
}
