package org.spinefoot.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Something for the clinician to consider that carries no urgency of its own, such as a possible
 * underlying cause of sciatica or a non-spinal cause of foot pain.
 */
public class Consideration extends Conclusion {
  private final String id;
  private final String text;

  public Consideration(RuleContext context, String id, String text) {
    super(context);
    this.id = Objects.requireNonNull(id, "id");
    this.text = Objects.requireNonNull(text, "text");
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
