package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The foot symptoms may come from the low back (a nerve root or the sciatic nerve). Concluded by
 * the condition indicators; referral rules send such patients to a spine clinician (RE-03).
 */
public final class SpinalOrigin extends Conclusion {
  private final String why;

  public SpinalOrigin(RuleContext context, String why) {
    super(context);
    this.why = Objects.requireNonNull(why, "why");
  }

  /** What points to the spine, in plain words, e.g. "sciatica pattern". */
  public String getWhy() {
    return why;
  }

  @Override
  public String describe() {
    return "foot symptoms may come from the spine: " + why;
  }
}
