package org.spinefoot.review;

import java.util.List;

/** The readable text of an {@link ExplainReport}. */
public final class ExplainText {
  private ExplainText() {}

  public static String render(ExplainReport r, String source) {
    StringBuilder sb = new StringBuilder();
    sb.append("Patient ").append(r.patientId()).append("  (").append(source).append(")\n");
    sb.append("Disposition: ").append(r.disposition()).append(" - ")
        .append(r.disposition().meaning()).append('\n');
    if (r.stopExercises()) {
      sb.append("Stop the exercises: an emergency or urgent finding stands.\n");
    }

    sb.append("\nRules fired, in order\n");
    for (ExplainReport.FiredRule f : r.fired()) {
      sb.append(String.format("  %3d. %s  %s%n", f.order(), f.rule(), f.name()));
      sb.append("       inventory: ").append(String.join(", ", f.inventory()))
          .append("   at ").append(f.location()).append('\n');
      f.sources().forEach(s -> sb.append("       source: ").append(s).append('\n'));
      sb.append("       matched: ").append(list(f.matched())).append('\n');
      sb.append("       concluded: ").append(list(f.concluded())).append('\n');
    }

    sb.append("\nConclusions and how they were reached\n");
    for (ExplainReport.Node n : r.conclusions()) {
      node(sb, n, "  ", "    ");
    }

    sb.append("\nWithdrawn (a premise stopped holding)\n");
    if (r.withdrawn().isEmpty()) {
      sb.append("  none\n");
    }
    for (ExplainReport.Withdrawal w : r.withdrawn()) {
      sb.append(String.format("  %3d. %s  [%s, rule %s]%n       because %s%n", w.order(),
          w.description(), w.type(), w.rule(), w.because()));
    }

    sb.append("\nRed-flag questions not asked, and the disposition if answered yes\n");
    if (r.unasked().isEmpty()) {
      sb.append("  none: every red-flag question was asked\n");
    }
    for (ExplainReport.WhatIf w : r.unasked()) {
      sb.append("  - ").append(w.question()).append("  (").append(w.path()).append("): ")
          .append(w.ifYes());
      if (!w.newFindings().isEmpty()) {
        sb.append("  adds ").append(String.join(", ", w.newFindings()));
      }
      sb.append('\n');
    }
    sb.append(WouldChangeText.render(r.wouldChange()));
    return sb.toString();
  }

  // A conclusion, then each premise on its own line below it; a premise that is itself a
  // conclusion is drawn the same way, one step further in.
  private static void node(StringBuilder sb, ExplainReport.Node n, String first, String indent) {
    sb.append(first).append(n.description()).append("  [").append(n.type()).append(", rule ")
        .append(n.rule());
    if (!n.inventory().isEmpty()) {
      sb.append(", ").append(String.join(", ", n.inventory()));
    }
    sb.append("]\n");
    for (ExplainReport.Premise p : n.because()) {
      if (p.concludedBy().isEmpty()) {
        sb.append(indent).append("<- ").append(p.fact())
            .append(p.seenAbove() ? "  (see above)" : "").append('\n');
      } else {
        for (ExplainReport.Node behind : p.concludedBy()) {
          node(sb, behind, indent + "<- ", indent + "   ");
        }
      }
    }
  }

  private static String list(List<String> items) {
    return items.isEmpty() ? "(nothing)" : String.join("; ", items);
  }
}
