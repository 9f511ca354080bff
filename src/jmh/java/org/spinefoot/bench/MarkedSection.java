package org.spinefoot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A section of {@code docs/performance.md} between an HTML-comment begin marker and an end
 * marker, written by a benchmark run on its own ({@link ServiceLoad}, the scale benchmark) and
 * kept as it is when {@link PerformanceReport} rewrites the rest of the file.
 */
public final class MarkedSection {
  private MarkedSection() {}

  /** The section from {@code begin} to {@code end}, markers included; empty when absent. */
  public static String kept(Path doc, String begin, String end) throws IOException {
    if (!Files.exists(doc)) {
      return "";
    }
    String text = Files.readString(doc);
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    return b >= 0 && e > b ? text.substring(b, e + end.length()) : "";
  }

  /**
   * The sections between each pair of markers ({@code begin, end, begin, end, ...}) that the file
   * has, each on lines of its own, to append to a rewritten file.
   */
  public static String keptAll(Path doc, String... markers) throws IOException {
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i + 1 < markers.length; i += 2) {
      String section = kept(doc, markers[i], markers[i + 1]);
      if (!section.isEmpty()) {
        kept.append('\n').append(section).append('\n');
      }
    }
    return kept.toString();
  }

  /**
   * Replaces the section between the markers with {@code section} (which starts with {@code
   * begin} and ends with {@code end}), or appends it when the file has none.
   */
  public static void write(Path doc, String begin, String end, String section)
      throws IOException {
    String text = Files.exists(doc) ? Files.readString(doc) : "# Performance\n";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b >= 0 && e > b) {
      text = text.substring(0, b) + section.strip() + "\n" + text.substring(e + end.length())
          .replaceFirst("^\n", "");
    } else {
      text = text.stripTrailing() + "\n\n" + section;
    }
    Files.createDirectories(doc.toAbsolutePath().getParent());
    Files.writeString(doc, text);
  }
}
