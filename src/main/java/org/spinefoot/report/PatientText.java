package org.spinefoot.report;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spinefoot.Urgency;

/**
 * The report for a patient, in plain words: what to do now, when to get help (the safety net),
 * the questions still to answer and what a "yes" to each would mean, why, and what they can do
 * themselves. No IDs, no rule names; medical words are explained the first time they appear.
 */
public final class PatientText {
  private PatientText() {}

  public static String render(ActionReport r, int width) {
    Wrap w = new Wrap(width);
    Set<String> glossed = new HashSet<>();
    w.para("", "  ", "Your report (" + r.patientId() + ")");

    w.blank().para("", "What to do now");
    w.para("  ", PlainWords.whatToDo(r.disposition()));
    if (r.stopExercises()) {
      w.para("  ", "Stop any exercises for your back or feet until a doctor has seen you.");
    }

    if (!r.safetyNet().isEmpty()) {
      w.blank().para("", "When to get help");
      r.safetyNet().forEach(s -> asList(w, PlainWords.glossed(s.text(), glossed)));
    }

    if (!r.askNext().isEmpty()) {
      w.blank().para("", "Questions still to answer");
      w.para("  ", "We do not know yet if you have these. Please answer them, or tell a doctor.");
      // Most urgent group first, whatever order the questions are asked in.
      Map<Urgency, List<ActionReport.Question>> byAction =
          new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
      r.askNext().forEach(q -> byAction.computeIfAbsent(q.ifYes(), k -> new java.util.ArrayList<>())
          .add(q));
      byAction.forEach((ifYes, questions) -> {
        w.para("  ", "If you have any of these, " + PlainWords.ifYes(ifYes) + ":");
        questions.forEach(q -> w.para("  - ", "    ",
            capitalised(PlainWords.glossed(q.question(), glossed))));
      });
    }

    w.blank().para("", "Why");
    if (r.findings().isEmpty()) {
      w.para("  ", r.askNext().isEmpty()
          ? "Nothing in your answers points to a serious problem."
          : "Some important questions have no answer yet, so we cannot yet say it is safe to "
              + "look after this at home.");
    } else {
      w.para("  ", "Your answers point to:");
      for (ActionReport.Item f : r.findings()) {
        w.para("  - ", "    ", sentence(PlainWords.glossed(f.text(), glossed)));
      }
    }

    if (!r.advice().isEmpty()) {
      w.blank().para("", "What you can do");
      r.advice().forEach(a -> w.para("  - ", "    ", PlainWords.glossed(a.text(), glossed)));
    }
    w.blank().para("", "  ", "Checked with: " + r.knowledge());
    return w.toString();
  }

  /**
   * A sentence that lists things ("Call now if any of these start: a; b; c. Then this.") as its
   * lead-in, one item a line, and what follows the list; any other text as a paragraph. A list
   * of symptoms is easier to read, and to check oneself against, one at a time.
   */
  static void asList(Wrap w, String text) {
    int colon = text.indexOf(": ");
    String[] items = colon < 0 ? new String[0] : text.substring(colon + 2).split("; ");
    if (items.length < 3) {
      w.para("  ", text);
      return;
    }
    w.para("  ", text.substring(0, colon + 1));
    String last = items[items.length - 1];
    int end = last.indexOf(". ");
    String after = end < 0 ? "" : last.substring(end + 2);
    items[items.length - 1] = end < 0 ? last : last.substring(0, end + 1);
    for (String item : items) {
      w.para("  - ", "    ", capitalised(item));
    }
    if (!after.isBlank()) {
      w.para("  ", after);
    }
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String sentence(String s) {
    return s.endsWith(".") ? s : s + ".";
  }
}
