package org.spinefoot;

/**
 * Assessing one patient failed inside the rules: a rule threw an exception, or the rules kept
 * firing past the limit (a loop). Names the rule and the patient. Other assessments on the same
 * {@link Assessor} are not affected.
 */
public final class AssessmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The record's identifier, or null. */
  private final String patientId;
  /** The rule that failed or looped, or null. */
  private final String ruleName;
  /** What went wrong, without the patient and the rule. */
  private final String detail;

  /**
   * A failed assessment. The message reads {@code patient <id>, rule "<name>": <message>}.
   *
   * @param patientId the record's identifier; null when the record has none
   * @param ruleName the rule that failed or looped; null when it is not known
   * @param message what went wrong
   * @param cause the exception the rule threw, or null
   */
  public AssessmentException(String patientId, String ruleName, String message, Throwable cause) {
    super("patient " + (patientId == null ? "(no id)" : patientId)
        + (ruleName == null ? "" : ", rule \"" + ruleName + "\"") + ": " + message, cause);
    this.patientId = patientId;
    this.ruleName = ruleName;
    this.detail = message;
  }

  /**
   * What went wrong, without the patient and rule the message starts with.
   *
   * @return e.g. "the rules fired 10000 times without settling: the rule loops"
   */
  public String detail() {
    return detail;
  }

  /**
   * The patient whose assessment failed.
   *
   * @return the record's identifier, or null when the record has none
   */
  public String patientId() {
    return patientId;
  }

  /**
   * The rule that failed or looped.
   *
   * @return the rule's name (the clinician's sentence), or null when it is not known
   */
  public String ruleName() {
    return ruleName;
  }
}
