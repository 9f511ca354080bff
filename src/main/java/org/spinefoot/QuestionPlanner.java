package org.spinefoot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.RecordAnswers;
import org.spinefoot.engine.facts.LocatedSymptom;
import org.spinefoot.engine.facts.Question;

/**
 * Works out {@link NextQuestions} in one live session: for each question, each other answer is
 * set, the rules run and the outcome is read; then the record's own answer is put back.
 */
final class QuestionPlanner {
  private QuestionPlanner() {}

  /** With {@code counterfactuals} false, only the unanswered questions are tried. */
  static NextQuestions plan(PatientSession session, boolean counterfactuals) {
    Patient patient = session.patient();
    PatientSession.Outcome now = session.outcome();
    List<Question> questions = session.assessor().facts().questions(patient);
    java.util.Set<String> redFlags = java.util.Set.copyOf(session.assessor().redFlagQuestions());
    List<NextQuestions.Question> open = new ArrayList<>();
    List<NextQuestions.Counterfactual> wouldChange = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      if (!counterfactuals && !q.isNotAsked()) {
        continue;
      }
      Vocabulary.Entry entry = session.assessor().vocabulary().entry(q.getPath()).orElseThrow();
      if (q.isNotAsked() && !session.assessor().vocabulary().isDue(entry, patient)) {
        continue; // its trigger was answered "no": not asked, so questions stay short
      }
      Reply current = RecordAnswers.current(q);
      Object original = session.slot(i);
      List<NextQuestions.Outcome> outcomes = new ArrayList<>();
      for (Reply reply : RecordAnswers.choices(q)) {
        if (reply == current) {
          continue;
        }
        Object fact = RecordAnswers.fact(q, reply);
        PatientSession.Outcome then = session.tryFact(i, fact);
        if (q.isNotAsked()) {
          List<String> added = then.findings().stream()
              .filter(f -> !now.findings().contains(f)).sorted().toList();
          outcomes.add(new NextQuestions.Outcome(reply, then.disposition(),
              then.stopExercises(), added));
        } else if (level(then) != level(now)) {
          wouldChange.add(new NextQuestions.Counterfactual(q.getPath(), q.getLabel(), current,
              reply, then.disposition(), then.stopExercises()));
        }
      }
      session.put(i, original);
      if (q.isNotAsked()) {
        open.add(new NextQuestions.Question(q.getPath(), q.getLabel(), redFlags.contains(q.getPath()),
            q instanceof LocatedSymptom, effect(now, outcomes), outcomes));
      }
    }
    session.settle();

    List<NextQuestions.Question> ranked = new ArrayList<>();
    List<NextQuestions.Question> settled = new ArrayList<>();
    for (NextQuestions.Question q : open) {
      (q.effect() == NextQuestions.Effect.NONE ? settled : ranked).add(q);
    }
    // Stable sort: among equals, the record's own order stands.
    ranked.sort(Comparator.comparing(NextQuestions.Question::effect)
        .thenComparing(q -> q.effect() == NextQuestions.Effect.RAISES ? -maxLevel(q) : 0)
        .thenComparing(q -> !q.redFlag())
        .thenComparing(q -> q.effect() == NextQuestions.Effect.LOWERS ? minLevel(q) : 0));
    return new NextQuestions(patient.id(), now.disposition(), now.stopExercises(), ranked,
        settled, wouldChange);
  }

  private static NextQuestions.Effect effect(PatientSession.Outcome now,
      List<NextQuestions.Outcome> outcomes) {
    int level = level(now);
    if (outcomes.stream().anyMatch(o -> level(o) > level)) {
      return NextQuestions.Effect.RAISES;
    }
    if (outcomes.stream().anyMatch(o -> level(o) < level)) {
      return NextQuestions.Effect.LOWERS;
    }
    if (outcomes.stream().anyMatch(o -> !o.addsFindings().isEmpty())) {
      return NextQuestions.Effect.ADDS_FINDING;
    }
    return NextQuestions.Effect.NONE;
  }

  // The disposition, and within it the stop flag: one number to compare outcomes by.
  private static int level(PatientSession.Outcome o) {
    return o.disposition().ordinal() * 2 + (o.stopExercises() ? 1 : 0);
  }

  private static int level(NextQuestions.Outcome o) {
    return o.disposition().ordinal() * 2 + (o.stopExercises() ? 1 : 0);
  }

  private static int maxLevel(NextQuestions.Question q) {
    return q.outcomes().stream().mapToInt(QuestionPlanner::level).max().orElse(0);
  }

  private static int minLevel(NextQuestions.Question q) {
    return q.outcomes().stream().mapToInt(QuestionPlanner::level).min().orElse(0);
  }
}
