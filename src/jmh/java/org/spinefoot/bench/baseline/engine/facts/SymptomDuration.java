package org.spinefoot.bench.baseline.engine.facts;

/** How many days the symptoms have lasted. Inserted only when the record gives it. */
public final class SymptomDuration {
  private final int days;

  public SymptomDuration(int days) {
    this.days = days;
  }

  public int getDays() {
    return days;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SymptomDuration && ((SymptomDuration) o).days == days;
  }

  @Override
  public int hashCode() {
    return days;
  }

  @Override
  public String toString() {
    return days == 1 ? "symptoms for 1 day" : "symptoms for " + days + " days";
  }
}
