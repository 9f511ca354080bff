package org.spinefoot.report;

import java.util.List;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.review.Explainer;

/**
 * The questions to ask next: every red-flag question the record left unasked, with the
 * disposition a "yes" would give. The one place reports learn this, so a richer source of next
 * questions can replace it here.
 */
public final class AskNext {
  private final Explainer explainer;

  public AskNext(Assessor assessor) {
    this.explainer = new Explainer(assessor);
  }

  /**
   * Those whose "yes" would give the highest disposition first, then in the order the assessment
   * lists them; one assessment per question.
   */
  public List<ActionReport.Question> of(Patient patient, Assessment assessment) {
    return explainer.whatIfs(patient, assessment).stream()
        .map(w -> new ActionReport.Question(w.path(), w.question(), w.ifYes()))
        .sorted(java.util.Comparator.comparing(ActionReport.Question::ifYes).reversed())
        .toList();
  }
}
