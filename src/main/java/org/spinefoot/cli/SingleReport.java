package org.spinefoot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.report.ActionReport;
import org.spinefoot.report.AskNext;
import org.spinefoot.report.ClinicianText;
import org.spinefoot.report.HtmlReport;
import org.spinefoot.report.PatientText;
import org.spinefoot.report.ReportBuilder;
import org.spinefoot.report.SourceTitles;

/** How {@code assess} renders one assessment: for a clinician or a patient, as text, HTML or JSON. */
final class SingleReport {
  enum Audience { clinician, patient }

  /** The width when standard output is not a terminal, or the terminal's is not known. */
  static final int DEFAULT_WIDTH = 80;

  private final AskNext askNext;
  private final ReportBuilder builder;
  private final ObjectMapper json = new ObjectMapper();

  SingleReport(Assessor assessor, SourceTitles titles) {
    this.askNext = new AskNext(assessor);
    this.builder = new ReportBuilder(titles);
  }

  ActionReport report(Patient patient, Assessment assessment) {
    AskNext.Plan plan = askNext.of(patient);
    return builder.build(patient, assessment, plan.questions(), plan.wouldChange());
  }

  /** As {@link #report(Patient, Assessment)}, with what would change it worded by the caller. */
  ActionReport report(Patient patient, Assessment assessment, java.util.List<String> wouldChange) {
    return builder.build(patient, assessment, askNext.of(patient).questions(), wouldChange);
  }

  String text(ActionReport r, Audience audience, String source, int width, boolean verbose) {
    return audience == Audience.patient ? PatientText.render(r, width)
        : ClinicianText.render(r, source, width, verbose);
  }

  String html(ActionReport r, String source, boolean verbose) {
    return HtmlReport.render(r, source, verbose);
  }

  /** The assessment's JSON with the report arranged for acting on it under {@code report}. */
  String json(Assessment assessment, ActionReport r) throws JsonProcessingException {
    ObjectNode tree = json.valueToTree(assessment);
    tree.set("report", json.valueToTree(r));
    return json.writeValueAsString(tree);
  }

  /**
   * The terminal's width when standard output is one ({@code COLUMNS}, else {@code stty}),
   * otherwise {@link #DEFAULT_WIDTH}.
   */
  static int terminalWidth() {
    if (System.console() == null) {
      return DEFAULT_WIDTH;
    }
    try {
      String columns = System.getenv("COLUMNS");
      if (columns != null && !columns.isBlank()) {
        return Integer.parseInt(columns.trim());
      }
      Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
          .redirectErrorStream(true).start();
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return DEFAULT_WIDTH;
      }
      String[] size = new String(p.getInputStream().readAllBytes()).trim().split("\\s+");
      return size.length == 2 ? Integer.parseInt(size[1]) : DEFAULT_WIDTH;
    } catch (IOException | NumberFormatException e) {
      return DEFAULT_WIDTH;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DEFAULT_WIDTH;
    }
  }
}
