package org.spinefoot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to ask next about one record, and what would change its outcome. Worked out by the
 * engine: each possible answer to each question is set in one live session, the rules run, the
 * outcome is read, and the answer is taken back (truth maintenance withdraws what depended on
 * it). Immutable.
 *
 * <p>A record is <em>settled</em> when no single unanswered question can change its disposition
 * or its stop-the-exercises flag.
 *
 * @param patientId the record's identifier
 * @param disposition the disposition the record has now
 * @param stopExercises the stop-the-exercises flag the record has now
 * @param ranked the unanswered questions whose answer could change something, most important
 *     first: those that could raise the outcome (highest possible disposition first, red flags
 *     first among equals), then those that could lower it, then those that would only change the
 *     findings
 * @param settled the unanswered questions no answer to which changes anything, in record order
 * @param wouldChange for the answered questions, every single-answer change that would change
 *     the disposition or the stop-the-exercises flag, in record order
 */
public record NextQuestions(
    String patientId,
    Urgency disposition,
    boolean stopExercises,
    List<Question> ranked,
    List<Question> settled,
    List<Counterfactual> wouldChange) {

  /**
   * Copies the lists.
   *
   * @param patientId the record's identifier
   * @param disposition the disposition the record has now
   * @param stopExercises the stop-the-exercises flag the record has now
   * @param ranked the unanswered questions whose answer could change something, most important
   *     first: those that could raise the outcome (highest possible disposition first, red flags
   *     first among equals), then those that could lower it, then those that would only change the
   *     findings
   * @param settled the unanswered questions no answer to which changes anything, in record order
   * @param wouldChange for the answered questions, every single-answer change that would change
   *     the disposition or the stop-the-exercises flag, in record order
   * @throws NullPointerException if a list is null or holds null
   */
  public NextQuestions {
    ranked = List.copyOf(ranked);
    settled = List.copyOf(settled);
    wouldChange = List.copyOf(wouldChange);
  }

  /**
   * Whether the record is settled. Not the same as {@link #ranked()} being empty: a question that
   * would only add a finding stays ranked, yet leaves the record settled.
   *
   * @return true when no single unanswered question can change the disposition or the stop flag
   */
  public boolean isSettled() {
    return ranked.stream().noneMatch(Question::changesOutcome);
  }

  /**
   * The question to ask next: the highest-ranked one that can change the outcome on its own;
   * else, below EMERGENCY, the first unanswered red-flag question (a red-flag rule may need two
   * answers, which no single question shows, and unknown is not absent); else none: stop.
   *
   * @return the question, or empty when asking can stop
   */
  public Optional<Question> toAsk() {
    return toAsk(Set.of());
  }

  /**
   * As {@link #toAsk()}, skipping the questions at these paths (answered "unknown" already), so
   * a questionnaire does not ask them again.
   *
   * @param skipped record paths not to ask, e.g. {@code signs.fever}
   * @return the question, or empty when asking can stop
   */
  public Optional<Question> toAsk(Set<String> skipped) {
    for (Question q : ranked) {
      if (q.changesOutcome() && !skipped.contains(q.path())) {
        return Optional.of(q);
      }
    }
    if (disposition != Urgency.EMERGENCY) {
      List<Question> all = new ArrayList<>(ranked);
      all.addAll(settled);
      return all.stream().filter(q -> q.redFlag() && !skipped.contains(q.path())).findFirst();
    }
    return Optional.empty();
  }

  /** How an answer could move the outcome. */
  public enum Effect {
    /** Some answer gives a higher disposition, or stops the exercises. */
    RAISES,
    /** No answer raises it, but some answer gives a lower disposition or lifts the stop. */
    LOWERS,
    /** The outcome stays, but some answer adds a finding. */
    ADDS_FINDING,
    /** No answer changes anything. */
    NONE
  }

  /**
   * An unanswered question and the outcome of each answer, the rest of the record held fixed.
   *
   * @param path its place in the record, e.g. {@code signs.fever}, {@code numbness.foot}
   * @param question what is asked, e.g. "fever", "numbness or tingling in the foot"
   * @param redFlag true for a red-flag question (it must be asked before self-care)
   * @param site true for a symptom at a body site: it takes left, right or both too
   * @param effect how the best answer could move the outcome
   * @param outcomes one per possible answer
   */
  public record Question(String path, String question, boolean redFlag, boolean site,
      Effect effect, List<Outcome> outcomes) {
    /**
     * Copies the outcomes.
     *
     * @param path its place in the record, e.g. {@code signs.fever}, {@code numbness.foot}
     * @param question what is asked, e.g. "fever", "numbness or tingling in the foot"
     * @param redFlag true for a red-flag question (it must be asked before self-care)
     * @param site true for a symptom at a body site: it takes left, right or both too
     * @param effect how the best answer could move the outcome
     * @param outcomes one per possible answer
     * @throws NullPointerException if {@code outcomes} is null or holds null
     */
    public Question {
      outcomes = List.copyOf(outcomes);
    }

    /**
     * Whether the answer to this question can change the outcome on its own.
     *
     * @return true when some answer changes the disposition or the stop-the-exercises flag
     *     ({@link Effect#RAISES} or {@link Effect#LOWERS})
     */
    public boolean changesOutcome() {
      return effect == Effect.RAISES || effect == Effect.LOWERS;
    }

    /**
     * The highest disposition an answer can give.
     *
     * @return the most urgent disposition among the outcomes
     * @throws java.util.NoSuchElementException if there are no outcomes
     */
    public Urgency highest() {
      return outcomes.stream().map(Outcome::disposition).max(Urgency::compareTo).orElseThrow();
    }

    /**
     * The lowest disposition an answer can give.
     *
     * @return the least urgent disposition among the outcomes
     * @throws java.util.NoSuchElementException if there are no outcomes
     */
    public Urgency lowest() {
      return outcomes.stream().map(Outcome::disposition).min(Urgency::compareTo).orElseThrow();
    }

    /**
     * Why it matters, in a line: the answers that give the most extreme outcome and what they
     * give, e.g. "if yes: EMERGENCY (call emergency services now)". Also written to JSON as
     * {@code reason}.
     *
     * @return one line of plain English
     */
    @JsonProperty("reason")
    public String reason() {
      String why;
      switch (effect) {
        case RAISES:
          why = ifAnswered(highest(), true);
          break;
        case LOWERS:
          why = ifAnswered(lowest(), false);
          break;
        case ADDS_FINDING:
          why = outcomes.stream().filter(o -> !o.addsFindings().isEmpty()).findFirst()
              .map(o -> "if " + o.answer() + ": adds " + String.join(", ", o.addsFindings()))
              .orElse("");
          break;
        default:
          if (redFlag) {
            return "red-flag question: each is asked, as one may matter together with another answer";
          }
          why = "no answer changes the outcome";
      }
      return redFlag ? "red-flag question; " + why : why;
    }

    private String ifAnswered(Urgency target, boolean raising) {
      List<Outcome> extreme = outcomes.stream()
          .filter(o -> o.disposition() == target)
          .toList();
      String answers = extreme.stream().map(o -> o.answer().word())
          .collect(Collectors.joining(" or "));
      boolean stop = extreme.stream().anyMatch(Outcome::stopExercises);
      return "if " + answers + ": " + target + " (" + target.meaning() + ")"
          + (raising && stop && !target.stopsSelfCare() ? "; stop the exercises" : "");
    }
  }

  /**
   * The outcome of one answer.
   *
   * @param answer the answer tried
   * @param disposition the disposition the record would have
   * @param stopExercises the stop-the-exercises flag it would have
   * @param addsFindings IDs of the findings this answer adds to those standing now
   */
  public record Outcome(Reply answer, Urgency disposition, boolean stopExercises,
      List<String> addsFindings) {
    /**
     * Copies the finding IDs.
     *
     * @param answer the answer tried
     * @param disposition the disposition the record would have
     * @param stopExercises the stop-the-exercises flag it would have
     * @param addsFindings IDs of the findings this answer adds to those standing now
     * @throws NullPointerException if {@code addsFindings} is null or holds null
     */
    public Outcome {
      addsFindings = List.copyOf(addsFindings);
    }
  }

  /**
   * One answered question and another answer to it that would change the outcome.
   *
   * @param path its place in the record
   * @param question what is asked
   * @param answer the record's answer now
   * @param instead the other answer
   * @param disposition the disposition with the other answer
   * @param stopExercises the stop-the-exercises flag with the other answer
   */
  public record Counterfactual(String path, String question, Reply answer, Reply instead,
      Urgency disposition, boolean stopExercises) {
    /**
     * How it reads, in a line; also written to JSON as {@code text}.
     *
     * @return e.g. {@code if yes to "fever" (now no): URGENT}
     */
    @JsonProperty("text")
    public String text() {
      return "if " + instead + " to \"" + question + "\" (now " + answer + "): " + disposition
          + (stopExercises && !disposition.stopsSelfCare() ? ", stop the exercises" : "");
    }
  }
}
