package org.spinefoot.fhir;

import org.spinefoot.Assessor;
import org.spinefoot.KnowledgeVersion;

/**
 * Which knowledge base answered, as the FHIR resources, the cards and the audit lines name it:
 * the knowledge base's own version ({@code rules/knowledge.yaml}, with the hash of the rules that
 * ran) and the library version. A Questionnaire, a card or an audit line can be traced to the
 * exact rules that produced it, and to whether that version was approved.
 *
 * @param libraryVersion the spinefoot library's version
 * @param knowledge the knowledge base's version, status, date, publisher and rules hash
 */
public record RuleSetVersion(String libraryVersion, KnowledgeVersion knowledge) {
  /** The library version; kept beside {@code Main}'s version string. */
  public static final String LIBRARY_VERSION = "0.1.0";

  /** The version of a loaded knowledge base. */
  public static RuleSetVersion of(Assessor assessor) {
    return new RuleSetVersion(LIBRARY_VERSION, assessor.knowledge());
  }

  /** The knowledge base's name, as shown in a card's source. */
  public String label() {
    return knowledge.name();
  }

  /** SHA-256 (hex) of the rule files, the knowledge index and the vocabulary that ran. */
  public String contentHash() {
    return knowledge.rulesSha256();
  }

  /**
   * The business version of the Questionnaire and of the knowledge behind a card: the
   * knowledge base's version plus the first 12 digits of the rules' hash, e.g. "3.0.0+3f2a9c0e1b7d"
   * (so two drafts of one version never share a version string).
   */
  public String questionnaireVersion() {
    return knowledge.version() + "+" + knowledge.shortHash();
  }

  /** How a card's source names it: {@link KnowledgeVersion#label()}. */
  public String sourceLabel() {
    return knowledge.label();
  }
}
