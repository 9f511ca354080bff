package org.spinefoot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.cases.CaseResult;
import org.spinefoot.cases.CaseRunner;
import org.spinefoot.review.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spinefoot catalog --out DIR}: the static HTML and Markdown catalog of the rules. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "Write a static catalog for reviewers: index.html (every rule by topic with its "
        + "ID, urgency, inventory items, sources, DRL and the cases that cover it, with their "
        + "result; the coverage summary), one page per inventory item under inventory/, and "
        + "catalog.md, its Markdown twin.")
final class CatalogCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Directory to write the catalog into (created if needed).")
  Path out;

  @Option(names = "--cases", paramLabel = "DIR", defaultValue = "test-cases",
      description = "Test cases to run and show (default: ${DEFAULT-VALUE}).")
  Path cases;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Assessor assessor = main.loadAssessor();
    List<CaseResult> results;
    try {
      results = new CaseRunner(assessor).runAll(cases);
    } catch (InvalidInputException e) {
      err.println("spinefoot: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    Path rulesDir = java.nio.file.Files.isDirectory(main.rulesDirectory())
        ? main.rulesDirectory() : null;
    List<Path> written = new Catalog(assessor, results, rulesDir).write(out);
    long failed = results.stream().filter(r -> !r.passed()).count();
    stdout.printf("catalog: %d rules, %d cases (%d failing): wrote %d files; open %s%n",
        assessor.rules().size(), results.size(), failed, written.size(),
        out.resolve(Catalog.INDEX));
    return Main.OK;
  }
}
