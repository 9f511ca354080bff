package org.spinefoot.cli;

import org.spinefoot.Assessment;

/**
 * Text from a record (an id, a file name, a value quoted in a message) made safe to print: a
 * control character is shown escaped ({@code \n}, {@code \u001b}), so a record cannot break a
 * report's lines or fake a {@code spinefoot:} message.
 */
final class Printable {
  private Printable() {}

  static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.getType(c) == Character.CONTROL
          || c == '\u2028' || c == '\u2029';
      if (control && sb == null) {
        sb = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (sb != null) {
        if (!control) {
          sb.append(c);
        } else if (c == '\n') {
          sb.append("\\n");
        } else if (c == '\r') {
          sb.append("\\r");
        } else if (c == '\t') {
          sb.append("\\t");
        } else {
          sb.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return sb == null ? text : sb.toString();
  }

  /** The assessment with its patient id escaped for a text report. */
  static Assessment forText(Assessment a) {
    String id = escape(a.patientId());
    return id == null || id.equals(a.patientId()) ? a : new Assessment(id, a.disposition(),
        a.findings(), a.considerations(), a.advice(), a.stopExercises(), a.unanswered(),
        a.conclusions(), a.knowledge());
  }
}
