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
    PatientFacts facts = session.assessor().facts();
    java.util.Set<String> triggers = facts.triggersOfRedFlagQuestions();
    int dueFrom = facts.firstDueSlot();
    List<Object> slotsNow = new ArrayList<>();
    for (int k = 0; k < facts.slotNames().size(); k++) {
      slotsNow.add(session.slot(k));
    }
    // The highest level a trigger's answer reaches together with an answer to the red-flag
    // question it makes due: a trigger whose own answer changes nothing may still lead there.
    java.util.Map<String, Integer> reach = new java.util.HashMap<>();
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
        boolean trigger = triggers.contains(q.getPath());
        Patient withReply = trigger ? RecordAnswers.with(patient, q.getPath(), reply) : null;
        List<Object> tried = trigger ? facts.slots(withReply) : null;
        if (trigger) {
          // The answer may make a conditional red-flag question due or not (INT-03): try that too.
          putDueSlots(session, tried, dueFrom);
        }
        PatientSession.Outcome then = session.tryFact(i, fact);
        if (q.isNotAsked() && trigger) {
          int reached = lookAhead(session, facts, withReply, tried, q.getPath(), questions);
          reach.merge(q.getPath(), Math.max(reached, level(then)), Math::max);
        }
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
      if (triggers.contains(q.getPath())) {
        putDueSlots(session, slotsNow, dueFrom);
      }
      if (q.isNotAsked()) {
        open.add(new NextQuestions.Question(q.getPath(), q.getLabel(), redFlags.contains(q.getPath()),
            q instanceof LocatedSymptom, effect(now, outcomes), outcomes));
      }
    }
    session.settle();

    List<NextQuestions.Question> ranked = new ArrayList<>();
    List<NextQuestions.Question> settled = new ArrayList<>();
    int levelNow = level(now);
    java.util.function.Function<NextQuestions.Question, NextQuestions.Effect> rankedAs = q ->
        reach.getOrDefault(q.path(), 0) > levelNow ? NextQuestions.Effect.RAISES : q.effect();
    java.util.function.ToIntFunction<NextQuestions.Question> highest = q ->
        Math.max(maxLevel(q), reach.getOrDefault(q.path(), 0));
    for (NextQuestions.Question q : open) {
      (rankedAs.apply(q) == NextQuestions.Effect.NONE ? settled : ranked).add(q);
    }
    // Stable sort: among equals, the record's own order stands.
    ranked.sort(Comparator.comparing(rankedAs)
        .thenComparing(q -> rankedAs.apply(q) == NextQuestions.Effect.RAISES
            ? -highest.applyAsInt(q) : 0)
        // A question that reaches a level only through the question it opens comes after those
        // whose own answer reaches it: the report lists it by its own answer's outcome.
        .thenComparing(q -> rankedAs.apply(q) != q.effect())
        .thenComparing(q -> !q.redFlag())
        .thenComparing(q -> q.effect() == NextQuestions.Effect.LOWERS ? minLevel(q) : 0));
    triggersFirst(ranked, settled, session.assessor().vocabulary(), patient);
    return new NextQuestions(patient.id(), now.disposition(), now.stopExercises(), ranked,
        settled, wouldChange);
  }

  /**
   * With a trigger's trial answer in the session ({@code withTrigger}, whose slots are
   * {@code triggerSlots}), tries every answer of each unanswered red-flag question that answer
   * makes due, and returns the highest level reached; puts those questions and the due slots back
   * as they were for the trigger's trial.
   */
  private static int lookAhead(PatientSession session, PatientFacts facts, Patient withTrigger,
      List<Object> triggerSlots, String trigger, List<Question> questions) {
    int dueFrom = facts.firstDueSlot();
    int best = 0;
    for (Vocabulary.Entry e : facts.redFlagQuestionsTriggeredBy(trigger)) {
      int j = facts.slotOf(e.path());
      if (j < 0 || !questions.get(j).isNotAsked() || !facts.vocabulary().isDue(e, withTrigger)) {
        continue;
      }
      Question conditional = questions.get(j);
      Object original = session.slot(j);
      for (Reply r : RecordAnswers.choices(conditional)) {
        if (r == RecordAnswers.current(conditional)) {
          continue;
        }
        putDueSlots(session, facts.slots(RecordAnswers.with(withTrigger, e.path(), r)), dueFrom);
        best = Math.max(best, level(session.tryFact(j, RecordAnswers.fact(conditional, r))));
      }
      session.put(j, original);
    }
    putDueSlots(session, triggerSlots, dueFrom);
    return best;
  }

  /** Puts the due slots of {@code slots} (a whole record's slots) into the session. */
  private static void putDueSlots(PatientSession session, List<Object> slots, int dueFrom) {
    for (int k = dueFrom; k < slots.size(); k++) {
      session.put(k, slots.get(k));
    }
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

  /**
   * Puts the conditional questions whose triggers are still open after the others: a trigger's
   * answer may make them unnecessary, so asking the rest first keeps the questions short.
   * Nothing leaves the list: a conditional question stays due (INT-03) until its trigger is "no".
   */
  private static void triggersFirst(List<NextQuestions.Question> ranked,
      List<NextQuestions.Question> settled, Vocabulary vocabulary, Patient patient) {
    List<NextQuestions.Question> waiting = new ArrayList<>();
    java.util.Set<String> triggers = new java.util.LinkedHashSet<>();
    ranked.removeIf(q -> {
      Vocabulary.Entry e = vocabulary.entry(q.path()).orElse(null);
      boolean waits = e != null && waitsForItsTrigger(vocabulary, e, patient);
      if (waits) {
        waiting.add(q);
        triggers.addAll(e.askedWhen());
      }
      return waits;
    });
    // A trigger of a waiting question matters even when its own answer changes nothing else:
    // a "no" makes the waiting question unnecessary.
    List<NextQuestions.Question> toAskFirst = new ArrayList<>();
    settled.removeIf(q -> {
      boolean trigger = triggers.contains(q.path());
      if (trigger) {
        toAskFirst.add(q);
      }
      return trigger;
    });
    ranked.addAll(toAskFirst);
    ranked.addAll(waiting);
  }

  /** Whether none of a conditional question's triggers is "yes" and one is still open. */
  private static boolean waitsForItsTrigger(Vocabulary vocabulary, Vocabulary.Entry entry,
      Patient patient) {
    if (!entry.conditional()) {
      return false;
    }
    boolean open = false;
    for (String trigger : entry.askedWhen()) {
      Answer a = patient.answerAt(vocabulary, trigger);
      if (a == Answer.PRESENT) {
        return false;
      }
      open |= a == Answer.NOT_ASKED;
    }
    return open;
  }
}
