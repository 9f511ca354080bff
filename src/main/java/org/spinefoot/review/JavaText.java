package org.spinefoot.review;

import java.util.ArrayList;
import java.util.List;

/**
 * The little the mutation tests need to know about a rule's action, which is Java code the DRL
 * parser leaves as text: where calls stand and where a word stands outside string literals and
 * comments.
 */
final class JavaText {
  /**
   * One call statement, e.g. {@code insertLogical(new Finding(...));}.
   *
   * @param start offset of the call's name
   * @param end offset after the statement's semicolon
   * @param lineOffset lines between the start of the action and the call
   */
  record Call(int start, int end, String text, int lineOffset) {}

  private JavaText() {}

  /** Marks each character as code (true) or inside a string, character literal or comment. */
  static boolean[] codeMask(String s) {
    boolean[] code = new boolean[s.length()];
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        i = Math.min(j + 1, s.length());
      } else if (s.startsWith("//", i)) {
        int j = s.indexOf('\n', i);
        i = j < 0 ? s.length() : j;
      } else if (s.startsWith("/*", i)) {
        int j = s.indexOf("*/", i + 2);
        i = j < 0 ? s.length() : j + 2;
      } else {
        code[i] = true;
        i++;
      }
    }
    return code;
  }

  /** The calls of {@code name(...)} that stand as statements, in order. */
  static List<Call> calls(String s, String name) {
    boolean[] code = codeMask(s);
    List<Call> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int at = s.indexOf(name, from);
      if (at < 0) {
        return out;
      }
      from = at + name.length();
      boolean word = code[at] && (at == 0 || !Character.isJavaIdentifierPart(s.charAt(at - 1)));
      int open = skipSpaces(s, at + name.length());
      if (!word || open >= s.length() || s.charAt(open) != '(') {
        continue;
      }
      int depth = 0;
      int i = open;
      for (; i < s.length(); i++) {
        if (!code[i]) {
          continue;
        }
        if (s.charAt(i) == '(') {
          depth++;
        } else if (s.charAt(i) == ')' && --depth == 0) {
          break;
        }
      }
      int end = skipSpaces(s, i + 1);
      if (end < s.length() && s.charAt(end) == ';') {
        end++;
      }
      int lines = (int) s.substring(0, at).chars().filter(ch -> ch == '\n').count();
      out.add(new Call(at, Math.min(end, s.length()), s.substring(at, Math.min(end, s.length())),
          lines));
      from = end;
    }
  }

  /** The code with every whole {@code word} outside strings and comments replaced. */
  static String replaceWord(String s, String word, String replacement) {
    boolean[] code = codeMask(s);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      boolean whole = s.startsWith(word, i) && code[i]
          && (i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1)))
          && (i + word.length() >= s.length()
              || !Character.isJavaIdentifierPart(s.charAt(i + word.length())));
      if (whole) {
        out.append(replacement);
        i += word.length();
      } else {
        out.append(s.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
