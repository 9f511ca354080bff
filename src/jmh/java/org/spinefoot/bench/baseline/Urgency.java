package org.spinefoot.bench.baseline;

/**
 * How soon a patient needs care, from least to most urgent. The overall disposition of an
 * assessment is the highest urgency among its findings (inventory INT-02).
 */
public enum Urgency {
  /** Self-care is reasonable; escalate if it persists or worsens. */
  SELF_CARE("self-care is reasonable; see a clinician if it persists or gets worse"),
  /** Book an assessment with a clinician within days. */
  SOON("book an assessment with a clinician within days"),
  /** Medical assessment today. */
  URGENT("get a medical assessment today"),
  /** Call emergency services now. */
  EMERGENCY("call emergency services now");

  private final String meaning;

  Urgency(String meaning) {
    this.meaning = meaning;
  }

  /**
   * What this level means for the patient, in plain words.
   *
   * @return e.g. "get a medical assessment today" for {@link #URGENT}
   */
  public String meaning() {
    return meaning;
  }

  /**
   * Whether this level is as urgent as another, or more.
   *
   * @param other the level to compare with
   * @return true when this is {@code other} or more urgent
   */
  public boolean isAtLeast(Urgency other) {
    return compareTo(other) >= 0;
  }

  /**
   * Whether this level is strictly more urgent than another.
   *
   * @param other the level to compare with
   * @return true when this is more urgent than {@code other}
   */
  public boolean isHigherThan(Urgency other) {
    return compareTo(other) > 0;
  }

  /**
   * Whether a finding at this level stops exercises and self-care advice (INT-01).
   *
   * @return true for {@link #URGENT} and {@link #EMERGENCY}
   */
  public boolean stopsSelfCare() {
    return isAtLeast(URGENT);
  }
}
