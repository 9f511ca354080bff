package org.spinefoot.bench.baseline.engine.facts;

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
  private List<String> reasons; // computed once: a conclusion may stand through many records
  private String orderKey;

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

  /**
   * The evidence as it reads in a reason: observations ("no fever"), age and duration, and
   * earlier conclusions by their description; the engine's own facts are left out.
   */
  public List<String> getReasons() {
    List<String> r = reasons;
    if (r == null) {
      r = describe(evidence);
      reasons = r;
    }
    return r;
  }

  /** Describes matched facts as {@link #getReasons()} does, without duplicates. */
  public static List<String> describe(List<?> facts) {
    List<String> out = new ArrayList<>(facts.size());
    for (Object raw : facts) {
      for (Object o : inStableOrder(raw)) {
        String d;
        if (o instanceof Question) {
          d = ((Question) o).describe();
        } else if (o instanceof Conclusion) {
          d = ((Conclusion) o).describe();
        } else if (o instanceof Age || o instanceof SymptomDuration) {
          d = o.toString();
        } else {
          continue; // the engine's own facts, such as the initial fact of a "not" or accumulate
        }
        if (!out.contains(d)) {
          out.add(d);
        }
      }
    }
    return List.copyOf(out);
  }

  // A collected list comes in whatever order the engine found its elements: sort it by
  // description, so a reason reads the same however the record was reached.
  private static List<?> inStableOrder(Object matched) {
    if (!(matched instanceof Collection)) {
      return List.of(matched);
    }
    List<Object> items = new ArrayList<>((Collection<?>) matched);
    items.sort(java.util.Comparator.comparing(Conclusion::describeOne));
    return items;
  }

  private static String describeOne(Object o) {
    if (o instanceof Question) {
      return ((Question) o).describe();
    }
    return o instanceof Conclusion ? ((Conclusion) o).describe() : String.valueOf(o);
  }

  /** A short description for reasons and chains. */
  public abstract String describe();

  /**
   * A key that puts conclusions in a fixed order (kind, rule, description, reasons), so that
   * equal records give equal assessments whatever order the engine returns them in.
   */
  public String orderKey() {
    String k = orderKey;
    if (k == null) {
      k = getClass().getSimpleName() + '\u0000' + getRuleId() + '\u0000' + describe() + '\u0000'
          + String.join("|", getReasons());
      orderKey = k;
    }
    return k;
  }

  @Override
  public String toString() {
    return describe();
  }

  // Collections come from accumulate/collect patterns; their elements are the evidence.
  private static List<Object> flatten(List<Object> matched) {
    List<Object> out = new ArrayList<>();
    for (Object o : matched) {
      if (o instanceof Collection) {
        out.addAll(inStableOrder(o));
      } else if (o != null) {
        out.add(o);
      }
    }
    return List.copyOf(out);
  }
}
