package org.spinefoot.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.facts.Urgency;
import org.spinefoot.fhir.QuestionnaireItem;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/**
 * Chooses the next question(s) to ask for SDC {@code $next-question}. The one place the choice
 * is made, so the adaptive-questioning engine ({@code Assessor.askNext}, issue 15) can replace
 * {@link #UNASKED_RED_FLAGS_FIRST} without touching the service.
 */
@FunctionalInterface
public interface NextQuestionPolicy {
  /**
   * The linkIds to ask next, most important first, at most {@code max}; empty when the record is
   * settled (nothing left worth asking).
   *
   * @param assessor the knowledge base serving the call
   * @param record the record so far
   * @param assessment its assessment
   * @param asked the linkIds already answered, "unknown" included: never asked again
   */
  List<String> next(Assessor assessor, Patient record, Assessment assessment, Set<String> asked,
      int max);

  /**
   * Until the ranked engine is merged: the red-flag questions not yet asked first, then every
   * other question, each group in the Questionnaire's order. An EMERGENCY record is settled at
   * once (no answer can raise it further; the patient needs care now, not more questions).
   */
  NextQuestionPolicy UNASKED_RED_FLAGS_FIRST = (assessor, record, assessment, asked, max) -> {
    if (assessment.disposition() == Urgency.EMERGENCY) {
      return List.of();
    }
    List<String> redFlags = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (QuestionnaireItem q : SpinefootQuestionnaire.items(assessor.redFlagQuestions())) {
      if (!asked.contains(q.linkId())) {
        (q.redFlag() ? redFlags : others).add(q.linkId());
      }
    }
    redFlags.addAll(others);
    return List.copyOf(redFlags.subList(0, Math.min(max, redFlags.size())));
  };
}
