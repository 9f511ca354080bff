package org.spinefoot.bench.baseline.engine.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * The sciatica pattern holds (CI-01): pain travelling from the low back or buttock down the leg
 * into the foot, with numbness, tingling or weakness. A pattern, not a diagnosis: the causes to
 * consider follow from it (CI-02, INT-04).
 */
public final class SciaticaPattern extends Conclusion {
  public SciaticaPattern(RuleContext context) {
    super(context);
  }

  @Override
  public String describe() {
    return "sciatica pattern";
  }
}
