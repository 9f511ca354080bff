package org.spinefoot.batch;

/**
 * One line of batch input.
 *
 * @param number the line number, from 1, blank lines included
 * @param text the line without its line break; when {@code problem} is set, as much of it as
 *     could be decoded, used only to find the record's identifier
 * @param problem why the line cannot be read as a record (not UTF-8, too long), or null
 * @param end how much input (bytes or characters) has been consumed up to the end of this line
 */
public record Line(long number, String text, String problem, long end) {
  /** True for a line of only white space, read without a problem. */
  public boolean isBlank() {
    return problem == null && text.isBlank();
  }
}
