package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Self-care or management advice for the patient, e.g. "Keep moving". Exercise advice is made
 * with {@link #exercise}: it must wait until every red-flag question is answered (INT-01), which
 * the safety properties check for every advice so marked.
 */
public final class Advice extends Conclusion {
  private final String id;
  private final String text;
  private final boolean exercise;

  public Advice(RuleContext context, String id, String text) {
    this(context, id, text, false);
  }

  private Advice(RuleContext context, String id, String text, boolean exercise) {
    super(context);
    this.id = Objects.requireNonNull(id, "id");
    this.text = Objects.requireNonNull(text, "text");
    this.exercise = exercise;
  }

  /** Advice to do exercises or stretches: {@code insertLogical(Advice.exercise(kcontext, ...))}. */
  public static Advice exercise(RuleContext context, String id, String text) {
    return new Advice(context, id, text, true);
  }

  /** True for advice to exercise or stretch (INT-01: never while a red flag may be hidden). */
  public boolean isExercise() {
    return exercise;
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
