package org.spinefoot;

/**
 * The answer to one question about the patient. Three-valued on purpose: a question that was
 * not asked is {@link #NOT_ASKED}, never {@link #ABSENT}, so an unasked red flag is not taken as
 * a "no".
 */
public enum Answer {
  PRESENT,
  ABSENT,
  NOT_ASKED
}
