package org.spinefoot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spinefoot.AssessmentException;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.review.ExplainReport;
import org.spinefoot.review.ExplainText;
import org.spinefoot.review.Explainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spinefoot explain FILE...}: how the rules reached the assessment of each record. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain the assessment of patient records: every conclusion with the chain "
        + "behind it, the rules that fired (one entry per rule, with a count) and what they "
        + "matched, the conclusions withdrawn and why, and the disposition each unasked red-flag "
        + "question would give if answered yes.")
final class ExplainCommand implements Callable<Integer> {
  enum Format { text, json }

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--all",
      description = "Also show the conclusions withdrawn while the rules settled on the record "
          + "(those withdrawn because the record changed are always shown).")
  boolean all;

  @Mixin WidthOption width;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "Patient records (JSON or YAML; - for standard input).")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    org.spinefoot.Assessor assessor = main.loadAssessor();
    Explainer explainer = new Explainer(assessor);
    int lineWidth = width.columns();
    int code = Main.OK;
    boolean first = true;
    for (Path file : files) {
      ExplainReport report;
      try {
        Patient patient = RecordInput.read(file, main.stdin, assessor.vocabulary());
        report = explainer.explain(patient);
      } catch (InvalidInputException e) {
        err.println("spinefoot: " + Printable.escape(e.getMessage()));
        code = Main.BAD_INPUT;
        continue;
      } catch (AssessmentException e) {
        err.println("spinefoot: " + Printable.escape(file + ": " + e.getMessage()));
        code = Main.RULES_BROKEN;
        continue;
      }
      if (format == Format.json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(report));
      } else {
        if (!first) {
          out.println();
        }
        // Control characters in a record's id or file name are shown escaped, never raw.
        String id = Printable.escape(report.patientId());
        ExplainReport printable = id == null || id.equals(report.patientId()) ? report
            : report.withPatientId(id);
        out.print(ExplainText.render(printable, Printable.escape(file.toString()), lineWidth, all));
      }
      first = false;
      out.flush();
    }
    return code;
  }
}
