package org.spinefoot.review;

import java.util.ArrayList;
import java.util.List;

/**
 * The names used in a piece of Java code, dotted ({@code System.exit}, {@code java.io.File}),
 * string and character literals and comments skipped: the parts of a rule's code the DRL parser
 * hands back are Java (or MVEL) that Drools itself compiles later.
 */
final class JavaNames {
  private JavaNames() {}

  static List<String> of(String code) {
    List<String> names = new ArrayList<>();
    int i = 0;
    int n = code.length();
    while (i < n) {
      char c = code.charAt(i);
      if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
        while (i < n && code.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
        int end = code.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && code.charAt(i) != c) {
          i += code.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else if (Character.isJavaIdentifierStart(c)) {
        StringBuilder name = new StringBuilder();
        while (true) {
          int start = i;
          while (i < n && Character.isJavaIdentifierPart(code.charAt(i))) {
            i++;
          }
          name.append(code, start, i);
          int j = i;
          while (j < n && Character.isWhitespace(code.charAt(j))) {
            j++;
          }
          if (j < n && code.charAt(j) == '.') {
            int k = j + 1;
            while (k < n && Character.isWhitespace(code.charAt(k))) {
              k++;
            }
            if (k < n && Character.isJavaIdentifierStart(code.charAt(k))) {
              name.append('.');
              i = k;
              continue;
            }
          }
          break;
        }
        names.add(name.toString());
      } else {
        i++;
      }
    }
    return names;
  }

  /** Lines into the code where a name first appears (0 for the first line). */
  static int lineOf(String code, String name) {
    String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    int at = code.indexOf(first);
    if (at < 0) {
      return 0;
    }
    return (int) code.substring(0, at).chars().filter(c -> c == '\n').count();
  }
}
