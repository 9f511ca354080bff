package org.spinefoot;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" suggestions for a misspelt word among the valid ones. */
public final class Spelling {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private Spelling() {}

  /** The valid words closest to the wrong one (at most three), or none when nothing is close. */
  public static List<String> closest(String wrong, Collection<String> valid) {
    String w = wrong.toLowerCase(java.util.Locale.ROOT);
    int limit = Math.max(2, w.length() / 3);
    return valid.stream()
        .filter(v -> DISTANCE.apply(w, v.toLowerCase(java.util.Locale.ROOT)) <= limit
            || v.toLowerCase(java.util.Locale.ROOT).contains(w)
            || w.contains(v.toLowerCase(java.util.Locale.ROOT)))
        .sorted(Comparator.comparingInt(v -> DISTANCE.apply(w, v.toLowerCase(java.util.Locale.ROOT))))
        .limit(3)
        .toList();
  }

  /** {@code "; did you mean X?"} (or {@code X or Y}), or an empty string. */
  public static String didYouMean(String wrong, Collection<String> valid) {
    List<String> near = closest(wrong, valid);
    return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
  }
}
