package org.spinefoot.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A throwaway copy of a knowledge base's rules, test cases and example patients (the cases refer
 * to {@code ../facts/}), for tests that break or change them: of the fixture knowledge base
 * ({@link #of}) for tests of lint, watch and catalog, or of the project's own ({@link #shipped})
 * for the proof that a reviewer's edit passes the build's checks.
 */
public final class ProjectCopy {
  static final String PROBE_HEADER = """
      package probe;

      import org.spinefoot.engine.facts.*;

      """;

  final Path root;

  private ProjectCopy(Path root) {
    this.root = root;
  }

  /** A copy of the fixture knowledge base (src/test/resources/fixture). */
  static ProjectCopy of(Path dir) {
    return copyOf(org.spinefoot.Fixture.ROOT, dir);
  }

  /** A copy of the project's own knowledge: rules/, test-cases/ and facts/. */
  static ProjectCopy shipped(Path dir) {
    return copyOf(Path.of(""), dir);
  }

  private static ProjectCopy copyOf(Path root, Path dir) {
    for (String part : new String[] {"rules", "test-cases", "facts"}) {
      copyTree(root.resolve(part), dir.resolve(part));
    }
    return new ProjectCopy(dir);
  }

  Path rules() {
    return root.resolve("rules");
  }

  Path cases() {
    return root.resolve("test-cases");
  }

  /** Adds {@code rules/probe/<name>} holding the DRL after a package and import header. */
  Path addProbeRules(String name, String drl) {
    Path file = rules().resolve("probe").resolve(name);
    write(file, PROBE_HEADER + drl);
    return file;
  }

  /** Replaces text in a file under the copy; fails when the text is not there. */
  void replace(String relative, String from, String to) {
    Path file = root.resolve(relative);
    try {
      String text = Files.readString(file);
      if (!text.contains(from)) {
        throw new IllegalArgumentException(relative + " does not contain: " + from);
      }
      Files.writeString(file, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a file, making its folders. */
  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a folder and everything under it. */
  public static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ID after the highest of a series in an index ({@code RF} gives RF-25 after RF-24). */
  static String nextId(Path inventory, String series) throws IOException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "(?m)^- id: " + series + "-(\\d+)\\s*$").matcher(Files.readString(inventory));
    int highest = 0;
    while (m.find()) {
      highest = Math.max(highest, Integer.parseInt(m.group(1)));
    }
    return "%s-%02d".formatted(series, highest + 1);
  }
}
