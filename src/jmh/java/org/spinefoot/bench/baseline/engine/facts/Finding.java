package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;
import org.spinefoot.bench.baseline.Urgency;

/**
 * A clinical conclusion about the patient with its urgency, e.g. "Suspected cauda equina syndrome"
 * (EMERGENCY). Several rules may conclude the same finding ID; the assessment merges them and
 * keeps every reason.
 */
public final class Finding extends Conclusion {
  private final Urgency urgency;
  private final String id;
  private final String title;
  private final String description;

  /**
   * Called from a rule's action: {@code insertLogical(new Finding(kcontext, Urgency.URGENT,
   * "id", "Title"))}. The urgency must equal the rule's {@code @urgency}, so the metadata a
   * reviewer reads is the urgency the patient gets.
   */
  public Finding(RuleContext context, Urgency urgency, String id, String title) {
    super(context);
    this.urgency = Objects.requireNonNull(urgency, "urgency");
    this.id = Objects.requireNonNull(id, "id");
    this.title = Objects.requireNonNull(title, "title");
    this.description = title + " (" + urgency + ")";
    String declared = RuleMetadata.text(getRule(), RuleMetadata.URGENCY);
    if (!urgency.name().equals(declared)) {
      throw new IllegalStateException(
          "rule \"" + getRule().getName() + "\" declares @urgency(" + declared
              + ") but concludes a finding of urgency " + urgency);
    }
  }

  public Urgency getUrgency() {
    return urgency;
  }

  /** A stable identifier of the finding, e.g. {@code cauda-equina-suspected}. */
  public String getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  @Override
  public String describe() {
    return description;
  }
}
