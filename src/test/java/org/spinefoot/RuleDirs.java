package org.spinefoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds throwaway rule directories for tests of loading and failure. */
public final class RuleDirs {
  public static final String HEADER = """
      package probe;

      import org.spinefoot.engine.facts.*;

      """;

  /** How many lines {@link #HEADER} takes: a probe rule's line in its file is this plus its own. */
  public static final int HEADER_LINES = (int) HEADER.chars().filter(c -> c == '\n').count();

  private RuleDirs() {}

  /**
   * A rules directory with the fixture's knowledge index and one DRL file. Probe rules may name
   * any of RF-01 to RF-09: those the fixture lacks are added to the index as probe items.
   */
  public static Path withRules(Path dir, String fileName, String drl) {
    try {
      Files.createDirectories(dir.resolve("probe"));
      String inventory = Files.readString(Fixture.rules().resolve("inventory.yaml"));
      StringBuilder probes = new StringBuilder(inventory.endsWith("\n") ? "" : "\n");
      for (int i = 1; i <= 9; i++) {
        String id = "RF-0" + i;
        if (!inventory.contains("- id: " + id + "\n")) {
          probes.append("- id: ").append(id).append("\n  title: Probe item ").append(id)
              .append("\n  urgency: NONE\n  sources: [\"inventory.md#How conclusions interact\"]\n");
        }
      }
      Files.writeString(dir.resolve("inventory.yaml"), inventory + probes);
      Files.copy(Fixture.rules().resolve(Vocabulary.FILE), dir.resolve(Vocabulary.FILE));
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
