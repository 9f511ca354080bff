package org.spinefoot;

/**
 * A patient record or test case that cannot be read: malformed, or with a misspelled field, a
 * wrong type, an unknown value or a number out of range. The message names the file, the field
 * path and, where a value was wrong, the values allowed. Nothing is assessed from such a record:
 * a typo must not hide a red flag.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;
  private final String detail;

  public InvalidInputException(String source, String path, String detail, Throwable cause) {
    super(format(source, path, detail), cause);
    this.source = source;
    this.path = path;
    this.detail = detail;
  }

  private static String format(String source, String path, String detail) {
    StringBuilder sb = new StringBuilder(source == null ? "input" : source);
    if (path != null && !path.isEmpty()) {
      sb.append(": ").append(path);
    }
    return sb.append(": ").append(detail).toString();
  }

  /** The file (or other source) the input came from. */
  public String source() {
    return source;
  }

  /** Where in the input the problem is, e.g. {@code signs.bladerLoss}; empty for the whole. */
  public String path() {
    return path;
  }

  /** What is wrong, with the allowed values where that helps. */
  public String detail() {
    return detail;
  }
}
