package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A motor deficit is present: weakness or paralysis, foot drop, a failed heel walk, weakness on
 * one side, weakness at a recorded site, or loss of control of a limb. One concept for every
 * motor sign, so that rules grade the deficit the same whichever box was ticked, and a new motor
 * sign is added in one rule (rules/signs/derived-signs.drl).
 */
public final class MotorDeficit extends Conclusion {
  private final String sign;

  public MotorDeficit(RuleContext context, String sign) {
    super(context);
    this.sign = Objects.requireNonNull(sign, "sign");
  }

  /** The sign that shows the deficit, in plain words, e.g. "foot drop". */
  public String getSign() {
    return sign;
  }

  @Override
  public String describe() {
    return "a motor deficit (" + sign + ")";
  }
}
