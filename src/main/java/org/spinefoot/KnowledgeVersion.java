package org.spinefoot;

import java.util.Objects;

/**
 * Which knowledge decided: the knowledge base's own name, version, status, date and publisher
 * (from {@code rules/knowledge.yaml}, which reviewers keep), and the SHA-256 of the rules that
 * actually ran. Every assessment, report, card, FHIR resource and audit line names it, so a
 * clinical safety officer can tell what was approved and what ran. Immutable and thread-safe.
 *
 * <p>The status is what ran, not only what the file says: a knowledge base whose rules no longer
 * have the hash recorded for its version ({@link #recordedSha256()}), or that has no {@code
 * knowledge.yaml} at all, is {@link Status#DRAFT}: its rules are not the ones that version names.
 *
 * @param name the knowledge base's name, e.g. "spinefoot knowledge base"
 * @param version its version, e.g. "3.0.0"; "unversioned" without a {@code knowledge.yaml}
 * @param status draft, active or retired, as it ran (see above)
 * @param date the date of the version (ISO 8601), or null when none is recorded
 * @param publisher who publishes it, or null when none is recorded
 * @param rulesSha256 SHA-256 (hex) of every rule file, the knowledge index and the vocabulary
 *     that ran
 * @param recordedSha256 the hash recorded for this version in {@code knowledge.yaml}; null when
 *     none is recorded
 */
public record KnowledgeVersion(String name, String version, Status status, String date,
    String publisher, String rulesSha256, String recordedSha256) {

  /** The version of rules that carry no {@code knowledge.yaml}. */
  public static final String UNVERSIONED = "unversioned";

  /** Where a knowledge base stands in its life; the FHIR PublicationStatus codes, less unknown. */
  public enum Status {
    /** Not approved for use: under review, or changed since its version was approved. */
    DRAFT,
    /** Approved for use. */
    ACTIVE,
    /** No longer to be used. */
    RETIRED;

    /**
     * The code as {@code knowledge.yaml} and FHIR write it.
     *
     * @return {@code draft}, {@code active} or {@code retired}
     */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Checks the fields.
   *
   * @param name the knowledge base's name
   * @param version its version
   * @param status draft, active or retired, as it ran
   * @param date the date of the version (ISO 8601), or null
   * @param publisher who publishes it, or null
   * @param rulesSha256 SHA-256 (hex) of the rules that ran
   * @param recordedSha256 the hash recorded for this version, or null
   * @throws NullPointerException if name, version, status or rulesSha256 is null
   */
  public KnowledgeVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rulesSha256, "rulesSha256");
  }

  /**
   * Whether the rules that ran are exactly those recorded for this version.
   *
   * @return true when {@link #rulesSha256()} is the recorded hash
   */
  public boolean matchesRecordedRules() {
    return rulesSha256.equals(recordedSha256);
  }

  /**
   * The short form of the hash, enough to tell two rule sets apart.
   *
   * @return the first 12 hex digits of {@link #rulesSha256()}
   */
  public String shortHash() {
    return rulesSha256.substring(0, Math.min(12, rulesSha256.length()));
  }

  /**
   * One line naming it, e.g. "spinefoot knowledge base 3.0.0 (active, 2026-12-07; rules
   * sha256:3f2a9c0e1b7d)"; a draft says why it is one.
   *
   * @return the line
   */
  public String label() {
    StringBuilder sb = new StringBuilder(name).append(' ').append(version).append(" (")
        .append(status.code());
    if (date != null) {
      sb.append(", ").append(date);
    }
    if (recordedSha256 == null) {
      sb.append(", no recorded version");
    } else if (!matchesRecordedRules()) {
      sb.append(", rules changed since this version was recorded");
    }
    return sb.append("; rules sha256:").append(shortHash()).append(')').toString();
  }
}
