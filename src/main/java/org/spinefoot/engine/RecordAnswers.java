package org.spinefoot.engine;

import java.util.List;
import java.util.Optional;
import org.spinefoot.Felt;
import org.spinefoot.Patient;
import org.spinefoot.Reply;
import org.spinefoot.engine.facts.LocatedSymptom;
import org.spinefoot.engine.facts.Numbness;
import org.spinefoot.engine.facts.Observation;
import org.spinefoot.engine.facts.Pain;
import org.spinefoot.engine.facts.Question;
import org.spinefoot.engine.facts.Weakness;

/**
 * The questions of a record by their path ({@code signs.fever}, {@code numbness.foot}), the
 * replies each takes, and a record with one answer changed. The questions come from {@link
 * Patient#questions()}, so every sign and site the record model has is covered.
 */
public final class RecordAnswers {
  private static final List<Reply> YES_NO = List.of(Reply.YES, Reply.NO);
  private static final List<Reply> SITE = List.of(Reply.YES, Reply.NO, Reply.LEFT, Reply.RIGHT,
      Reply.BOTH);

  private RecordAnswers() {}

  /** The replies that answer this question (unknown, which leaves it unanswered, aside). */
  public static List<Reply> choices(Question q) {
    return q instanceof LocatedSymptom ? SITE : YES_NO;
  }

  /** The reply the record holds for this question. */
  public static Reply current(Question q) {
    if (q instanceof LocatedSymptom) {
      LocatedSymptom s = (LocatedSymptom) q;
      return Reply.of(s.isPresent() ? Felt.on(s.getSide()) : new Felt(s.getAnswer(), null));
    }
    return Reply.of(q.getAnswer());
  }

  /**
   * The fact this question would be with this reply, as the rules see it.
   *
   * @throws IllegalArgumentException for a kind of question this class cannot answer
   */
  public static Question fact(Question q, Reply reply) {
    if (q instanceof Observation) {
      return new Observation(((Observation) q).definition(), reply.answer());
    }
    Felt felt = reply.felt();
    if (q instanceof Numbness) {
      return new Numbness(((Numbness) q).definition(), felt.answer(),
          felt.answer() == org.spinefoot.Answer.PRESENT ? felt.side() : null);
    }
    if (q instanceof Pain) {
      return new Pain(((Pain) q).definition(), felt.answer(),
          felt.answer() == org.spinefoot.Answer.PRESENT ? felt.side() : null);
    }
    if (q instanceof Weakness) {
      return new Weakness(((Weakness) q).definition(), felt.answer(),
          felt.answer() == org.spinefoot.Answer.PRESENT ? felt.side() : null);
    }
    throw unknownKind(q);
  }

  private static IllegalArgumentException unknownKind(Question q) {
    // A new kind of question in the record model: it must be answerable here too.
    return new IllegalArgumentException("no way to answer " + q.getPath() + " ("
        + q.getClass().getSimpleName() + ") yet");
  }

  /** The question at this path in the record, if the record model has one there. */
  public static Optional<Question> question(PatientFacts facts, Patient p, String path) {
    return facts.questions(p).stream().filter(q -> q.getPath().equals(path)).findFirst();
  }

  /**
   * The record with one question given this reply ({@link Reply#UNKNOWN} takes the answer back).
   *
   * @throws IllegalArgumentException if the record has no such question or it does not take a
   *     side
   */
  public static Patient with(Patient p, String path, Reply reply) {
    Question q = question(PatientFacts.of(p.vocabulary()), p, path).orElseThrow(() ->
        new IllegalArgumentException("not a question of the record: " + path));
    if (!choices(q).contains(reply) && reply != Reply.UNKNOWN) {
      throw new IllegalArgumentException(path + " takes " + choices(q) + ", not " + reply);
    }
    if (q instanceof Observation) {
      return p.with(((Observation) q).definition(), reply.answer());
    }
    if (q instanceof LocatedSymptom) {
      return p.with(path, reply.felt());
    }
    throw unknownKind(q);
  }
}
