package org.spinefoot.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Something a rule concluded, inserted with {@code insertLogical} so that it is withdrawn when a
 * premise changes. It remembers the rule that concluded it and the facts that rule matched (the
 * evidence), which may be observations or other conclusions: the chain behind every finding.
 */
public abstract class Conclusion {
  private final Rule rule;
  private final List<Object> evidence;

  protected Conclusion(RuleContext context) {
    this.rule = context.getRule();
    this.evidence = flatten(context.getMatch().getObjects());
  }

  /** The rule that concluded this. */
  public Rule getRule() {
    return rule;
  }

  /** The {@code @id} of the rule that concluded this. */
  public String getRuleId() {
    return RuleMetadata.text(rule, RuleMetadata.ID);
  }

  /** The facts the rule matched: observations and earlier conclusions, in pattern order. */
  public List<Object> getEvidence() {
    return evidence;
  }

  /** A short description for reasons and chains. */
  public abstract String describe();

  @Override
  public String toString() {
    return describe();
  }

  // Collections come from accumulate/collect patterns; their elements are the evidence.
  private static List<Object> flatten(List<Object> matched) {
    List<Object> out = new ArrayList<>();
    for (Object o : matched) {
      if (o instanceof Collection) {
        out.addAll((Collection<?>) o);
      } else if (o != null) {
        out.add(o);
      }
    }
    return List.copyOf(out);
  }
}
