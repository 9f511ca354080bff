package org.spinefoot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.spinefoot.engine.RecordAnswers;

/**
 * An interview: an adaptive questionnaire over one live session (named so as not to clash with FHIR libraries' {@code Questionnaire} resource class): {@link #next()} is the question that matters
 * most now, {@link #answer} records a reply and works out the next one, {@link #back()} takes
 * the last reply back (truth maintenance withdraws what depended on it). A follow-up waits for
 * its triggers: while one is open it is asked first, so that a "no" makes the follow-up
 * unnecessary ({@link #followUp()}). It stops, {@link
 * #next()} empty, when no single unanswered question can change the outcome and, below
 * EMERGENCY, every red-flag question has been asked ({@link NextQuestions#toAsk()}). Not
 * thread-safe: one questionnaire is one conversation. Close it when done.
 */
public final class Interview implements AutoCloseable {
  private final PatientSession session;
  private final Deque<Step> history = new ArrayDeque<>();
  /** Questions answered "unknown" here: not asked again. */
  private final Set<String> unknown = new HashSet<>();
  /** The next questions without counterfactuals: enough to choose what to ask. */
  private NextQuestions plan;
  /** The full plan, counterfactuals included, worked out when asked for. */
  private NextQuestions fullPlan;
  /** The follow-up that the question {@link #next()} gave is asked before, if any. */
  private NextQuestions.Question followUp;

  private record Step(String path, Reply before, boolean wasUnknown) {}

  /**
   * Starts from a record (empty or partly answered), in a new session of the assessor.
   *
   * @param assessor the knowledge base to ask with; it may be shared with other threads
   * @param start the record to start from, e.g. {@code Patient.builder(id).build()}
   * @throws AssessmentException if a rule fails or loops on the record
   * @throws NullPointerException if an argument is null
   */
  public Interview(Assessor assessor, Patient start) {
    this.session = assessor.openSession(Objects.requireNonNull(start, "start"));
    try {
      this.plan = session.nextQuestions(false);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /**
   * The question to ask now. Questions answered "unknown" here are not asked again.
   *
   * @return the question, or empty when the record is settled and the asking is done
   */
  public Optional<NextQuestions.Question> next() {
    Optional<NextQuestions.Question> next = plan.toAsk(unknown);
    followUp = null;
    Set<String> seen = new HashSet<>();
    for (Optional<NextQuestions.Question> trigger = next.flatMap(this::openTrigger);
        trigger.isPresent() && seen.add(trigger.get().path());
        trigger = trigger.flatMap(this::openTrigger)) {
      followUp = followUp == null ? next.get() : followUp;
      next = trigger;
    }
    return next;
  }

  /**
   * When {@link #next()} is a trigger asked before a follow-up (a question asked unless its
   * triggers were all answered "no"), that follow-up: a "no" to the trigger makes it unnecessary.
   *
   * @return the follow-up the last {@link #next()} asks before, or empty
   */
  public Optional<NextQuestions.Question> followUp() {
    return Optional.ofNullable(followUp);
  }

  /**
   * A trigger of a follow-up that is still open and askable, to ask before the follow-up; empty
   * when the question has no trigger, a trigger was answered yes (it is due whatever the rest
   * say), or none is left to ask.
   */
  private Optional<NextQuestions.Question> openTrigger(NextQuestions.Question q) {
    Vocabulary vocabulary = session.assessor().vocabulary();
    List<String> triggers = vocabulary.entry(q.path()).map(Vocabulary.Entry::askedWhen)
        .orElse(List.of());
    Patient now = session.patient();
    if (triggers.stream().anyMatch(t -> now.answerAt(vocabulary, t) == Answer.PRESENT)) {
      return Optional.empty();
    }
    List<NextQuestions.Question> open = new ArrayList<>(plan.ranked());
    open.addAll(plan.settled());
    return triggers.stream().filter(t -> !unknown.contains(t))
        .flatMap(t -> open.stream().filter(o -> o.path().equals(t))).findFirst();
  }

  /**
   * The ranked questions and counterfactuals for the record as it stands. Worked out on the first
   * call after each reply (a few milliseconds), then kept.
   *
   * @return the full plan, counterfactuals included
   * @throws AssessmentException if a rule fails or loops on an answer tried
   */
  public NextQuestions plan() {
    if (fullPlan == null) {
      fullPlan = session.nextQuestions();
    }
    return fullPlan;
  }

  /**
   * The record as it stands.
   *
   * @return the starting record with every standing reply applied
   */
  public Patient patient() {
    return session.patient();
  }

  /**
   * The assessment of the record as it stands.
   *
   * @return the assessment after the last reply (or of the starting record)
   */
  public Assessment assessment() {
    return session.assessment();
  }

  /**
   * How many replies stand (each {@link #back()} takes one away).
   *
   * @return the number of replies given and not taken back
   */
  public int replies() {
    return history.size();
  }

  /**
   * The questions answered "unknown" in this questionnaire, which it does not ask again.
   *
   * @return a copy: record paths such as {@code signs.fever}
   */
  public Set<String> unknown() {
    return Set.copyOf(unknown);
  }

  /**
   * Records a reply to the question at a path; {@link Reply#UNKNOWN} leaves it unanswered and
   * it is not asked again.
   *
   * @param path the question's path in the record, e.g. {@code signs.fever} or {@code
   *     numbness.foot}; usually {@link NextQuestions.Question#path()} of {@link #next()}
   * @param reply the reply; a side only for a question about a body site
   * @return the assessment with this reply
   * @throws IllegalArgumentException if the record has no such question or the reply does not
   *     fit it (a side for a yes/no question)
   * @throws AssessmentException if a rule fails or loops on the changed record
   */
  public Assessment answer(String path, Reply reply) {
    Patient now = session.patient();
    Patient changed = RecordAnswers.with(now, path, reply);
    Reply before = RecordAnswers.current(
        RecordAnswers.question(session.assessor().facts(), now, path).orElseThrow());
    history.push(new Step(path, before, unknown.contains(path)));
    if (reply == Reply.UNKNOWN) {
      unknown.add(path);
    } else {
      unknown.remove(path);
    }
    return apply(changed);
  }

  /**
   * Takes the last reply back: the question has the answer it had before (in a record read
   * from a file, the file's answer).
   *
   * @return the path of the question taken back, or empty when there was no reply to take back
   */
  public Optional<String> back() {
    Step last = history.poll();
    if (last == null) {
      return Optional.empty();
    }
    if (last.wasUnknown()) {
      unknown.add(last.path());
    } else {
      unknown.remove(last.path());
    }
    apply(RecordAnswers.with(session.patient(), last.path(), last.before()));
    return Optional.of(last.path());
  }

  private Assessment apply(Patient changed) {
    Assessment a = session.update(changed);
    plan = session.nextQuestions(false);
    fullPlan = null;
    return a;
  }

  /** Ends the questionnaire and its session; the questionnaire cannot be used afterwards. */
  @Override
  public void close() {
    session.close();
  }
}
