package org.spinefoot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spinefoot.review.Watcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spinefoot watch}: reload the rules and rerun the cases on every save. */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "Watch the rule and test-case directories; on every save rebuild the knowledge "
        + "base, rerun the cases and print what changed: new failures, fixed cases, coverage "
        + "changes. A rule file with an error is reported with file and line, and the last good "
        + "knowledge base stays in use. Stop with Ctrl-C.")
final class WatchCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--cases", paramLabel = "DIR", defaultValue = "test-cases",
      description = "Test cases to rerun (default: ${DEFAULT-VALUE}).")
  Path cases;

  @Option(names = "--once", description = "Load and run the cases once, report, and exit.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Watcher watcher = new Watcher(main.rulesDirectory(), cases);
    if (once) {
      Watcher.Report report = watcher.onChange();
      out.print(report.toText());
      out.flush();
      if (!report.rulesLoaded()) {
        return Main.RULES_BROKEN;
      }
      return report.casesProblem() != null ? Main.BAD_INPUT
          : report.healthy() ? Main.OK : Main.CHECK_FAILED;
    }
    out.println("spinefoot: watching " + main.rulesDirectory() + " and " + cases
        + " (Ctrl-C to stop)");
    out.flush();
    watcher.watch(report -> {
      out.print(report.toText());
      out.flush();
    }, -1);
    return Main.OK;
  }
}
