package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Something for the clinician to consider that carries no urgency of its own, such as a possible
 * underlying cause of sciatica or a non-spinal cause of foot pain.
 */
public class Consideration extends Conclusion {
  private final String id;
  private final String text;
  private final int weight;

  public Consideration(RuleContext context, String id, String text) {
    this(context, id, text, 0);
  }

  /** With a weight: considerations are listed heaviest first (INT-04 ranks causes this way). */
  public Consideration(RuleContext context, String id, String text, int weight) {
    super(context);
    this.id = Objects.requireNonNull(id, "id");
    this.text = Objects.requireNonNull(text, "text");
    this.weight = weight;
  }

  public int getWeight() {
    return weight;
  }

  /** A stable identifier, e.g. {@code consider-spinal-stenosis}. */
  public String getId() {
    return id;
  }

  public String getText() {
    return text;
  }

  @Override
  public String describe() {
    return text;
  }
}
