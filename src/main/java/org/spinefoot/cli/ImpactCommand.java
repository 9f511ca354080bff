package org.spinefoot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.spinefoot.Assessor;
import org.spinefoot.RuleBaseException;
import org.spinefoot.impact.Corpus;
import org.spinefoot.impact.ImpactHtml;
import org.spinefoot.impact.ImpactReport;
import org.spinefoot.impact.ImpactRun;
import org.spinefoot.impact.KnowledgeSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spinefoot impact}: what a knowledge change does over a corpus of records. */
@Command(name = "impact", mixinStandardHelpOptions = true,
    description = {"Assess every record of a corpus with two knowledge bases and report what "
        + "changed: the before-by-after disposition table, every finding and advice item added "
        + "or removed with the rules behind it, the records whose disposition went down (first, "
        + "for safety review, with the answers that made the difference), and examples as the "
        + "clinician's report shows them. Writes the report as JSON and HTML.",
        "",
        "KB is a rules folder, git:REV (the rules folder at a git revision, e.g. git:HEAD~1), "
        + "git:REV:PATH (another folder at that revision), or a knowledge-base jar (.jar).",
        "CORPUS is a file of JSON lines (patient records as assess --batch reads them, or FHIR "
        + "QuestionnaireResponses) or a folder of record files (.json, .yaml).",
        "",
        "Exit status: 0 no record went down; 4 some record's disposition went down; 1 some "
        + "records could not be read (and none went down); 3 a rule failed on some record or a "
        + "knowledge base does not load; 2 bad usage or input."})
final class ImpactCommand implements Callable<Integer> {
  /** Record errors told on stderr; the JSON report has every one. */
  private static final int ERRORS_TOLD = 10;

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--before", required = true, paramLabel = "KB",
      description = "The knowledge base before the change.")
  String before;

  @Option(names = "--after", required = true, paramLabel = "KB",
      description = "The knowledge base after the change.")
  String after;

  @Option(names = "--json", paramLabel = "FILE", defaultValue = "impact.json",
      description = "Where to write the JSON report (default: ${DEFAULT-VALUE}).")
  Path json;

  @Option(names = "--html", paramLabel = "FILE", defaultValue = "impact.html",
      description = "Where to write the HTML report (default: ${DEFAULT-VALUE}).")
  Path html;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: one per processor).")
  Integer threads;

  @Parameters(paramLabel = "CORPUS", description = "The records to assess.")
  Path corpusPath;

  @Override
  public Integer call() throws Exception {
    if (threads != null && (threads < 1 || threads > AssessCommand.MAX_THREADS)) {
      throw new ParameterException(spec.commandLine(),
          "--threads: give 1 to " + AssessCommand.MAX_THREADS);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Corpus corpus;
    try {
      corpus = Corpus.of(corpusPath);
    } catch (IOException e) {
      err.println("spinefoot: " + corpusPath + ": " + describe(e));
      return Main.BAD_INPUT;
    }
    KnowledgeSource.Loaded was;
    KnowledgeSource.Loaded now;
    try {
      // Loaded side by side: compiling a rules folder from DRL takes seconds.
      CompletableFuture<KnowledgeSource.Loaded> loading =
          CompletableFuture.supplyAsync(() -> load("--before", before));
      now = load("--after", after);
      was = loading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SideFailed f) {
        return told(err, f);
      }
      throw e;
    } catch (SideFailed f) {
      return told(err, f);
    }
    try (BatchOutput jsonOut = new BatchOutput(json); BatchOutput htmlOut = new BatchOutput(html)) {
      // Opened before the run, so a path that cannot be written fails before the long part.
      for (BatchOutput o : List.of(jsonOut, htmlOut)) {
        try {
          o.open();
        } catch (IOException e) {
          err.println("spinefoot: " + o.name() + ": cannot write: " + describe(e));
          return Main.BAD_INPUT;
        }
      }
      // Ctrl-C or SIGTERM during a long run leaves no half-written temporary report behind.
      Thread cleanup = new Thread(() -> closeQuietly(jsonOut, htmlOut), "spinefoot-impact-stop");
      Runtime.getRuntime().addShutdownHook(cleanup);
      try {
        return run(out, err, corpus, was, now, jsonOut, htmlOut);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running and removes the temporary files
        }
      }
    }
  }

  private int run(PrintWriter out, PrintWriter err, Corpus corpus, KnowledgeSource.Loaded was,
      KnowledgeSource.Loaded now, BatchOutput jsonOut, BatchOutput htmlOut) throws Exception {
    ImpactRun run = new ImpactRun(was, now,
        threads != null ? threads : Runtime.getRuntime().availableProcessors());
    ImpactReport report;
    try (BatchProgressBar progress = BatchProgressBar.forStderr(corpus.size())) {
      report = run.run(corpus, progress);
    } catch (IOException e) {
      err.println("spinefoot: " + corpusPath + ": cannot read: " + describe(e));
      return Main.BAD_INPUT;
    }
    jsonOut.stream().write(report.toJson().getBytes(StandardCharsets.UTF_8));
    htmlOut.stream().write(ImpactHtml.render(report).getBytes(StandardCharsets.UTF_8));
    jsonOut.commit();
    htmlOut.commit();
    tellErrors(err, report.errors());
    out.println("before: " + report.before().source() + ": " + report.before().label());
    out.println("after:  " + report.after().source() + ": " + report.after().label());
    out.println(report.summary());
    out.println("report: " + json + ", " + html);
    out.flush();
    if (report.wentDown() > 0) {
      return Main.WENT_DOWN;
    }
    boolean ruleFailed = report.errors().stream().anyMatch(e -> !e.kind().equals("input"));
    return ruleFailed ? Main.RULES_BROKEN
        : report.errors().isEmpty() ? Main.OK : Main.CHECK_FAILED;
  }

  private static void closeQuietly(BatchOutput... outputs) {
    for (BatchOutput o : outputs) {
      try {
        o.close();
      } catch (IOException e) {
        // ending anyway: a temporary file may stay beside the report
      }
    }
  }

  /** A knowledge base that cannot be loaded, with the option that named it. */
  private static final class SideFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    SideFailed(String message, int code, Throwable cause) {
      super(message, cause);
      this.code = code;
    }
  }

  private KnowledgeSource.Loaded load(String option, String source) {
    try {
      return KnowledgeSource.load(source, Path.of("").toAbsolutePath(),
          Assessor.DEFAULT_MAX_FIRINGS, main.timeBudget());
    } catch (KnowledgeSource.UnavailableException e) {
      throw new SideFailed(option + " " + e.getMessage(), Main.BAD_INPUT, e);
    } catch (RuleBaseException e) {
      throw new SideFailed(option + " " + source + ": " + e.getMessage(), Main.RULES_BROKEN, e);
    }
  }

  private static int told(PrintWriter err, SideFailed f) {
    err.println("spinefoot: " + f.getMessage());
    return f.code;
  }

  private static void tellErrors(PrintWriter err, List<ImpactReport.RecordError> errors) {
    for (ImpactReport.RecordError e : errors.subList(0, Math.min(ERRORS_TOLD, errors.size()))) {
      err.println("spinefoot: " + Printable.escape(e.source()
          + (e.id() == null ? "" : " (" + e.id() + ")") + ", " + e.side() + ": "
          + (e.path() == null || e.path().isEmpty() ? "" : e.path() + ": ") + e.message()));
    }
    if (errors.size() > ERRORS_TOLD) {
      err.println("spinefoot: ... and " + (errors.size() - ERRORS_TOLD)
          + " more records that could not be compared; the JSON report lists every one");
    }
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e instanceof java.nio.file.NoSuchFileException n && n.getReason() != null
        ? n.getReason()
        : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : m == null ? e.getClass().getSimpleName() : m;
  }
}
