package org.spinefoot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spinefoot.impact.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spinefoot corpus}: write a seeded synthetic corpus of patient records. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
    description = "Write synthetic patient records, one JSON line each, from the vocabulary: "
        + "most benign, a small share with each red flag, some unknown or unasked answers and "
        + "some old records that predate later questions. Streams, so a million is fine. "
        + "Synthetic only: real patient data never ships.")
final class CorpusCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--count", defaultValue = "1000", description = "How many records (default: "
      + "${DEFAULT-VALUE}).")
  long count;

  @Option(names = "--seed", defaultValue = "1", description = "The seed: the same seed makes the "
      + "same corpus (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (count < 0) {
      throw new ParameterException(spec.commandLine(), "--count must not be negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    new CorpusGenerator(main.vocabulary(), seed).write(count, out);
    out.flush();
    return Main.OK;
  }
}
