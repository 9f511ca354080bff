package org.spinefoot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.spinefoot.AssessmentException;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.io.PatientReader;
import org.spinefoot.review.ExplainReport;
import org.spinefoot.review.ExplainText;
import org.spinefoot.review.Explainer;

/** {@code spinefoot explain FILE}: how the rules reached the assessment of one patient. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain the assessment of one patient record: every rule fired in order with "
        + "what it matched, every conclusion with the chain behind it, the conclusions withdrawn "
        + "and why, and the disposition each unasked red-flag question would give if answered yes.")
final class ExplainCommand implements Callable<Integer> {
  enum Format { text, json }

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Parameters(paramLabel = "FILE", description = "A patient record (JSON or YAML).")
  Path file;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Explainer explainer = new Explainer(main.loadAssessor());
    ExplainReport report;
    try {
      Patient patient = PatientReader.read(file);
      report = explainer.explain(patient);
    } catch (InvalidInputException e) {
      err.println("spinefoot: " + Printable.escape(e.getMessage()));
      return Main.BAD_INPUT;
    } catch (AssessmentException e) {
      err.println("spinefoot: " + Printable.escape(file + ": " + e.getMessage()));
      return Main.RULES_BROKEN;
    }
    if (format == Format.json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(report));
    } else {
      String id = Printable.escape(report.patientId());
      ExplainReport printable = id == null || id.equals(report.patientId()) ? report
          : new ExplainReport(id, report.disposition(), report.stopExercises(), report.fired(),
              report.conclusions(), report.withdrawn(), report.unasked());
      out.print(ExplainText.render(printable, Printable.escape(file.toString())));
    }
    out.flush();
    return Main.OK;
  }
}
