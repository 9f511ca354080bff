package org.spinefoot.review;

import java.util.List;
import org.spinefoot.NextQuestions;

/**
 * The "what would change it" section of a report: every single change of an answered question
 * that would change the outcome. Kept apart so that any text report can add it in one call.
 */
public final class WouldChangeText {
  private WouldChangeText() {}

  /** The section, headed and preceded by a blank line; one line per change. */
  public static String render(List<NextQuestions.Counterfactual> wouldChange) {
    StringBuilder sb = new StringBuilder("\nWhat would change it (one answer different)\n");
    if (wouldChange.isEmpty()) {
      sb.append("  nothing: no single answer changed would change the disposition\n");
    }
    for (NextQuestions.Counterfactual c : wouldChange) {
      sb.append("  - ").append(c.text()).append("  (").append(c.path()).append(")\n");
    }
    return sb.toString();
  }
}
