package org.spinefoot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.spinefoot.Assessment;
import org.spinefoot.AssessmentException;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.io.PatientReader;

/** {@code spinefoot assess FILE...}: assess patient records and report. */
@Command(name = "assess", mixinStandardHelpOptions = true,
    description = "Assess patient records (JSON or YAML) and print the disposition, findings, "
        + "advice and the reasons for each.")
final class AssessCommand implements Callable<Integer> {
  enum Format { text, json }

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Patient records.")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Assessor assessor = main.loadAssessor();
    ObjectMapper json = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    int code = Main.OK;
    boolean first = true;
    for (Path file : files) {
      Assessment assessment;
      try {
        Patient patient = PatientReader.read(file);
        assessment = assessor.assess(patient);
      } catch (InvalidInputException e) {
        err.println("spinefoot: " + e.getMessage());
        code = Main.BAD_INPUT;
        continue;
      } catch (AssessmentException e) {
        err.println("spinefoot: " + file + ": " + e.getMessage());
        code = Main.RULES_BROKEN;
        continue;
      }
      if (format == Format.json) {
        out.println(json.writeValueAsString(assessment));
      } else {
        if (!first) {
          out.println();
        }
        out.print(TextReport.render(assessment, file.toString()));
      }
      first = false;
      out.flush();
    }
    return code;
  }
}
