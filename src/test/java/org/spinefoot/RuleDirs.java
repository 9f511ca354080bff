package org.spinefoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds throwaway rule directories for tests of loading and failure. */
public final class RuleDirs {
  public static final String HEADER = """
      package probe;

      import org.spinefoot.facts.*;

      """;

  private RuleDirs() {}

  /** A rules directory with the fixture's knowledge index and one DRL file. */
  public static Path withRules(Path dir, String fileName, String drl) {
    try {
      Files.createDirectories(dir.resolve("probe"));
      Files.copy(Fixture.rules().resolve("inventory.yaml"), dir.resolve("inventory.yaml"));
      Files.copy(Fixture.rules().resolve(RedFlagQuestions.FILE),
          dir.resolve(RedFlagQuestions.FILE));
      Files.writeString(dir.resolve("probe").resolve(fileName), HEADER + drl);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture's disposition rules plus a probe file: enough for a working knowledge base. */
  public static Path withDispositionAnd(Path dir, String fileName, String drl) {
    withRules(dir, fileName, drl);
    try {
      Files.createDirectories(dir.resolve("disposition"));
      Files.copy(Fixture.rules().resolve("disposition/disposition.drl"),
          dir.resolve("disposition/disposition.drl"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
