package org.spinefoot.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.spinefoot.Assessor;
import org.spinefoot.RuleBaseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code spinefoot} command line. {@link #run} takes its streams and returns the exit code,
 * so tests drive it without {@code System.exit}.
 *
 * <p>Exit codes: 0 success; 1 a check failed (a test case, lint); 2 bad usage or bad input;
 * 3 the knowledge base could not be loaded; 4 a knowledge change sent some record's disposition
 * down ({@code impact}).
 */
@Command(
    name = "spinefoot",
    mixinStandardHelpOptions = true,
    version = "spinefoot 0.1.0",
    description = "Assess back-related foot numbness and pain with the spinefoot knowledge base.",
    subcommands = {AssessCommand.class, TestCommand.class, SchemaCommand.class,
        ExplainCommand.class, LintCommand.class, CatalogCommand.class, WatchCommand.class,
        AskCommand.class, ServeCommand.class, QuestionnaireCommand.class, TokenCommand.class,
        CorpusCommand.class, ImpactCommand.class})
public final class Main {
  public static final int OK = 0;
  public static final int CHECK_FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int RULES_BROKEN = 3;
  /** {@code impact}: some record's disposition went down; a clinician reviews it for safety. */
  public static final int WENT_DOWN = 4;

  @Option(
      names = "--rules",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Rule directory to load instead of the rules packaged in the jar.")
  Path rules;

  @Option(
      names = "--time-limit",
      scope = ScopeType.INHERIT,
      paramLabel = "SECONDS",
      description = "Longest time one assessment may take: a rule still running then is stopped "
          + "and named, and the command goes on (default: 10).")
  Double timeLimitSeconds;

  /** The raw streams, for commands that read standard input or write bytes (assess --batch). */
  InputStream stdin;
  PrintStream stdout;

  public static void main(String[] args) {
    ExitGuard.install(System.err);
    int code = run(args, System.in, System.out, System.err);
    ExitGuard.exitingNormally();
    System.exit(code);
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /** Runs the command line with the given standard input too. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    Main main = new Main();
    main.stdin = in;
    main.stdout = out;
    CommandLine cl = new CommandLine(main);
    // The launcher passes --rules for the working tree; a --rules the user gives after it wins.
    cl.setOverwrittenOptionsAllowed(true);
    cl.setOut(outWriter);
    cl.setErr(errWriter);
    cl.setExitCodeExceptionMapper(e -> e instanceof RuleBaseException ? RULES_BROKEN : BAD_INPUT);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof RuleBaseException) {
        errWriter.println("spinefoot: " + e.getMessage());
        return RULES_BROKEN;
      }
      throw e;
    });
    int code = cl.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  /**
   * The rule directory the options name, or {@code rules} in the working directory: the tools
   * that read rule files rather than a loaded knowledge base (lint, watch) need a directory.
   */
  Path rulesDirectory() {
    return rules == null ? Path.of("rules") : rules;
  }

  /** The article titles of the rules the options ask for ({@code sources.yaml}). */
  org.spinefoot.report.SourceTitles sourceTitles() {
    return org.spinefoot.report.SourceTitles.of(rules);
  }

  /**
   * Loads the knowledge base the options ask for. A rule directory unchanged from the rules
   * packaged in the jar (the launcher passes the working tree's) is served by the packaged,
   * precompiled knowledge base; an edited one is compiled from its DRL.
   */
  Assessor loadAssessor() {
    java.time.Duration budget = timeBudget();
    return rules == null ? Assessor.fromClasspath(Assessor.DEFAULT_MAX_FIRINGS, budget)
        : Assessor.fromDirectoryPreferPackaged(rules, Assessor.DEFAULT_MAX_FIRINGS, budget);
  }

  /**
   * The vocabulary of the rules the options ask for, read without compiling any rule: the
   * packaged one, or the {@code vocabulary.yaml} of the rule directory.
   */
  org.spinefoot.Vocabulary vocabulary() {
    java.nio.file.Path file = rules == null ? null : rules.resolve(org.spinefoot.Vocabulary.FILE);
    if (file == null || !java.nio.file.Files.isRegularFile(file)) {
      return org.spinefoot.Vocabulary.packaged();
    }
    try {
      return org.spinefoot.Vocabulary.read(java.nio.file.Files.readString(file),
          org.spinefoot.Vocabulary.FILE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The time budget of one assessment the options ask for. */
  java.time.Duration timeBudget() {
    if (timeLimitSeconds == null) {
      return Assessor.DEFAULT_TIME_BUDGET;
    }
    if (!(timeLimitSeconds > 0) || timeLimitSeconds > 86_400) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--time-limit: give a number of seconds above 0 and at most 86400");
    }
    return java.time.Duration.ofMillis(Math.max(1, Math.round(timeLimitSeconds * 1000)));
  }
}
