package org.spinefoot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.spinefoot.KnowledgeVersion;
import org.spinefoot.RuleBaseException;
import org.spinefoot.Vocabulary;

/** Finds the DRL files of a knowledge base, in a directory or packaged on the classpath. */
public final class RuleFiles {
  /** Where the build puts {@code rules/} inside the jar. */
  static final String CLASSPATH_ROOT = "spinefoot/rules";

  /** The knowledge index that sits beside the DRL files. */
  static final String INVENTORY_FILE = "inventory.yaml";

  /** A DRL file: its path relative to the rules root, and its text. */
  public record RuleFile(String path, String text) {}

  /**
   * The DRL files, the text of the knowledge index, of the vocabulary and of the version file
   * ({@code knowledge.yaml}; null when the rules have none).
   */
  public record RuleSet(List<RuleFile> drl, String inventory, String vocabulary, String knowledge) {
    public RuleSet(List<RuleFile> drl, String inventory, String vocabulary) {
      this(drl, inventory, vocabulary, null);
    }

    /**
     * Which knowledge this is: {@code knowledge.yaml} read strictly, with the hash of these
     * rules ({@code hash}: their {@link #contentHash()}, when the caller has it already);
     * unversioned (a draft) without one.
     */
    public KnowledgeVersion version(String hash) {
      return knowledge == null ? KnowledgeFile.unversioned(hash)
          : KnowledgeFile.read(knowledge).version(hash);
    }

    /**
     * SHA-256 of everything the rules' decisions depend on (each DRL file's path and text, the
     * knowledge index, the vocabulary), in hex: equal hashes, the same knowledge. The build
     * records it beside the executable model it compiles; {@code knowledge.yaml} records it for
     * the version it names, so the version file itself is not part of it.
     */
    public String contentHash() {
      java.security.MessageDigest sha;
      try {
        sha = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java has SHA-256", e);
      }
      for (RuleFile f : drl.stream().sorted(java.util.Comparator.comparing(RuleFile::path))
          .toList()) {
        update(sha, f.path());
        update(sha, f.text());
      }
      update(sha, INVENTORY_FILE);
      update(sha, inventory);
      update(sha, Vocabulary.FILE);
      update(sha, vocabulary);
      return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static void update(java.security.MessageDigest sha, String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
      sha.update(bytes);
    }
  }

  private RuleFiles() {}

  public static RuleSet fromDirectory(Path root) {
    if (!Files.isDirectory(root)) {
      throw new RuleBaseException("cannot load the knowledge base",
          List.of(new RuleBaseException.Problem(root.toString(), 0, "not a directory")), null);
    }
    return walk(root);
  }

  /** Why a {@code .drl} entry is not a rule file that can be read, or null when it is one. */
  private static String unreadable(Path p) {
    if (Files.isDirectory(p)) {
      return "is a directory, not a rule file";
    }
    if (!Files.exists(p)) {
      return Files.isSymbolicLink(p) ? "a link to a missing file" : "no such file";
    }
    if (!Files.isRegularFile(p)) {
      return "not a regular file";
    }
    if (!Files.isReadable(p)) {
      return "cannot read: permission denied";
    }
    return null;
  }

  /**
   * The packaged rules when the build listed their files (beside the executable model): each
   * read as a resource, without opening the jar as a file system and walking it (a tenth of a
   * second at start). Null when a listed file is missing, so the caller walks instead.
   */
  public static RuleSet fromClasspath(ClassLoader loader, List<String> drlPaths) {
    List<RuleFile> files = new ArrayList<>();
    for (String path : drlPaths) {
      String text = resource(loader, path);
      if (text == null) {
        return null;
      }
      files.add(new RuleFile(path, text));
    }
    String inventory = resource(loader, INVENTORY_FILE);
    String vocabulary = resource(loader, Vocabulary.FILE);
    return files.isEmpty() || inventory == null || vocabulary == null ? null
        : new RuleSet(List.copyOf(files), inventory, vocabulary,
            resource(loader, KnowledgeFile.FILE));
  }

  private static String resource(ClassLoader loader, String path) {
    try (java.io.InputStream in = loader.getResourceAsStream(CLASSPATH_ROOT + "/" + path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  public static RuleSet fromClasspath(ClassLoader loader) {
    URL url = loader.getResource(CLASSPATH_ROOT);
    if (url == null) {
      throw new RuleBaseException("cannot load the knowledge base", List.of(
          new RuleBaseException.Problem(CLASSPATH_ROOT, 0, "no packaged rules on the classpath")),
          null);
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          return walk(fs.getPath(CLASSPATH_ROOT));
        }
      }
      return walk(Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new UncheckedIOException("cannot read the packaged rules at " + url,
          e instanceof IOException ? (IOException) e : new IOException(e));
    }
  }

  private static RuleSet walk(Path root) {
    List<RuleFile> files = new ArrayList<>();
    List<RuleBaseException.Problem> unreadable = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(x -> x.toString().endsWith(".drl")).sorted().toList()) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        String problem = unreadable(p);
        if (problem != null) {
          unreadable.add(new RuleBaseException.Problem(relative, 0, problem));
          continue;
        }
        try {
          files.add(new RuleFile(relative, Files.readString(p, StandardCharsets.UTF_8)));
        } catch (java.nio.charset.CharacterCodingException e) {
          unreadable.add(new RuleBaseException.Problem(relative, 0, "not UTF-8 text"));
        } catch (java.nio.file.AccessDeniedException e) {
          unreadable.add(new RuleBaseException.Problem(relative, 0, "cannot read: permission denied"));
        } catch (IOException e) {
          unreadable.add(new RuleBaseException.Problem(relative, 0, "cannot read: " + e.getMessage()));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new RuleBaseException("cannot load the knowledge base", List.of(
          new RuleBaseException.Problem(root.toString(), 0, "cannot read the rules directory: "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()))), null);
    }
    if (!unreadable.isEmpty()) {
      // Never half a knowledge base: a rule file that cannot be read stops the loading.
      throw new RuleBaseException("cannot load the knowledge base: rule files cannot be read",
          unreadable, null);
    }
    if (files.isEmpty()) {
      throw new RuleBaseException("cannot load the knowledge base",
          List.of(new RuleBaseException.Problem(root.toString(), 0, "no .drl files")), null);
    }
    Path index = root.resolve(INVENTORY_FILE);
    if (!Files.isRegularFile(index)) {
      throw new RuleBaseException("cannot load the knowledge base", List.of(
          new RuleBaseException.Problem(INVENTORY_FILE, 0, "the knowledge index is missing")), null);
    }
    Path vocabulary = root.resolve(Vocabulary.FILE);
    if (!Files.isRegularFile(vocabulary)) {
      throw new RuleBaseException("cannot load the knowledge base", List.of(
          new RuleBaseException.Problem(Vocabulary.FILE, 0,
              "the vocabulary is missing: every observation the rules read is defined in "
                  + Vocabulary.FILE + " (see the README, \"The vocabulary\")")), null);
    }
    Path knowledge = root.resolve(KnowledgeFile.FILE);
    try {
      return new RuleSet(files, Files.readString(index, StandardCharsets.UTF_8),
          Files.readString(vocabulary, StandardCharsets.UTF_8),
          Files.isRegularFile(knowledge) ? Files.readString(knowledge, StandardCharsets.UTF_8)
              : null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the knowledge index or vocabulary under "
          + root, e);
    }
  }
}
