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
    description = "Run regression test cases (YAML) against the rules and report every problem "
        + "of every case (file:line: what is wrong), then whether every rule has a case, then "
        + "'N passed, N failed, P problems'.")
final class TestCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "Case files or directories (default: test-cases).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "TEXT",
      description = "Run only the cases whose name (printed after PASS/FAIL: the file name "
          + "without .yaml) or title (the case's name: field) contains TEXT, ignoring case. "
          + "Coverage is then not checked.")
  String filter;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report.")
  Path junit;

  @Option(names = "--coverage",
      description = "Print the whole rule and inventory coverage table, not only its gaps.")
  boolean coverage;

  @Option(names = "--no-coverage-check", description = "Do not fail when a rule or inventory "
      + "item has no case (checked by default when whole folders run without --filter, as "
      + "mvn verify checks it).")
  boolean noCoverageCheck;

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
      String wanted = filter.toLowerCase(java.util.Locale.ROOT);
      files.removeIf(f -> !CaseRunner.nameOf(f).toLowerCase(java.util.Locale.ROOT).contains(wanted)
          && !CaseRunner.titleOf(f).map(t -> t.toLowerCase(java.util.Locale.ROOT))
              .filter(t -> t.contains(wanted)).isPresent());
    }
    if (files.isEmpty()) {
      err.println("spinefoot: no test cases found" + (filter == null ? "" : " matching " + filter));
      return Main.BAD_INPUT;
    }
    List<CaseResult> results = new ArrayList<>();
    int passed = 0;
    int problems = 0;
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
        problems += r.failures().size();
        out.printf("FAIL  %s  (%s)%n", r.name(), r.file());
        r.failures().forEach(msg -> out.println("  " + msg));
      }
      out.flush();
    }
    int failed = results.size() - passed;
    if (junit != null) {
      JUnitXml.write(junit, results);
    }
    // Coverage means something only over the whole folder: a filter or a single file leaves
    // rules uncovered that other cases cover.
    boolean wholeFolders = filter == null && paths.stream().noneMatch(java.nio.file.Files::isRegularFile);
    int gaps = 0;
    if (coverage || (wholeFolders && !noCoverageCheck)) {
      Coverage c = Coverage.of(assessor, results);
      out.println();
      if (coverage) {
        out.print(c.report());
        if (!wholeFolders) {
          out.println("(coverage of the selected cases only)");
        }
      } else {
        c.gaps().forEach(g -> out.println("GAP   " + g));
      }
      gaps = c.gaps().size();
      if (gaps > 0) {
        out.printf("%d coverage %s: every rule needs a case where it fires and a near-miss "
            + "case, every inventory item a case that concludes it and one that must not%n",
            gaps, gaps == 1 ? "gap" : "gaps");
      }
    }
    out.printf("%d passed, %d failed, %d %s in the cases, %d coverage %s%n", passed, failed,
        problems, problems == 1 ? "problem" : "problems", gaps, gaps == 1 ? "gap" : "gaps");
    return failed == 0 && gaps == 0 ? Main.OK : Main.CHECK_FAILED;
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
