package org.spinefoot.report;

/** Writes text as lines no longer than a width, breaking between words. */
public final class Wrap {
  /** Narrowest width honoured: below it, indents would leave no room for words. */
  static final int MIN_WIDTH = 40;

  private final StringBuilder out = new StringBuilder();
  private final int width;

  public Wrap(int width) {
    this.width = Math.max(MIN_WIDTH, width);
  }

  /** A paragraph: the first line starts with {@code first}, the others with {@code indent}. */
  public Wrap para(String first, String indent, String text) {
    String prefix = first;
    StringBuilder line = new StringBuilder(prefix);
    boolean empty = true;
    for (String word : text.trim().split("\\s+")) {
      if (!empty && line.length() + 1 + word.length() > width) {
        out.append(line).append('\n');
        prefix = indent;
        line = new StringBuilder(prefix);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      // A word longer than the line (a long path) is broken, so no line passes the width.
      while (line.length() + word.length() > width && line.length() < width) {
        int room = width - line.length();
        out.append(line).append(word, 0, room).append('\n');
        word = word.substring(room);
        line = new StringBuilder(indent);
      }
      line.append(word);
      empty = false;
    }
    out.append(line.toString().stripTrailing()).append('\n');
    return this;
  }

  /** A paragraph indented the same on every line. */
  public Wrap para(String indent, String text) {
    return para(indent, indent, text);
  }

  public Wrap blank() {
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
