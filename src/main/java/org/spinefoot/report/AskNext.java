package org.spinefoot.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.spinefoot.Assessor;
import org.spinefoot.NextQuestions;
import org.spinefoot.Patient;

/**
 * What to ask next and what would change the outcome, from the adaptive-questioning engine
 * ({@link Assessor#askNext}): the questions whose answer could raise the disposition, in its
 * ranking (highest reachable disposition first, red flags first), then every other unanswered
 * red-flag question; and, for the answered questions, every single change of an answer that would
 * change the disposition.
 */
public final class AskNext {
  private final Assessor assessor;

  public AskNext(Assessor assessor) {
    this.assessor = assessor;
  }

  /** The questions to ask and the answers that would change the outcome. */
  public record Plan(List<ActionReport.Question> questions, List<String> wouldChange) {
    public Plan {
      questions = List.copyOf(questions);
      wouldChange = List.copyOf(wouldChange);
    }
  }

  /** Worked out with the engine: about one assessment per possible answer. */
  public Plan of(Patient patient) {
    NextQuestions next = assessor.askNext(patient);
    Set<String> redFlags = Set.copyOf(assessor.redFlagQuestions());
    List<ActionReport.Question> out = new ArrayList<>();
    for (NextQuestions.Question q : next.ranked()) {
      if (q.effect() == NextQuestions.Effect.RAISES || redFlags.contains(q.path())) {
        out.add(new ActionReport.Question(q.path(), q.question(), q.highest()));
      }
    }
    for (NextQuestions.Question q : next.settled()) {
      if (redFlags.contains(q.path())) {
        out.add(new ActionReport.Question(q.path(), q.question(), q.highest()));
      }
    }
    return new Plan(out,
        next.wouldChange().stream().map(NextQuestions.Counterfactual::text).toList());
  }
}
