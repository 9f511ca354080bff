package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;

/**
 * A question the knowledge declares a red-flag question ({@code rules/red-flag-questions.yaml}):
 * one a red-flag rule needs, so that leaving it unasked keeps the record out of self-care
 * (INT-03). One such fact per declared question is in every session, e.g.
 * {@code RedFlagQuestion( $path : path )} joined with {@code Question( path == $path, notAsked )}.
 */
public final class RedFlagQuestion {
  private final String path;

  public RedFlagQuestion(String path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The question's place in a patient file, e.g. {@code signs.fever} or {@code numbness.foot}. */
  public String getPath() {
    return path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RedFlagQuestion && ((RedFlagQuestion) o).path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public String toString() {
    return "red-flag question " + path;
  }
}
