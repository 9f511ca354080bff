package org.spinefoot.bench.baseline.engine.facts;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.rule.Rule;

/** Reads the provenance metadata every rule carries: {@code @id}, {@code @inventory}, ... */
public final class RuleMetadata {
  public static final String ID = "id";
  public static final String INVENTORY = "inventory";
  public static final String URGENCY = "urgency";
  public static final String SOURCE = "source";
  /** Why a rule reads its source more widely than the letter (revision 2, INT-02). Optional. */
  public static final String SAFER_READING = "saferReading";

  /** The {@code @urgency} of rules that conclude no finding of their own. */
  public static final String NO_URGENCY = "NONE";

  private RuleMetadata() {}

  /** A metadata value as text, without the quotes of the DRL literal; null when missing. */
  public static String text(Rule rule, String key) {
    Object value = rule.getMetaData().get(key);
    if (value == null) {
      return null;
    }
    List<String> literals = literals(value.toString());
    return literals.size() == 1 ? literals.get(0) : String.join("; ", literals);
  }

  /**
   * A list-valued metadata entry: the values given as separate strings ({@code @source("a",
   * "b")}), each also split at the separator: {@code ;} for sources, {@code ,} for IDs.
   */
  public static List<String> list(Rule rule, String key, String separator) {
    Object value = rule.getMetaData().get(key);
    return value == null ? List.of() : split(value.toString(), separator);
  }

  /**
   * The values of an annotation as written in DRL ({@code "a", "b"} or {@code "a; b"}): the
   * string literals, each split at the separator, stripped, blanks dropped.
   */
  public static List<String> split(String annotationText, String separator) {
    List<String> out = new ArrayList<>();
    for (String literal : literals(annotationText)) {
      for (String part : literal.split(java.util.regex.Pattern.quote(separator))) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The string literals of an annotation's text, in order: {@code "a", "b"} gives a and b;
   * text that is not quoted is one value as it stands.
   */
  public static List<String> literals(String annotationText) {
    String s = annotationText.strip();
    if (!s.startsWith("\"")) {
      return s.isEmpty() ? List.of() : List.of(s);
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) != '"') {
        i++; // commas and spaces between literals
        continue;
      }
      StringBuilder literal = new StringBuilder();
      int j = i + 1;
      while (j < s.length() && s.charAt(j) != '"') {
        if (s.charAt(j) == '\\' && j + 1 < s.length()) {
          j++;
        }
        literal.append(s.charAt(j));
        j++;
      }
      out.add(literal.toString());
      i = j + 1;
    }
    return out;
  }
}
