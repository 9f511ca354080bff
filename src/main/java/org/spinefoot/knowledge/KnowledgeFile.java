package org.spinefoot.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spinefoot.KnowledgeVersion;
import org.spinefoot.RuleBaseException;

/**
 * {@code rules/knowledge.yaml}: the knowledge base's name, version, status, date, publisher, the
 * hash of the rules its version was recorded for, and its change log, newest first. Read
 * strictly: an unknown field, a missing one or a bad value stops the loading, with the line.
 *
 * @param name the knowledge base's name
 * @param version its version
 * @param status draft, active or retired
 * @param date the date of the version (ISO 8601)
 * @param publisher who publishes it
 * @param rulesSha256 the hash of the rules this version was recorded for ({@code ./spinefoot
 *     lint} prints the current one)
 * @param changes the change log, newest first; the first entry is this version
 */
public record KnowledgeFile(String name, String version, String status, String date,
    String publisher, String rulesSha256, List<Change> changes) {

  /** The file's name beside the rules. */
  static final String FILE = "knowledge.yaml";

  /**
   * One entry of the change log.
   *
   * @param version the version it made
   * @param date when (ISO 8601)
   * @param summary what changed and why, in a reviewer's words
   */
  record Change(String version, String date, String summary) {}

  /** Reads the file's text; every problem is a {@link RuleBaseException} naming the line. */
  static KnowledgeFile read(String yaml) {
    KnowledgeFile file;
    try {
      file = org.spinefoot.io.StrictJson.yaml().readValue(yaml, KnowledgeFile.class);
    } catch (JsonProcessingException e) {
      if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
        // A record is bound once all its fields are read, so Jackson reports the end of the
        // document; the misspelt field's own line is where the reviewer must look.
        throw problem(org.spinefoot.io.YamlLines.of(yaml).lineOf(u.getPropertyName()),
            "unknown field '" + u.getPropertyName() + "'; allowed: " + String.join(", ",
                u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
      }
      throw problem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          org.spinefoot.io.StrictJson.invalid(FILE, e).getMessage());
    }
    if (file == null) {
      throw problem(0, "the file is empty; it names the knowledge base's name, version, status, "
          + "date, publisher, rulesSha256 and changes");
    }
    file.check();
    return file;
  }

  private void check() {
    List<String> missing = new ArrayList<>();
    if (blank(name)) {
      missing.add("name");
    }
    if (blank(version)) {
      missing.add("version");
    }
    if (blank(status)) {
      missing.add("status");
    }
    if (blank(date)) {
      missing.add("date");
    }
    if (blank(publisher)) {
      missing.add("publisher");
    }
    if (changes == null || changes.isEmpty()) {
      missing.add("changes");
    }
    if (!missing.isEmpty()) {
      throw problem(0, "missing " + String.join(", ", missing));
    }
    statusValue();
    checkDate("date", date);
    if (rulesSha256 != null && !rulesSha256.matches("[0-9a-f]{64}")) {
      throw problem(0, "rulesSha256: '" + rulesSha256 + "' is not a SHA-256 in hex; allowed: 64 "
          + "hex digits, as ./spinefoot lint prints them");
    }
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      String where = "changes[" + i + "]";
      if (c == null || blank(c.version()) || blank(c.date()) || blank(c.summary())) {
        throw problem(0, where + ": each change names its version, date and summary");
      }
      checkDate(where + ".date", c.date());
    }
    if (!changes.get(0).version().equals(version) || !changes.get(0).date().equals(date)) {
      throw problem(0, "changes[0] is version " + changes.get(0).version() + " of "
          + changes.get(0).date() + ", but the knowledge base is version " + version + " of "
          + date + ": the newest change comes first and is the current version");
    }
  }

  KnowledgeVersion.Status statusValue() {
    for (KnowledgeVersion.Status s : KnowledgeVersion.Status.values()) {
      if (s.code().equals(status)) {
        return s;
      }
    }
    throw problem(0, "status: '" + status + "' is not a status; allowed: "
        + String.join(", ", Arrays.stream(KnowledgeVersion.Status.values())
            .map(KnowledgeVersion.Status::code).toList()));
  }

  /** What ran: the version as recorded, a draft when the rules are not the recorded ones. */
  KnowledgeVersion version(String rulesSha256Now) {
    KnowledgeVersion.Status declared = statusValue();
    boolean same = rulesSha256Now.equals(rulesSha256);
    return new KnowledgeVersion(name, version, same ? declared : KnowledgeVersion.Status.DRAFT,
        date, publisher, rulesSha256Now, rulesSha256);
  }

  /** The version of rules without a {@code knowledge.yaml}: unversioned, a draft. */
  static KnowledgeVersion unversioned(String rulesSha256Now) {
    return new KnowledgeVersion("spinefoot knowledge base", KnowledgeVersion.UNVERSIONED,
        KnowledgeVersion.Status.DRAFT, null, null, rulesSha256Now, null);
  }

  private static void checkDate(String field, String value) {
    try {
      LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw problem(0, field + ": '" + value + "' is not a date; allowed: YYYY-MM-DD");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static RuleBaseException problem(int line, String message) {
    return new RuleBaseException("the knowledge base's version file cannot be read",
        List.of(new RuleBaseException.Problem(FILE, line, message)), null);
  }
}
