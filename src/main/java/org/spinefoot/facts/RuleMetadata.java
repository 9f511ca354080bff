package org.spinefoot.facts;

import java.util.Arrays;
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
    String s = value.toString().strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }

  /** A list-valued metadata entry: items separated by {@code ;} (sources) or {@code ,} (IDs). */
  public static List<String> list(Rule rule, String key, String separator) {
    String s = text(rule, key);
    if (s == null || s.isBlank()) {
      return List.of();
    }
    return Arrays.stream(s.split(separator)).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }
}
