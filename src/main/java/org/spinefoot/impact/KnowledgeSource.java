package org.spinefoot.impact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.spinefoot.Assessor;
import org.spinefoot.report.SourceTitles;

/**
 * Where a knowledge base to compare comes from, as {@code impact --before/--after} names it:
 *
 * <ul>
 *   <li>a rules folder: {@code rules} or any path to one;
 *   <li>a git revision of one: {@code git:REV} for the {@code rules} folder of the working
 *       directory's repository at REV, or {@code git:REV:PATH} for another folder (PATH as a file
 *       path, relative to the working directory or absolute); taken out with {@code git archive};
 *   <li>a released knowledge-base jar ({@code spinefoot.jar}, a path ending in {@code .jar}): the
 *       rules it carries as resources.
 * </ul>
 *
 * <p>A revision or a jar is copied to a temporary folder, loaded, and the folder removed. Each is
 * loaded as {@code --rules} is ({@link Assessor#fromDirectoryPreferPackaged}): rules identical to
 * the packaged ones use the precompiled model.
 */
public final class KnowledgeSource {
  /** What a git revision source starts with. */
  public static final String GIT = "git:";
  /** Where a knowledge-base jar keeps its rules. */
  static final String JAR_RULES = "spinefoot/rules/";
  private static final long GIT_SECONDS = 120;

  private KnowledgeSource() {}

  /** A source that cannot be read: no such folder, revision or jar. */
  public static final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A loaded knowledge base and how it was named.
   *
   * @param spec the source as given
   * @param origin the source as resolved, e.g. {@code git:HEAD~1:rules (commit 3f2a9c0e1b7d)}
   * @param assessor the knowledge base
   * @param titles the article titles of its {@code sources.yaml}, for reports
   */
  public record Loaded(String spec, String origin, Assessor assessor, SourceTitles titles) {}

  /**
   * Loads the knowledge base a source names.
   *
   * @param spec a folder, {@code git:REV[:PATH]} or a {@code .jar}
   * @param workingDirectory what relative paths are relative to, and where git runs
   * @throws UnavailableException if the source cannot be read
   * @throws org.spinefoot.RuleBaseException if its rules do not load
   */
  public static Loaded load(String spec, Path workingDirectory, int maxFirings,
      Duration timeBudget) {
    if (spec.startsWith(GIT)) {
      String rest = spec.substring(GIT.length());
      int colon = rest.indexOf(':');
      String revision = colon < 0 ? rest : rest.substring(0, colon);
      Path folder = workingDirectory.resolve(colon < 0 ? "rules" : rest.substring(colon + 1));
      if (revision.isEmpty()) {
        throw new UnavailableException(spec + ": give a revision, e.g. git:HEAD~1", null);
      }
      Path temp = tempDirectory();
      try {
        String commit = fromGit(revision, folder, temp);
        return loaded(spec, spec + " (commit " + commit.substring(0, 12) + ")", temp,
            maxFirings, timeBudget);
      } finally {
        delete(temp);
      }
    }
    Path path = workingDirectory.resolve(spec);
    if (Files.isRegularFile(path) && spec.endsWith(".jar")) {
      Path temp = tempDirectory();
      try {
        fromJar(path, temp);
        return loaded(spec, spec, temp, maxFirings, timeBudget);
      } finally {
        delete(temp);
      }
    }
    if (!Files.isDirectory(path)) {
      throw new UnavailableException(spec + ": " + (Files.exists(path)
          ? "not a rules folder, git:REV or .jar" : "no such folder"), null);
    }
    return loaded(spec, spec, path, maxFirings, timeBudget);
  }

  private static Loaded loaded(String spec, String origin, Path rules, int maxFirings,
      Duration timeBudget) {
    Assessor assessor = Assessor.fromDirectoryPreferPackaged(rules, maxFirings, timeBudget);
    return new Loaded(spec, origin, assessor, SourceTitles.of(rules));
  }

  /** Writes the folder as it was at the revision into {@code into}; returns the commit. */
  private static String fromGit(String revision, Path folder, Path into) {
    Path existing = folder.toAbsolutePath().normalize();
    while (existing != null && !Files.isDirectory(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new UnavailableException(folder + ": not in a git repository", null);
    }
    try {
      Path top = Path.of(git(existing, null, "rev-parse", "--show-toplevel").strip())
          .toRealPath();
      Path inRepo = top.relativize(existing.toRealPath()
          .resolve(existing.relativize(folder.toAbsolutePath().normalize())));
      String treePath = inRepo.toString().replace('\\', '/');
      String commit;
      try {
        // From the top: in a folder the revision does not track, git refuses to archive.
        commit = git(top, null, "rev-parse", "--verify", "--quiet",
            revision + "^{commit}").strip();
      } catch (IOException e) {
        throw new UnavailableException("git:" + revision + ": no such revision in " + top, e);
      }
      Path zip = Files.createTempFile("spinefoot-rules-", ".zip");
      try {
        git(top, zip, "archive", "--format=zip",
            treePath.isEmpty() ? commit : commit + ":" + treePath);
        unzip(zip, "", into);
      } finally {
        Files.deleteIfExists(zip);
      }
      return commit;
    } catch (IOException e) {
      throw new UnavailableException("git:" + revision + ": " + e.getMessage(), e);
    }
  }

  /** Runs git in a directory; its output goes to {@code output} when given, else is returned. */
  private static String git(Path directory, Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Path captured = output != null ? output : Files.createTempFile("spinefoot-git-", ".out");
    Path errors = Files.createTempFile("spinefoot-git-", ".err");
    try {
      Process p = pb.redirectOutput(captured.toFile()).redirectError(errors.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      if (!p.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("git " + args[0] + " took more than " + GIT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        String message = Files.readString(errors, StandardCharsets.UTF_8).strip();
        throw new IOException(message.isEmpty() ? "git " + args[0] + " failed (exit "
            + p.exitValue() + ")" : message);
      }
      return output != null ? "" : Files.readString(captured, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while git ran", e);
    } finally {
      Files.deleteIfExists(errors);
      if (output == null) {
        Files.deleteIfExists(captured);
      }
    }
  }

  private static void fromJar(Path jar, Path into) {
    try {
      if (unzip(jar, JAR_RULES, into) == 0) {
        throw new UnavailableException(jar + ": carries no rules (no " + JAR_RULES + ")", null);
      }
    } catch (IOException e) {
      throw new UnavailableException(jar + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Copies the files under {@code prefix} in a zip into a folder; returns how many. */
  private static int unzip(Path zip, String prefix, Path into) throws IOException {
    int count = 0;
    Path root = into.toAbsolutePath().normalize();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        // A jar's compiled rule classes sit beside the rule files; only the files are loaded.
        if (entry.isDirectory() || !entry.getName().startsWith(prefix)
            || entry.getName().endsWith(".class")) {
          continue;
        }
        Path target = root.resolve(entry.getName().substring(prefix.length())).normalize();
        if (!target.startsWith(root)) {
          throw new IOException(entry.getName() + ": outside the archive's folder");
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, target);
        }
        count++;
      }
    }
    return count;
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("spinefoot-knowledge-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary folder left behind is harmless; the comparison goes on.
    }
  }
}
