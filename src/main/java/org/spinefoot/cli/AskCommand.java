package org.spinefoot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.spinefoot.Assessment;
import org.spinefoot.AssessmentException;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.NextQuestions;
import org.spinefoot.Patient;
import org.spinefoot.Interview;
import org.spinefoot.Reply;
import org.spinefoot.io.PatientReader;
import org.spinefoot.io.PatientWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spinefoot ask [FILE]}: an adaptive questionnaire in the terminal. */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Ask the questions that matter, most important first (red flags before the "
        + "rest), showing the disposition as it stands, until no single answer could change it; "
        + "then print the report. Answers: yes, no, unknown, and for a place on the body left, "
        + "right or both; back changes the last answer; quit stops. Answers may come from "
        + "standard input, one per line.")
final class AskCommand implements Callable<Integer> {
  private static final String HINT = "Please answer yes, no or unknown (for a place on the body "
      + "also left, right or both), or back to change the last answer, or quit.";

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE",
      description = "A record to start from (JSON or YAML); without it, an empty record.")
  Path file;

  @Option(names = "--save", paramLabel = "FILE",
      description = "Save the record, as answered, to this YAML file.")
  Path save;

  @Option(names = "--words", paramLabel = "WHOSE", defaultValue = "patient",
      description = "Ask in the patient's words (default: the person answering is usually the "
          + "patient) or the clinician's, as the vocabulary (rules/vocabulary.yaml) words each "
          + "question: ${COMPLETION-CANDIDATES}.")
  AskText.Words words;

  @Option(names = "--verbose",
      description = "In the report at the end, show every question and every change, with "
          + "finding, inventory and rule IDs.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Patient start;
    Assessor assessor = main.loadAssessor();
    try {
      start = file == null ? assessor.vocabulary().newRecord("ask").build()
          : PatientReader.read(file, assessor.vocabulary());
    } catch (InvalidInputException e) {
      err.println("spinefoot: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(main.stdin, StandardCharsets.UTF_8));
    try (Interview questionnaire = new Interview(assessor, start)) {
      out.println("Answer yes, no or unknown (for a place on the body also left, right or both);"
          + " back changes the last answer; quit stops.");
      showDisposition(out, questionnaire.assessment());
      // Typed answers show on a terminal; answers piped in are echoed so the transcript reads.
      boolean echo = main.stdin != System.in || System.console() == null;
      AskText text = new AskText(assessor.vocabulary(), words, start);
      boolean stopped = converse(questionnaire, in, out, echo, text);
      out.println();
      if (stopped) {
        out.println("Stopped before the record was settled: other answers could still change it.");
      } else {
        out.println("Settled: no remaining question could change the disposition"
            + (questionnaire.unknown().isEmpty() ? "."
                : " (except those answered unknown: " + String.join(", ",
                    questionnaire.unknown().stream().map(text::label).sorted().toList()) + ")."));
      }
      int width = SingleReport.terminalWidth();
      out.println();
      out.print(text.summary(start, questionnaire.patient(), questionnaire.unknown(), width));
      out.println();
      // What would change it is listed once, in the report, each question's choices on one line.
      SingleReport reports = new SingleReport(assessor, main.sourceTitles());
      out.print(reports.text(
          reports.report(questionnaire.patient(), Printable.forText(questionnaire.assessment()),
              AskText.wouldChange(questionnaire.plan().wouldChange())),
          SingleReport.Audience.clinician,
          file == null ? "questionnaire" : Printable.escape(file.toString()), width, verbose));
      if (save != null) {
        Files.writeString(save, PatientWriter.toYaml(questionnaire.patient()));
        out.println("\nSaved the record to " + save);
      }
      out.flush();
      return Main.OK;
    } catch (AssessmentException e) {
      err.println("spinefoot: " + e.getMessage());
      return Main.RULES_BROKEN;
    }
  }

  /** Asks until settled; returns true when the person stopped first (quit or end of input). */
  private static boolean converse(Interview q, BufferedReader in, PrintWriter out,
      boolean echo, AskText text) throws IOException {
    Optional<NextQuestions.Question> next;
    while ((next = q.next()).isPresent()) {
      NextQuestions.Question question = next.get();
      out.println();
      out.println((q.replies() + 1) + ". " + text.phrase(question));
      out.println("   Why it matters: " + q.followUp().map(f -> "asked before \""
          + text.label(f.path()) + "\" (" + f.reason() + "), which is not asked after a no here")
          .orElse(question.reason()));
      out.print("   " + (question.site() ? "[yes/no/left/right/both/unknown/back]"
          : "[yes/no/unknown/back]") + " > ");
      out.flush();
      String line = in.readLine();
      if (line == null) {
        out.println();
        return true;
      }
      if (echo) {
        out.println(line.strip());
      }
      String typed = line.strip().toLowerCase(java.util.Locale.ROOT);
      if (typed.equals("quit") || typed.equals("exit")) {
        return true;
      }
      if (typed.equals("back")) {
        Optional<String> undone = q.back();
        out.println(undone.map(path -> "   Took back the answer to \"" + text.label(path) + "\".")
            .orElse("   There is no answer to take back yet."));
        showDisposition(out, q.assessment());
        continue;
      }
      Optional<Reply> reply = Reply.parse(typed);
      if (reply.isEmpty() || (reply.get().isSide() && !question.site())) {
        out.println("   " + (reply.isEmpty() ? HINT : "This question takes yes, no or unknown."));
        continue;
      }
      showDisposition(out, q.answer(question.path(), reply.get()));
    }
    return false;
  }

  private static void showDisposition(PrintWriter out, Assessment a) {
    out.println("   Disposition so far: " + a.disposition() + " - " + a.disposition().meaning()
        + (a.stopExercises() ? "; stop the exercises" : ""));
  }
}
