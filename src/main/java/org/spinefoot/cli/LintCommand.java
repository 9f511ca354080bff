package org.spinefoot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spinefoot.InvalidInputException;
import org.spinefoot.review.Lint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spinefoot lint}: static checks of the rule base, for reviewers. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Check the rule base: compile errors, rule metadata (@id, @inventory, @urgency, "
        + "@source) against inventory.yaml and sources.yaml, urgency against the findings a rule "
        + "concludes, inventory and test-case coverage, rules that can never fire and duplicate "
        + "rules. One line per problem with file and line; fails on any error.")
final class LintCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--cases", paramLabel = "DIR", defaultValue = "test-cases",
      description = "Test cases whose coverage of the rules is checked (default: ${DEFAULT-VALUE}).")
  Path cases;

  @Option(names = "--no-cases", description = "Do not check coverage by test cases.")
  boolean noCases;

  @Option(names = "--strict", description = "Fail on warnings too.")
  boolean strict;

  @Option(names = "--print-vocabulary", description = "Print what rules may use (fact types, "
      + "fields, enum values and the record key each comes from) as Markdown, the text of "
      + "docs/rule-vocabulary.md, and check nothing.")
  boolean printVocabulary;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (printVocabulary) {
      out.print(org.spinefoot.vocabulary.RuleVocabulary.markdown());
      out.flush();
      return Main.OK;
    }
    Lint.Result result;
    try {
      result = Lint.run(main.rulesDirectory(), noCases ? null : cases);
    } catch (InvalidInputException e) {
      err.println("spinefoot: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    out.print(result.report());
    out.flush();
    return result.failed(strict) ? Main.CHECK_FAILED : Main.OK;
  }
}
