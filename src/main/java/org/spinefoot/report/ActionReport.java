package org.spinefoot.report;

import java.util.List;
import org.spinefoot.Urgency;

/**
 * One assessment arranged for someone to act on, in the order it is read: the disposition and
 * what to do now, the safety net, the red-flag questions to ask next with what a "yes" would
 * mean, the findings at the disposition's urgency, then the lower-urgency findings, the causes
 * to consider and the advice. Related findings are merged ({@link Merges}); reasons name only
 * what the record answered. Every renderer (clinician text, patient text, HTML, JSON) reads this.
 *
 * @param patientId the record's identifier
 * @param disposition the overall urgency
 * @param action what the disposition means to do, in plain words
 * @param stopExercises true when an emergency or urgent finding stands
 * @param safetyNet the safety-net advice (inventory SC-10): which new symptoms mean getting help
 * @param askNext the questions whose answer could raise the disposition, then the other
 *     unanswered red-flag questions, each with the highest disposition an answer would give
 * @param findings the findings at the disposition's urgency, merged, most important first
 * @param otherFindings the findings below the disposition's urgency, merged
 * @param causes the causes and notes to consider that the record supports
 * @param unsupportedCauses causes of sciatica that nothing in the record supports, by name
 * @param advice the advice in clinical order: what to stop or do first, exercises, general
 * @param wouldChange for the answered questions, each single change of an answer that would
 *     change the disposition, e.g. "if yes to ... (now no): EMERGENCY"
 * @param knowledge which knowledge decided, in one line ({@link
 *     org.spinefoot.KnowledgeVersion#label()})
 */
public record ActionReport(
    String patientId,
    Urgency disposition,
    String action,
    boolean stopExercises,
    List<Item> safetyNet,
    List<Question> askNext,
    List<Item> findings,
    List<Item> otherFindings,
    List<Item> causes,
    List<String> unsupportedCauses,
    List<Item> advice,
    List<String> wouldChange,
    String knowledge) {

  public ActionReport {
    wouldChange = List.copyOf(wouldChange);
    safetyNet = List.copyOf(safetyNet);
    askNext = List.copyOf(askNext);
    findings = List.copyOf(findings);
    otherFindings = List.copyOf(otherFindings);
    causes = List.copyOf(causes);
    unsupportedCauses = List.copyOf(unsupportedCauses);
    advice = List.copyOf(advice);
  }

  /**
   * An unanswered red-flag question.
   *
   * @param path its place in the record, e.g. {@code signs.fever}
   * @param question what it asks
   * @param ifYes the disposition the record would get if the answer were yes
   */
  public record Question(String path, String question, Urgency ifYes) {}

  /**
   * A finding, cause or piece of advice, with the related ones merged into it.
   *
   * @param id the ID of the leading conclusion
   * @param merged the IDs of the conclusions merged into this one (empty when none)
   * @param text how it reads
   * @param urgency the urgency of a finding; null for causes and advice
   * @param reason what in the record supports it: answered observations only, without
   *     duplicates; empty when it rests on nothing the record answered
   * @param inventory the inventory IDs of the rules behind it
   * @param rules the IDs of the rules behind it
   * @param sources the articles and sections (or guidelines) it comes from
   */
  public record Item(String id, List<String> merged, String text, Urgency urgency,
      List<String> reason, List<String> inventory, List<String> rules, List<Source> sources) {
    public Item {
      merged = List.copyOf(merged);
      reason = List.copyOf(reason);
      inventory = List.copyOf(inventory);
      rules = List.copyOf(rules);
      sources = List.copyOf(sources);
    }
  }

  /**
   * A source as a reader names it.
   *
   * @param citation as the rule cites it ({@code file#section} or a guideline)
   * @param title the article's title, or the guideline citation
   * @param section the section heading; empty for a guideline
   */
  public record Source(String citation, String title, String section) {
    /** "Title: Section", or the title alone. */
    public String readable() {
      return section.isEmpty() ? title : title + ": " + section;
    }
  }
}
