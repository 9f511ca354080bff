package org.spinefoot.bench.scale;

import java.util.Objects;

/**
 * An answered observation of a synthetic record: the code of a question in the synthetic
 * vocabulary and whether the answer was yes. A bean with getters, so rules can read it.
 */
public final class Obs {
  private final String code;
  private final boolean present;

  public Obs(String code, boolean present) {
    this.code = code;
    this.present = present;
  }

  public String getCode() {
    return code;
  }

  public boolean isPresent() {
    return present;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Obs other && code.equals(other.code) && present == other.present;
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, present);
  }

  @Override
  public String toString() {
    return code + (present ? "+" : "-");
  }
}
