package org.spinefoot.cli;

import java.io.FileInputStream;
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
import org.spinefoot.Assessment;
import org.spinefoot.AssessmentException;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.batch.BatchAssessor;
import org.spinefoot.batch.BatchSummary;
import org.spinefoot.report.ActionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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

  @Mixin WidthOption width;

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

  @Option(names = "--first-line", paramLabel = "N", defaultValue = "1",
      description = "With --batch: the number of the first input line, to resume a batch with "
          + "its original numbering (default: ${DEFAULT-VALUE}).")
  long firstLine;

  @Option(names = "--compact",
      description = "With --batch: write only the disposition and the finding and advice IDs "
          + "of each result, not the reasons.")
  boolean compact;

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
    if (outPath != null || threads != null || compact
        || spec.commandLine().getParseResult().hasMatchedOption("--first-line")) {
      throw new ParameterException(spec.commandLine(),
          "--out, --threads, --first-line and --compact go with --batch");
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
    int lineWidth = width.columns();
    int code = Main.OK;
    boolean first = true;
    for (Path file : files) {
      Assessment assessment;
      ActionReport report;
      try {
        Patient patient = RecordInput.read(file, main.stdin, assessor.vocabulary());
        assessment = assessor.assess(patient);
        // In text and HTML, control characters in the record's id are shown escaped, never raw.
        report = reports.report(patient,
            format == Format.json ? assessment : Printable.forText(assessment));
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
        out.println(reports.json(assessment, report));
      } else if (format == Format.html) {
        out.print(reports.html(report, Printable.escape(file.toString()), verbose));
      } else {
        if (!first) {
          out.println();
        }
        out.print(reports.text(report, audience, Printable.escape(file.toString()), lineWidth,
            verbose));
      }
      first = false;
      out.flush();
    }
    return code;
  }

  /** Most worker threads a batch may ask for: more only adds memory, never speed. */
  static final int MAX_THREADS = 256;

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
    if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
      throw new ParameterException(spec.commandLine(),
          "--threads: give 1 to " + MAX_THREADS);
    }
    if (firstLine < 1) {
      throw new ParameterException(spec.commandLine(), "--first-line: give 1 or more");
    }
    PrintWriter err = spec.commandLine().getErr();
    long inputSize = -1;
    InputStream fileInput = null;
    Path inFile = batch.equals("-") ? null : Path.of(batch);
    if (inFile != null) {
      if (!Files.isRegularFile(inFile)) {
        err.println("spinefoot: " + batch + ": " + (Files.exists(inFile) ? "not a file"
            : "no such file"));
        return Main.BAD_INPUT;
      }
    }
    BatchOutput target = null;
    if (outPath != null && !outPath.equals("-")) {
      Path outFile = Path.of(outPath);
      // Checked by identity before anything is opened for writing: the same file under another
      // name, through a link or as standard input would otherwise be emptied before it is read.
      String same = sameFile(inFile, outFile);
      if (same != null) {
        err.println("spinefoot: " + outPath + ": is the input (" + same + "); "
            + "give another file to --out");
        return Main.BAD_INPUT;
      }
      target = new BatchOutput(outFile);
    }
    if (inFile != null) {
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
      BatchAssessor batchAssessor = (threads == null
          ? new BatchAssessor(assessor) : new BatchAssessor(assessor, threads))
          .startingAt(firstLine).compact(compact);
      if (target != null) {
        try {
          target.open();
        } catch (IOException e) {
          err.println("spinefoot: " + outPath + ": cannot write: " + describe(e));
          return Main.BAD_INPUT;
        }
      }
      try (BatchOutput closingOutput = target;
          BatchProgressBar progress = BatchProgressBar.forStderr(inputSize)) {
        OutputStream output = closingOutput != null ? closingOutput.stream() : main.stdout;
        BatchSummary summary = runStoppable(batchAssessor, in, output, progress, err,
            closingOutput);
        if (summary == null) {
          return Main.BAD_INPUT;
        }
        // Once per run: the compact lines do not carry it, the full ones do.
        err.println("knowledge: " + assessor.knowledge().label());
        return summary.assessmentFailures() > 0 ? Main.RULES_BROKEN
            : summary.failed() > 0 ? Main.CHECK_FAILED : Main.OK;
      }
    }
  }

  /**
   * How the output is the input, or null when it is not: the same file by identity (its device
   * and inode, through links and other names), or the file standard input reads.
   */
  static String sameFile(Path in, Path out) {
    if (!Files.exists(out)) {
      return null;
    }
    try {
      if (in != null && Files.isSameFile(in, out)) {
        return "the same file as --batch " + in;
      }
      Path stdin = Path.of("/dev/stdin");
      if (in == null && Files.isRegularFile(out) && Files.exists(stdin)
          && Files.isSameFile(stdin, out)) {
        return "the file standard input reads";
      }
    } catch (IOException | SecurityException e) {
      return null; // cannot tell: the output is written beside and moved, never truncated
    }
    return null;
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e instanceof java.nio.file.NoSuchFileException ? "no such directory"
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : m == null ? e.getClass().getSimpleName() : m;
  }

  /**
   * Runs the batch so that Ctrl-C or SIGTERM stops it cleanly: a shutdown hook interrupts this
   * thread, which finishes the lines in flight, writes them whole, moves the output into place
   * and reports, before the JVM ends. Returns null when reading or writing failed (reported on
   * stderr, with the last line the output holds).
   */
  private static BatchSummary runStoppable(BatchAssessor batch, InputStream in, OutputStream out,
      BatchProgressBar progress, PrintWriter err, BatchOutput target) {
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
      if (target != null) {
        target.commit();
      }
      err.println(summary.describe());
      return summary;
    } catch (BatchAssessor.OutputFailedException e) {
      String where = target == null ? "the output" : target.name();
      String kept = "";
      if (target != null) {
        try {
          target.keepWholeLines(e.bytesWritten());
          target.commit();
        } catch (IOException again) {
          kept = " (and it could not be saved: " + again.getMessage() + ")";
        }
      }
      err.println("spinefoot: batch stopped: " + where + ": cannot write: "
          + e.getCause().getMessage() + "; "
          + (e.lastLineWritten() == 0 ? "no line was written"
              : "the output holds whole results up to input line " + e.lastLineWritten()
                  + "; resume with --first-line " + (e.lastLineWritten() + 1)
                  + " on the lines after it") + kept);
      return null;
    } catch (IOException e) {
      if (target != null) {
        try {
          target.commit(); // what was written is whole lines: keep it
        } catch (IOException again) {
          err.println("spinefoot: " + target.name() + ": cannot write: " + again.getMessage());
        }
      }
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
