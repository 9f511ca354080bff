package org.spinefoot.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.Urgency;
import org.spinefoot.fhir.QuestionnaireItem;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/**
 * Chooses the next question(s) to ask for SDC {@code $next-question}. The service uses {@link
 * #RANKED}, the adaptive-questioning engine; {@link #UNASKED_RED_FLAGS_FIRST} is a fixed order
 * kept for comparison and for a deployment that wants it.
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
   * The adaptive-questioning engine ({@link Assessor#askNext}): the questions whose answer could
   * change the disposition or the stop flag, highest reachable disposition first and red flags
   * first; then, below EMERGENCY, every red-flag question not yet asked (unknown is not absent).
   * Empty once the record is settled and every red-flag question was asked, as {@code ask} does.
   */
  NextQuestionPolicy RANKED = (assessor, record, assessment, asked, max) -> {
    org.spinefoot.NextQuestions plan = assessor.askNext(record);
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (org.spinefoot.NextQuestions.Question q : plan.ranked()) {
      if (q.changesOutcome() && !asked.contains(q.path())) {
        out.add(q.path());
      }
    }
    if (plan.disposition() != Urgency.EMERGENCY) {
      for (String path : assessor.redFlagQuestions()) {
        if (!asked.contains(path)
            && assessor.unansweredRedFlagQuestions(record).contains(path)) {
          out.add(path);
        }
      }
    }
    return List.copyOf(new ArrayList<>(out).subList(0, Math.min(max, out.size())));
  };

  /**
   * A fixed order: the red-flag questions not yet asked first, then every
   * other question, each group in the Questionnaire's order. An EMERGENCY record is settled at
   * once (no answer can raise it further; the patient needs care now, not more questions).
   */
  NextQuestionPolicy UNASKED_RED_FLAGS_FIRST = (assessor, record, assessment, asked, max) -> {
    if (assessment.disposition() == Urgency.EMERGENCY) {
      return List.of();
    }
    List<String> redFlags = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (QuestionnaireItem q : SpinefootQuestionnaire.items(assessor.vocabulary())) {
      boolean due = assessor.vocabulary().entry(q.linkId())
          .map(e -> assessor.vocabulary().isDue(e, record)).orElse(true);
      if (!asked.contains(q.linkId()) && due) {
        (q.redFlag() ? redFlags : others).add(q.linkId());
      }
    }
    redFlags.addAll(others);
    return List.copyOf(redFlags.subList(0, Math.min(max, redFlags.size())));
  };
}
