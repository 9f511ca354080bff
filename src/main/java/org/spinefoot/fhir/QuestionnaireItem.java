package org.spinefoot.fhir;

/**
 * One question of the generated Questionnaire.
 *
 * @param linkId the question's key in patient records, e.g. {@code signs.fever}, {@code
 *     numbness.foot}, {@code age}
 * @param text the question in plain words
 * @param kind how it is answered
 * @param redFlag true when a red-flag rule needs the answer, so it must be asked before
 *     self-care
 * @param minValue for {@link Kind#INTEGER}, the smallest value accepted; 0 otherwise
 * @param maxValue for {@link Kind#INTEGER}, the largest value accepted; 0 otherwise
 * @param codes the standard codes of the observation, with the pages they were confirmed on
 * @param askedWhen the questions that trigger it; empty when it is always asked
 */
public record QuestionnaireItem(String linkId, String text, Kind kind, boolean redFlag,
    int minValue, int maxValue, java.util.List<org.spinefoot.Vocabulary.Code> codes,
    java.util.List<String> askedWhen) {
  /** How a question is answered. */
  public enum Kind {
    /** yes or no (codes Y / N). */
    YES_NO,
    /** left, right, both, yes (side not recorded) or no. */
    SIDED,
    /** a whole number from 0 to {@link QuestionnaireItem#maxValue()}. */
    INTEGER
  }

  /** The record's section of the key ({@code signs}, {@code numbness}, {@code pain}), or null. */
  public String section() {
    int dot = linkId.indexOf('.');
    return dot < 0 ? null : linkId.substring(0, dot);
  }
}
