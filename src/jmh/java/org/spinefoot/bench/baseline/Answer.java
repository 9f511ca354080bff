package org.spinefoot.bench.baseline;

/**
 * The answer to one question about the patient. Three-valued on purpose: a question that was
 * not asked is {@link #NOT_ASKED}, never {@link #ABSENT}, so an unasked red flag is not taken as
 * a "no".
 */
public enum Answer {
  /** Asked, and the patient has it: {@code yes} in a record file. */
  PRESENT,
  /** Asked, and the patient does not have it: {@code no} in a record file. */
  ABSENT,
  /**
   * Not asked, or the patient does not know: {@code unknown} in a record file, the same as
   * leaving the question out. Never read as {@link #ABSENT}.
   */
  NOT_ASKED
}
