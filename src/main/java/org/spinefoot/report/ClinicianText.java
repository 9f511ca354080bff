package org.spinefoot.report;

import java.util.ArrayList;
import java.util.List;
import org.spinefoot.Urgency;

/**
 * The report for a clinician, as plain text: what to do now, what to ask next, the safety net
 * to give the patient, the findings at
 * the disposition's urgency with their reasons; then, under "More detail", the lower-urgency
 * findings, the causes to consider and the advice. IDs only when verbose.
 */
public final class ClinicianText {
  // The first screen holds what to do and what to ask: the rest of a long list is one line away.
  private static final int ASK_NEXT_SHOWN = 6;
  private static final int WOULD_CHANGE_SHOWN = 4;

  private static void more(Wrap w, int hidden, String what, String where) {
    if (hidden > 0) {
      w.para("  ", "    ", "... and " + hidden + " more " + what + (hidden == 1 ? "" : "s")
          + " (--verbose shows all; " + where + " too)");
    }
  }

  private ClinicianText() {}

  /**
   * @param source where the record came from, shown in the heading
   * @param width the longest line
   * @param verbose show finding, inventory and rule IDs
   */
  public static String render(ActionReport r, String source, int width, boolean verbose) {
    Wrap w = new Wrap(width);
    w.para("", "  ", "Patient " + r.patientId() + "  (" + source + ")");
    w.para("", "  ", "Disposition: " + r.disposition() + " - " + sentence(r.action()));
    if (r.stopExercises()) {
      w.para("", "  ", "Stop the exercises: an emergency or urgent finding stands.");
    }

    w.blank();
    if (r.askNext().isEmpty()) {
      w.para("", "  ", "Ask next: nothing; every red-flag question was answered.");
    } else {
      w.para("", "  ", "Ask next (the most an answer would make it):");
      int shown = verbose ? r.askNext().size() : Math.min(ASK_NEXT_SHOWN, r.askNext().size());
      for (ActionReport.Question q : r.askNext().subList(0, shown)) {
        w.para("  - ", "    ", q.ifYes() + ": " + q.question() + (verbose ? "  (" + q.path() + ")" : ""));
      }
      more(w, r.askNext().size() - shown, "question", "./spinefoot ask");
    }
    if (!r.wouldChange().isEmpty()) {
      w.para("", "  ", "What would change it (one answer different):");
      int shown = verbose ? r.wouldChange().size()
          : Math.min(WOULD_CHANGE_SHOWN, r.wouldChange().size());
      r.wouldChange().subList(0, shown).forEach(c -> w.para("  - ", "    ", c));
      more(w, r.wouldChange().size() - shown, "change", "./spinefoot explain");
    }

    if (!r.safetyNet().isEmpty()) {
      w.blank().para("", "Safety net");
      r.safetyNet().forEach(s -> w.para("  ", "  ", s.text() + ids(s, verbose)));
    }
    w.blank();
    if (r.findings().isEmpty()) {
      w.para("", "  ", "Findings: none at " + r.disposition()
          + (r.otherFindings().isEmpty() && r.causes().isEmpty()
              ? "; nothing in the record points to a problem." : "."));
    } else {
      w.para("", "Findings (" + r.disposition() + ")");
      r.findings().forEach(f -> item(w, f, "  - ", "    ", verbose));
    }

    List<String> folded = new ArrayList<>();
    if (!r.otherFindings().isEmpty()) {
      folded.add("findings");
    }
    if (!r.causes().isEmpty() || !r.unsupportedCauses().isEmpty()) {
      folded.add("causes");
    }
    folded.add("advice");
    w.blank().para("", "More detail (" + String.join(", ", folded) + ")");
    if (!r.otherFindings().isEmpty()) {
      w.para("  ", "Lower-urgency findings");
      for (ActionReport.Item f : r.otherFindings()) {
        item(w, new ActionReport.Item(f.id(), f.merged(), "[" + f.urgency() + "] " + f.text(),
            f.urgency(), f.reason(), f.inventory(), f.rules(), f.sources()), "    - ", "      ",
            verbose);
      }
    }
    if (!r.causes().isEmpty() || !r.unsupportedCauses().isEmpty()) {
      w.para("  ", "Causes to consider");
      r.causes().forEach(c -> item(w, c, "    - ", "      ", verbose));
      if (!r.unsupportedCauses().isEmpty()) {
        w.para("    ", "      ", "Not supported by anything in the record: "
            + String.join(", ", r.unsupportedCauses()) + ".");
      }
    }
    w.para("  ", "Advice");
    if (r.advice().isEmpty()) {
      w.para("    ", "      ", r.stopExercises()
          ? "None: stop the exercises and get help as above."
          : r.disposition() == Urgency.SELF_CARE ? "None." : "None until a clinician has assessed.");
    }
    r.advice().forEach(a -> w.para("    - ", "      ", a.text() + ids(a, verbose)));
    w.blank().para("", "  ", "Knowledge: " + r.knowledge());
    return w.toString();
  }

  private static void item(Wrap w, ActionReport.Item f, String first, String indent,
      boolean verbose) {
    w.para(first, indent, f.text() + ids(f, verbose));
    if (!f.reason().isEmpty()) {
      w.para(indent + "because: ", indent + "  ", String.join("; ", f.reason()));
    }
    if (!f.sources().isEmpty()) {
      w.para(indent + "source: ", indent + "  ",
          String.join("; ", f.sources().stream().map(ActionReport.Source::readable).toList()));
    }
  }

  private static String ids(ActionReport.Item f, boolean verbose) {
    if (!verbose) {
      return "";
    }
    List<String> ids = new ArrayList<>();
    ids.add(f.id());
    ids.addAll(f.merged());
    return "  (" + String.join(", ", ids) + "; " + String.join(", ", f.inventory()) + "; rule "
        + String.join(", ", f.rules()) + ")";
  }

  private static String sentence(String s) {
    return s.endsWith(".") ? s : s + ".";
  }
}
