package org.spinefoot.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.spinefoot.Assessor;
import org.spinefoot.InventoryItem;
import org.spinefoot.RuleInfo;

/**
 * Which knowledge base answered: its label, the library version and a content hash of the rules
 * and the questions. The hash changes whenever a rule or a question changes, so a Questionnaire,
 * a card or an audit line can be traced to the exact rules that produced it.
 *
 * @param label the ruleset's name, as shown in a card's source
 * @param libraryVersion the spinefoot version
 * @param contentHash SHA-256 (hex) over every rule's file, line and DRL text, the inventory IDs
 *     and the questions of the record
 */
public record RuleSetVersion(String label, String libraryVersion, String contentHash) {
  /** The library version; kept beside {@code Main}'s version string. */
  public static final String LIBRARY_VERSION = "0.1.0";

  /** Computes the version of a loaded knowledge base. */
  public static RuleSetVersion of(Assessor assessor) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
    List<RuleInfo> rules = assessor.rules().stream()
        .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
        .toList();
    for (RuleInfo r : rules) {
      update(sha, r.file() + "\n" + r.line() + "\n" + r.drl());
    }
    for (InventoryItem item : assessor.inventory()) {
      update(sha, item.toString());
    }
    for (QuestionnaireItem q : SpinefootQuestionnaire.items(assessor.vocabulary())) {
      update(sha, q.linkId() + "\n" + q.kind() + "\n" + q.redFlag() + "\n" + q.text());
    }
    return new RuleSetVersion("spinefoot knowledge base", LIBRARY_VERSION,
        HexFormat.of().formatHex(sha.digest()));
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  /** The version string of the Questionnaire: library version plus the first 12 hash digits. */
  public String questionnaireVersion() {
    return libraryVersion + "+" + contentHash.substring(0, 12);
  }

  /** How a card's source names it, e.g. "spinefoot knowledge base 0.1.0+3f2a9c0e1b7d". */
  public String sourceLabel() {
    return label + " " + questionnaireVersion();
  }
}
