package org.spinefoot.cli;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.spinefoot.Assessment;
import org.spinefoot.AssessmentException;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.batch.BatchAssessor;
import org.spinefoot.batch.BatchSummary;
import org.spinefoot.report.ActionReport;

/** {@code spinefoot assess FILE...}: assess patient records and report. */
@Command(name = "assess", mixinStandardHelpOptions = true,
    description = "Assess patient records (JSON or YAML) and print the disposition, findings, "
        + "advice and the reasons for each.")
final class AssessCommand implements Callable<Integer> {
  enum Format { text, json, html }

  /** How long an interrupted batch may take to finish the lines in flight before the JVM ends. */
  private static final long DRAIN_SECONDS = 10;

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--for", defaultValue = "clinician", paramLabel = "READER",
      description = "Who reads the text: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  SingleReport.Audience audience;

  @Option(names = {"-v", "--verbose"},
      description = "Show finding, inventory and rule IDs and question paths.")
  boolean verbose;

  @Option(names = "--width", paramLabel = "N",
      description = "Wrap text at N columns (default: the terminal's width, 80 when not a terminal).")
  Integer width;

  @Option(names = "--batch", paramLabel = "IN",
      description = "Assess a file of JSON records, one per line (- for standard input), and "
          + "write one JSON result or error record per line, in order.")
  String batch;

  @Option(names = "--out", paramLabel = "OUT",
      description = "With --batch: the file to write (default: - for standard output).")
  String outPath;

  @Option(names = "--threads", paramLabel = "N",
      description = "With --batch: worker threads (default: one per processor).")
  Integer threads;

  @Parameters(arity = "0..*", paramLabel = "FILE",
      description = "Patient records (- for standard input).")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (batch != null) {
      return batch();
    }
    if (files.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give FILE... or --batch IN");
    }
    if (outPath != null || threads != null) {
      throw new ParameterException(spec.commandLine(), "--out and --threads go with --batch");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (format == Format.html && files.size() > 1) {
      throw new ParameterException(spec.commandLine(), "--format html writes one page: give one FILE");
    }
    if (format != Format.text && audience == SingleReport.Audience.patient) {
      throw new ParameterException(spec.commandLine(), "--for patient goes with text output");
    }
    Assessor assessor = main.loadAssessor();
    SingleReport reports = new SingleReport(assessor, main.sourceTitles());
    int lineWidth = width != null ? width : SingleReport.terminalWidth();
    int code = Main.OK;
    boolean first = true;
    for (Path file : files) {
      Assessment assessment;
      ActionReport report;
      try {
        Patient patient = RecordInput.read(file, main.stdin);
        assessment = assessor.assess(patient);
        report = reports.report(patient, assessment);
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
        out.println(reports.json(assessment, report));
      } else if (format == Format.html) {
        out.print(reports.html(report, file.toString(), verbose));
      } else {
        if (!first) {
          out.println();
        }
        out.print(reports.text(report, audience, file.toString(), lineWidth, verbose));
      }
      first = false;
      out.flush();
    }
    return code;
  }

  /**
   * {@code --batch}: exit 0 when every line was assessed, 1 when some lines failed, 2 when the
   * input cannot be read or the output written, 3 when a rule failed on some line (or the rules
   * do not load).
   */
  private int batch() throws IOException {
    if (!files.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give FILE... or --batch IN, not both");
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--format")) {
      throw new ParameterException(spec.commandLine(),
          "--batch always writes JSON lines; leave out --format");
    }
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads: give 1 or more");
    }
    PrintWriter err = spec.commandLine().getErr();
    long inputSize = -1;
    InputStream fileInput = null;
    if (!batch.equals("-")) {
      Path inFile = Path.of(batch);
      if (!Files.isRegularFile(inFile)) {
        err.println("spinefoot: " + batch + ": " + (Files.exists(inFile) ? "not a file"
            : "no such file"));
        return Main.BAD_INPUT;
      }
      try {
        // Streams, not channels: interrupting this thread is how a batch is stopped, and an
        // interrupt closes a channel in the middle of a write.
        fileInput = new FileInputStream(inFile.toFile());
        inputSize = Files.size(inFile);
      } catch (IOException e) {
        err.println("spinefoot: " + batch + ": cannot read: " + e.getMessage());
        return Main.BAD_INPUT;
      }
    }
    try (InputStream closingInput = fileInput) {
      InputStream in = closingInput != null ? closingInput : main.stdin;
      // Loaded before the output is opened, so broken rules leave an existing OUT untouched.
      Assessor assessor = main.loadAssessor();
      BatchAssessor batchAssessor = threads == null
          ? new BatchAssessor(assessor) : new BatchAssessor(assessor, threads);
      OutputStream fileOutput = null;
      if (outPath != null && !outPath.equals("-")) {
        try {
          fileOutput = new FileOutputStream(outPath);
        } catch (IOException e) {
          err.println("spinefoot: " + outPath + ": cannot write: " + e.getMessage());
          return Main.BAD_INPUT;
        }
      }
      try (OutputStream closingOutput = fileOutput;
          BatchProgressBar progress = BatchProgressBar.forStderr(inputSize)) {
        OutputStream output = closingOutput != null ? closingOutput : main.stdout;
        BatchSummary summary = runStoppable(batchAssessor, in, output, progress, err);
        if (summary == null) {
          return Main.BAD_INPUT;
        }
        return summary.assessmentFailures() > 0 ? Main.RULES_BROKEN
            : summary.failed() > 0 ? Main.CHECK_FAILED : Main.OK;
      }
    }
  }

  /**
   * Runs the batch so that Ctrl-C or SIGTERM stops it cleanly: a shutdown hook interrupts this
   * thread, which finishes the lines in flight, writes them whole and reports, before the JVM
   * ends. Returns null when reading or writing failed (reported on stderr).
   */
  private static BatchSummary runStoppable(BatchAssessor batch, InputStream in, OutputStream out,
      BatchProgressBar progress, PrintWriter err) {
    Thread running = Thread.currentThread();
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      running.interrupt();
      try {
        reported.await(DRAIN_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "spinefoot-batch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      BatchSummary summary;
      try {
        summary = batch.run(in, out, progress);
      } finally {
        Thread.interrupted(); // the interrupt was the batch's stop signal, and it has stopped
        progress.close();
      }
      err.println(summary.describe());
      return summary;
    } catch (IOException e) {
      err.println("spinefoot: batch stopped: " + e.getMessage());
      return null;
    } finally {
      err.flush();
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the batch has reported
      }
    }
  }
}
