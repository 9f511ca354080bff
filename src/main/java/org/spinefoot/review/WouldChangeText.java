package org.spinefoot.review;

import java.util.List;
import org.spinefoot.NextQuestions;
import org.spinefoot.report.Wrap;

/**
 * The "what would change it" section of a report: every single change of an answered question
 * that would change the outcome. Kept apart so that any text report can add it in one call.
 */
public final class WouldChangeText {
  private static final String HEADING = "What would change it (one answer different)";
  private static final String NOTHING = "nothing: no single answer changed would change the disposition";

  private WouldChangeText() {}

  /** The section, wrapped to the report's width. */
  public static void render(List<NextQuestions.Counterfactual> wouldChange, Wrap w) {
    w.blank().para("", HEADING);
    if (wouldChange.isEmpty()) {
      w.para("  ", NOTHING);
    }
    for (NextQuestions.Counterfactual c : wouldChange) {
      w.para("  - ", "    ", c.text() + "  (" + c.path() + ")");
    }
  }

  /** The section, headed and preceded by a blank line; one line per change. */
  public static String render(List<NextQuestions.Counterfactual> wouldChange) {
    StringBuilder sb = new StringBuilder("\n" + HEADING + "\n");
    if (wouldChange.isEmpty()) {
      sb.append("  ").append(NOTHING).append('\n');
    }
    for (NextQuestions.Counterfactual c : wouldChange) {
      sb.append("  - ").append(c.text()).append("  (").append(c.path()).append(")\n");
    }
    return sb.toString();
  }
}
