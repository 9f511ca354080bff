package org.spinefoot.bench.baseline.engine.facts;

/** The patient's age in years. Inserted only when the record gives it. */
public final class Age {
  private final int years;

  public Age(int years) {
    this.years = years;
  }

  public int getYears() {
    return years;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Age && ((Age) o).years == years;
  }

  @Override
  public int hashCode() {
    return years;
  }

  @Override
  public String toString() {
    return "age " + years;
  }
}
