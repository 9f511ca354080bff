package org.spinefoot;

import java.util.HashSet;
import java.util.Set;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.RecordAnswers;
import org.spinefoot.engine.facts.Question;

/**
 * A respondent who answers from a known record (a question the record leaves unasked is
 * answered "unknown"), asked in two orders: ranked ({@link Interview}, as {@code ask} does)
 * and the record's fixed order; both stop by the same rule (nothing left to ask).
 */
public final class AskSimulation {
  private AskSimulation() {}

  /** What the respondent says to the question at this path. */
  static Reply replyOf(Patient truth, String path) {
    return RecordAnswers.current(RecordAnswers.question(
        PatientFacts.of(truth.vocabulary()), truth, path).orElseThrow());
  }

  /** Asks in ranked order from an empty record; returns the finished questionnaire's plan. */
  public static Result ranked(Assessor assessor, Patient truth) {
    try (Interview q = new Interview(assessor,
        assessor.vocabulary().newRecord(truth.id()).build())) {
      while (q.next().isPresent()) {
        String path = q.next().get().path();
        q.answer(path, replyOf(truth, path));
      }
      return new Result(q.replies(), q.plan(), q.unknown(), q.patient());
    }
  }

  /** Asks every question in the record's order until there is nothing left to ask. */
  public static Result fixedOrder(Assessor assessor, Patient truth) {
    Patient record = assessor.vocabulary().newRecord(truth.id()).build();
    Set<String> unknown = new HashSet<>();
    int asked = 0;
    try (PatientSession session = assessor.openSession(record)) {
      NextQuestions plan = session.nextQuestions(false);
      for (Question q : PatientFacts.of(assessor.vocabulary()).questions(record)) {
        if (plan.toAsk(unknown).isEmpty()) {
          break;
        }
        Reply reply = replyOf(truth, q.getPath());
        if (reply == Reply.UNKNOWN) {
          unknown.add(q.getPath());
        }
        record = RecordAnswers.with(record, q.getPath(), reply);
        session.update(record);
        plan = session.nextQuestions(false);
        asked++;
      }
      return new Result(asked, plan, unknown, record);
    }
  }

  /**
   * @param asked how many questions were asked
   * @param plan the next questions for the record at the end
   * @param unknown the questions answered "unknown"
   * @param record the record at the end
   */
  public record Result(int asked, NextQuestions plan, Set<String> unknown, Patient record) {}
}
