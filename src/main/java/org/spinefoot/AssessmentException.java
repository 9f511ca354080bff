package org.spinefoot;

/**
 * Assessing one patient failed inside the rules: a rule threw an exception, or the rules kept
 * firing past the limit (a loop). Names the rule and the patient. Other assessments on the same
 * {@link Assessor} are not affected.
 */
public final class AssessmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String patientId;
  private final String ruleName;
  private final String detail;

  public AssessmentException(String patientId, String ruleName, String message, Throwable cause) {
    super("patient " + (patientId == null ? "(no id)" : patientId)
        + (ruleName == null ? "" : ", rule \"" + ruleName + "\"") + ": " + message, cause);
    this.patientId = patientId;
    this.ruleName = ruleName;
    this.detail = message;
  }

  /** What went wrong, without the patient and rule the message starts with. */
  public String detail() {
    return detail;
  }

  public String patientId() {
    return patientId;
  }

  /** The rule that failed or looped, or null when it is not known. */
  public String ruleName() {
    return ruleName;
  }
}
