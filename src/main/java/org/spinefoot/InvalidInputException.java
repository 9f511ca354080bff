package org.spinefoot;

/**
 * A patient record or test case that cannot be read: malformed, or with a misspelled field, a
 * wrong type, an unknown value or a number out of range. The message names the file, the field
 * path and, where a value was wrong, the values allowed. Nothing is assessed from such a record:
 * a typo must not hide a red flag.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The file or other source the input came from. */
  private final String source;
  /** Where in the input the problem is; empty or null for the whole input. */
  private final String path;
  /** What is wrong. */
  private final String detail;

  /**
   * A record that cannot be read. The message reads {@code <source>: <path>: <detail>}.
   *
   * @param source the file or other source the input came from; null reads as "input"
   * @param path where in the input the problem is, e.g. {@code signs.fever}; null or empty for
   *     the whole input
   * @param detail what is wrong, with the allowed values where that helps
   * @param cause the parser's exception, or null
   */
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

  /**
   * The file (or other source) the input came from.
   *
   * @return e.g. a file name, {@code json}, or the name the caller gave; may be null
   */
  public String source() {
    return source;
  }

  /**
   * Where in the input the problem is.
   *
   * @return a field path, e.g. {@code signs.bladerLoss}; empty (or null) for the whole input
   */
  public String path() {
    return path;
  }

  /**
   * What is wrong, with the allowed values where that helps.
   *
   * @return the message without the source and path
   */
  public String detail() {
    return detail;
  }
}
