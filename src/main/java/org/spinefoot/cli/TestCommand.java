package org.spinefoot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.cases.CaseResult;
import org.spinefoot.cases.CaseRunner;
import org.spinefoot.cases.Coverage;
import org.spinefoot.cases.JUnitXml;

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

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
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
        if (verbose && !r.assessments().isEmpty()) {
          out.println(CaseRunner.summary(r.assessments().get(r.assessments().size() - 1)));
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
}
