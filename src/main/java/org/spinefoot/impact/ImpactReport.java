package org.spinefoot.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.spinefoot.KnowledgeVersion;
import org.spinefoot.Urgency;

/**
 * What a knowledge change does over a corpus: the before-by-after disposition table, every
 * finding and advice item added, removed or changed in urgency with the rules behind it, every
 * record whose disposition moved (those that went down first, for safety review, with the
 * answers behind the changed conclusions), examples as the clinician's report shows them, and
 * every record that could not be compared. Written as JSON ({@link #toJson()}) and HTML ({@link
 * ImpactHtml}).
 *
 * @param before the knowledge base before the change
 * @param after the knowledge base after it
 * @param corpus what was read
 * @param nothingMoved true when no record's disposition, findings or advice changed
 * @param summary the outcome in one sentence
 * @param dispositions records by disposition before (outer key) and after (inner key)
 * @param wentDown records whose disposition went down: to review for safety
 * @param wentUp records whose disposition went up
 * @param changedWithoutMoving records whose findings or advice changed but not their disposition
 * @param changes every finding and advice change, most records first
 * @param moved every record whose disposition moved: down first, then by record number
 * @param transitions each before-to-after move of the disposition, with example records
 * @param examples the example records, as the clinician's report shows them on each side
 * @param errors every record that could not be assessed on one side or both
 */
@JsonPropertyOrder({"before", "after", "corpus", "nothingMoved", "summary", "dispositions",
    "wentDown", "wentUp", "changedWithoutMoving", "transitions", "changes", "moved", "examples",
    "errors"})
public record ImpactReport(
    Knowledge before,
    Knowledge after,
    CorpusSummary corpus,
    boolean nothingMoved,
    String summary,
    Map<Urgency, Map<Urgency, Long>> dispositions,
    long wentDown,
    long wentUp,
    long changedWithoutMoving,
    List<Change> changes,
    List<Moved> moved,
    List<Transition> transitions,
    List<Example> examples,
    List<RecordError> errors) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A knowledge base, named by where it came from, its version and the hash of its rules.
   *
   * @param source the source as resolved (folder, {@code git:REV}, jar)
   * @param label the one-line name ({@link KnowledgeVersion#label()})
   */
  public record Knowledge(String source, String name, String version, String status,
      String rulesSha256, String label) {
    static Knowledge of(String source, KnowledgeVersion v) {
      return new Knowledge(source, v.name(), v.version(), v.status().code(), v.rulesSha256(),
          v.label());
    }
  }

  /**
   * What was read.
   *
   * @param records records read (blank lines not counted)
   * @param compared records assessed by both knowledge bases
   * @param failed records that could not be assessed by one or both
   * @param blank blank lines skipped
   */
  public record CorpusSummary(String path, long records, long compared, long failed,
      long blank) {}

  /**
   * A rule behind a change.
   *
   * @param id the rule's ID
   * @param name the rule's name: the clinician's sentence
   * @param inventory the inventory IDs it encodes
   */
  public record RuleRef(String id, String name, List<String> inventory) {}

  /**
   * A finding or advice item that changed on some records.
   *
   * @param kind {@code finding} or {@code advice}
   * @param id its ID
   * @param text how it reads
   * @param change {@code added}, {@code removed}, or {@code urgency} (a finding standing on both
   *     sides at another urgency)
   * @param from the finding's urgency before; null for advice and for an added finding
   * @param to the finding's urgency after; null for advice and for a removed finding
   * @param records how many records it changed on
   * @param rules the rules that did it: those supporting it on the side where it stands (for an
   *     urgency change, those supporting it on one side only)
   * @param examples up to three of those records, by number (see {@link #examples()})
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(String kind, String id, String text, String change, Urgency from,
      Urgency to, long records, List<RuleRef> rules, List<Long> examples) {
    /** The change in a few words, e.g. "finding serious-cause-suspected urgency URGENT -> SOON". */
    public String describe() {
      return kind + " " + id + " " + what();
    }

    /** What happened to the item, e.g. "removed (URGENT)" or "urgency URGENT -> SOON". */
    public String what() {
      return switch (change) {
        case "urgency" -> "urgency " + from + " -> " + to;
        case "added" -> "added" + (to == null ? "" : " (" + to + ")");
        default -> "removed" + (from == null ? "" : " (" + from + ")");
      };
    }
  }

  /**
   * A record whose disposition moved.
   *
   * @param record its number (line, or place in the folder)
   * @param source how it is named: {@code line 7}, or its file
   * @param id the record's id; null when it has none
   * @param direction {@code down} or {@code up}
   * @param safetyReview true when it went down: a clinician should check the change is safe
   * @param changes the finding and advice changes on it ({@link Change#describe()})
   * @param answers the record's answers that the rules behind those changes read
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Moved(long record, String source, String id, Urgency before, Urgency after,
      String direction, boolean safetyReview, List<String> changes, List<String> answers) {}

  /**
   * Records whose disposition moved from one level to another.
   *
   * @param examples up to three of them, by number
   */
  public record Transition(Urgency before, Urgency after, long records, List<Long> examples) {}

  /**
   * A record shown as the clinician's report shows it, with each knowledge base.
   *
   * @param beforeReport the clinician's report with the knowledge before
   * @param afterReport the clinician's report with the knowledge after
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Example(long record, String source, String id, Urgency before, Urgency after,
      String beforeReport, String afterReport) {}

  /**
   * A record that could not be assessed, as {@code assess --batch} reports one.
   *
   * @param side {@code before}, {@code after} or {@code both}
   * @param kind {@code input} (not a record), {@code rule} (a rule failed or looped on it) or
   *     {@code internal}
   * @param path where in the record the problem is, for input
   * @param rule the rule that failed, for a rule failure
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RecordError(long record, String source, String id, String side, String kind,
      String path, String rule, String message) {}

  /** The report as indented JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
