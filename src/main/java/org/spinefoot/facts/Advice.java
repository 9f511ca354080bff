package org.spinefoot.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/** Self-care or management advice for the patient, e.g. "Keep moving". */
public final class Advice extends Conclusion {
  private final String id;
  private final String text;

  public Advice(RuleContext context, String id, String text) {
    super(context);
    this.id = Objects.requireNonNull(id, "id");
    this.text = Objects.requireNonNull(text, "text");
  }

  /** A stable identifier of the advice, e.g. {@code keep-moving}. */
  public String getId() {
    return id;
  }

  public String getText() {
    return text;
  }

  @Override
  public String describe() {
    return "advice: " + id.replace('-', ' ');
  }
}
