package org.spinefoot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.cases.CaseResult;
import org.spinefoot.cases.CaseRunner;
import org.spinefoot.cases.Coverage;
import org.spinefoot.cases.JUnitXml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spinefoot test [PATH...]}: run the regression test cases. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Run regression test cases (YAML) against the rules and report each case, "
        + "then 'N passed, N failed'.")
final class TestCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "Case files or directories (default: test-cases).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "TEXT",
      description = "Run only the cases whose file name contains TEXT.")
  String filter;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report.")
  Path junit;

  @Option(names = "--coverage",
      description = "Print rule and inventory coverage; fail when a rule or item is not covered.")
  boolean coverage;

  @Option(names = {"-v", "--verbose"}, description = "Show what the engine concluded for every case.")
  boolean verbose;

  @Option(names = "--mutate", description = "Mutation testing: change one rule at a time (drop or "
      + "negate a condition, move a number one step, lower the urgency, drop a conclusion), run "
      + "the cases against each change and list the changes no case notices (survivors), then "
      + "'N mutants, K killed, S survived (score P%%)'.")
  boolean mutate;

  @Option(names = "--mutate-file", paramLabel = "FILE",
      description = "With --mutate: mutate only this rule file (its path under the rules "
          + "folder, such as foot/foot.drl); repeat for more. Every case still runs.")
  List<String> mutateFiles = new ArrayList<>();

  @Option(names = "--min-score", paramLabel = "PERCENT",
      description = "With --mutate: fail when the mutation score is below PERCENT.")
  Double minScore;

  @Option(names = "--threads", paramLabel = "N",
      description = "With --mutate: mutants tested at once (default: the number of cores).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (mutate) {
      return mutate(out, err);
    }
    Assessor assessor = main.loadAssessor();
    CaseRunner runner = new CaseRunner(assessor);
    List<Path> files = new ArrayList<>();
    try {
      for (Path p : paths.isEmpty() ? List.of(Path.of("test-cases")) : paths) {
        files.addAll(CaseRunner.findCases(p));
      }
    } catch (InvalidInputException e) {
      err.println("spinefoot: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    if (filter != null) {
      files.removeIf(f -> !CaseRunner.nameOf(f).contains(filter));
    }
    if (files.isEmpty()) {
      err.println("spinefoot: no test cases found");
      return Main.BAD_INPUT;
    }
    List<CaseResult> results = new ArrayList<>();
    int passed = 0;
    for (Path f : files) {
      CaseResult r = runner.run(f);
      results.add(r);
      if (r.passed()) {
        passed++;
        out.printf("PASS  %s  (%d ms)%n", r.name(), r.millis());
        if (verbose) {
          // Every step's state, not only the last: a step's change is what a reviewer checks.
          for (int i = 0; i < r.assessments().size(); i++) {
            if (r.assessments().size() > 1) {
              out.println(i == 0 ? "  first record:" : "  after step " + i + ":");
            }
            out.println(CaseRunner.summary(r.assessments().get(i)));
          }
        }
      } else {
        out.printf("FAIL  %s  (%s)%n", r.name(), r.file());
        r.failures().forEach(msg -> out.println("  " + msg));
      }
      out.flush();
    }
    int failed = results.size() - passed;
    if (junit != null) {
      JUnitXml.write(junit, results);
    }
    boolean coverageOk = true;
    if (coverage) {
      Coverage c = Coverage.of(assessor, results);
      out.println();
      out.print(c.report());
      coverageOk = c.complete();
      if (filter != null || !paths.isEmpty()) {
        out.println("(coverage of the selected cases only)");
      }
    }
    out.printf("%d passed, %d failed%n", passed, failed);
    return failed == 0 && coverageOk ? Main.OK : Main.CHECK_FAILED;
  }

  private Integer mutate(PrintWriter out, PrintWriter err) {
    Path rules = main.rulesDirectory();
    Path cases = paths.isEmpty() ? Path.of("test-cases") : paths.get(0);
    if (!java.nio.file.Files.isDirectory(rules)) {
      err.println("spinefoot: " + rules + ": not a rules directory (mutation testing changes the "
          + "rule files, so give --rules DIR)");
      return Main.BAD_INPUT;
    }
    main.loadAssessor(); // the rules as they stand must load before their mutants mean anything
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    org.spinefoot.review.Mutation.Report report;
    try {
      java.util.function.Predicate<String> selected =
          mutateFiles.isEmpty() ? f -> true : mutateFiles::contains;
      report = org.spinefoot.review.Mutation.run(rules, cases, n, selected, o -> {
        int k = done.incrementAndGet();
        if (k % 50 == 0) {
          err.println("mutation: " + k + " mutants tested");
        }
      });
    } catch (InvalidInputException e) {
      err.println("spinefoot: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (IllegalStateException e) {
      err.println("spinefoot: " + e.getMessage());
      return Main.CHECK_FAILED;
    }
    out.print(report.toText());
    out.flush();
    return minScore != null && report.score() < minScore ? Main.CHECK_FAILED : Main.OK;
  }
}
