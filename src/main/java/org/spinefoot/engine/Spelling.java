package org.spinefoot.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" suggestions for a misspelt word among the valid ones. */
public final class Spelling {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private Spelling() {}

  /**
   * The valid words nearest the wrong one (fewest edits, ignoring case; ties all kept, at most
   * three), or none when even the nearest is too far to be a slip.
   */
  public static List<String> closest(String wrong, Collection<String> valid) {
    String w = wrong.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, w.length() / 3);
    int best = Integer.MAX_VALUE;
    List<String> near = new ArrayList<>();
    for (String v : valid) {
      String lower = v.toLowerCase(Locale.ROOT);
      int d = DISTANCE.apply(w, lower);
      boolean extends_ = Math.min(w.length(), lower.length()) >= 4
          && (w.startsWith(lower) || lower.startsWith(w));
      if (d > limit && !extends_ || d > best) {
        continue;
      }
      if (d < best) {
        best = d;
        near.clear();
      }
      near.add(v);
    }
    return near.stream().limit(3).toList();
  }

  /** {@code "; did you mean X?"} (or {@code X or Y}), or an empty string. */
  public static String didYouMean(String wrong, Collection<String> valid) {
    List<String> near = closest(wrong, valid);
    return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
  }
}
