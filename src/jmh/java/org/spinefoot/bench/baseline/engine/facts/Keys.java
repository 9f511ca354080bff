package org.spinefoot.bench.baseline.engine.facts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The names enum constants have in patient files: lower camel case of the Java name. */
public final class Keys {
  private Keys() {}

  /** {@code BLADDER_OR_BOWEL_CONTROL_LOST} becomes {@code bladderOrBowelControlLost}. */
  public static String camelCase(String constantName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : constantName.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** Looks up an enum constant by its key. */
  public static <E extends Enum<E>> Optional<E> find(Class<E> type, String key) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> camelCase(e.name()).equals(key))
        .findFirst();
  }

  /** The keys of all constants, comma-separated, for error messages. */
  public static <E extends Enum<E>> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> camelCase(e.name()))
        .collect(Collectors.joining(", "));
  }
}
