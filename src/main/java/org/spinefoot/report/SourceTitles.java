package org.spinefoot.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.spinefoot.review.SourceIndex;

/**
 * Names a rule's citation ({@code 003_a4bae2cf7cb8373c.txt#Spinal Stenosis}) by the article's
 * title and section, as {@code rules/sources.yaml} gives them. A citation of an article the index
 * does not list, or a guideline, reads as written.
 */
public final class SourceTitles {
  private static final String UNTITLED = "(untitled) ";
  private final SourceIndex index; // null: no index, every citation reads as written

  public SourceTitles(SourceIndex index) {
    this.index = index;
  }

  /** No titles: every citation reads as written. */
  public static SourceTitles none() {
    return new SourceTitles(null);
  }

  /**
   * The titles in the {@code sources.yaml} of a rule directory, or of the rules packaged in the
   * jar when the directory is null; none when there is no index to read.
   */
  public static SourceTitles of(Path rulesDirectory) {
    try {
      String yaml;
      if (rulesDirectory != null) {
        Path file = rulesDirectory.resolve(SourceIndex.FILE);
        if (!Files.isRegularFile(file)) {
          return none();
        }
        yaml = Files.readString(file, StandardCharsets.UTF_8);
      } else {
        try (InputStream in = SourceTitles.class.getClassLoader()
            .getResourceAsStream("spinefoot/rules/" + SourceIndex.FILE)) {
          if (in == null) {
            return none();
          }
          yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return new SourceTitles(SourceIndex.parse(yaml, SourceIndex.FILE));
    } catch (IOException | RuntimeException e) {
      // A broken index is lint's to report; a report still reads, with citations as written.
      return none();
    }
  }

  public ActionReport.Source name(String citation) {
    int hash = citation.indexOf('#');
    if (index != null && hash > 0) {
      Optional<SourceIndex.Article> article = index.article(citation.substring(0, hash));
      if (article.isPresent()) {
        String title = article.get().title();
        if (title.startsWith(UNTITLED)) {
          title = title.substring(UNTITLED.length());
        }
        String section = citation.substring(hash + 1);
        return new ActionReport.Source(citation, title, section.equals(title) ? "" : section);
      }
    }
    return new ActionReport.Source(citation, citation, "");
  }
}
