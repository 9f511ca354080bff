package org.spinefoot.cli;

import java.util.List;
import org.spinefoot.Assessment;

/** The readable report of one assessment. */
final class TextReport {
  private TextReport() {}

  static String render(Assessment a, String source) {
    StringBuilder sb = new StringBuilder();
    sb.append("Patient ").append(a.patientId()).append("  (").append(source).append(")\n");
    sb.append("Disposition: ").append(a.disposition()).append(" - ")
        .append(a.disposition().meaning()).append('\n');
    if (a.stopExercises()) {
      sb.append("Stop the exercises: an emergency or urgent finding stands.\n");
    }
    sb.append("\nFindings\n");
    if (a.findings().isEmpty()) {
      sb.append("  none\n");
    }
    for (Assessment.Finding f : a.findings()) {
      sb.append("  [").append(f.urgency()).append("] ").append(f.title())
          .append("  (").append(f.id()).append("; ").append(String.join(", ", f.inventory()))
          .append(")\n");
      reasons(sb, f.because(), f.sources());
    }
    if (!a.considerations().isEmpty()) {
      sb.append("\nTo consider\n");
      for (Assessment.Consideration c : a.considerations()) {
        sb.append("  - ").append(c.text()).append("  (").append(c.id()).append("; ")
            .append(String.join(", ", c.inventory())).append(")\n");
        reasons(sb, c.because(), c.sources());
      }
    }
    sb.append("\nAdvice\n");
    if (a.advice().isEmpty()) {
      sb.append(a.stopExercises() ? "  none: stop the exercises and get help as above\n" : "  none\n");
    }
    for (Assessment.Advice ad : a.advice()) {
      sb.append("  - ").append(ad.text()).append("  (").append(ad.id()).append("; ")
          .append(String.join(", ", ad.inventory())).append(")\n");
    }
    if (!a.unanswered().isEmpty()) {
      sb.append("\nRed-flag questions not asked (the record cannot end in self-care until they are)\n");
      for (Assessment.UnansweredQuestion q : a.unanswered()) {
        sb.append("  - ").append(q.question()).append("  (").append(q.path()).append(")\n");
      }
    }
    return sb.toString();
  }

  private static void reasons(StringBuilder sb, List<Assessment.Reason> because, List<String> sources) {
    for (Assessment.Reason r : because) {
      sb.append("      because: ").append(String.join("; ", r.observations()))
          .append("  [rule ").append(r.rule()).append("]\n");
    }
    for (String s : sources) {
      sb.append("      source: ").append(s).append('\n');
    }
  }
}
