package org.spinefoot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of assessing one patient: the overall disposition, the findings with their reasons,
 * the advice, whether exercises must stop, and the red-flag questions left unasked. Immutable and
 * thread-safe.
 *
 * @param patientId the record's identifier
 * @param disposition the highest urgency among the findings (INT-02); SELF_CARE when none
 * @param findings the clinical findings, most urgent first
 * @param considerations causes to consider and notes that carry no urgency of their own,
 *     heaviest (best supported) first
 * @param advice self-care and management advice; empty while an emergency or urgent finding
 *     stands (INT-01)
 * @param stopExercises true when an emergency or urgent finding stands: stop the exercises
 * @param unanswered red-flag questions the record leaves unasked (INT-03)
 * @param conclusions every conclusion standing at the end, intermediate ones included
 */
public record Assessment(
    String patientId,
    Urgency disposition,
    List<Finding> findings,
    List<Consideration> considerations,
    List<Advice> advice,
    boolean stopExercises,
    List<UnansweredQuestion> unanswered,
    List<Conclusion> conclusions) {

  public Assessment {
    findings = List.copyOf(findings);
    considerations = List.copyOf(considerations);
    advice = List.copyOf(advice);
    unanswered = List.copyOf(unanswered);
    conclusions = List.copyOf(conclusions);
  }

  /** Why a conclusion holds: the rule that drew it and what that rule matched. */
  public record Reason(String rule, String ruleName, List<String> observations) {
    public Reason {
      observations = List.copyOf(observations);
    }
  }

  /** A clinical finding; several rules may support the same finding ID. */
  public record Finding(
      String id,
      String title,
      Urgency urgency,
      List<String> inventory,
      List<String> sources,
      List<Reason> because) {
    public Finding {
      inventory = List.copyOf(inventory);
      sources = List.copyOf(sources);
      because = List.copyOf(because);
    }
  }

  /**
   * A cause to consider or a note for the clinician, with no urgency of its own. Listed heaviest
   * first: for causes of sciatica the weight is the number of supporting indicators (INT-04).
   */
  public record Consideration(
      String id, String text, int weight, List<String> inventory, List<String> sources,
      List<Reason> because) {
    public Consideration {
      inventory = List.copyOf(inventory);
      sources = List.copyOf(sources);
      because = List.copyOf(because);
    }
  }

  /**
   * Advice for the patient; {@code exercise} is true for exercises and stretches, which wait until
   * every red-flag question is answered (INT-01).
   */
  public record Advice(
      String id, String text, List<String> inventory, List<String> sources, List<Reason> because,
      boolean exercise) {
    public Advice {
      inventory = List.copyOf(inventory);
      sources = List.copyOf(sources);
      because = List.copyOf(because);
    }
  }

  /** A red-flag question the record leaves unasked: its place in the file, and what it asks. */
  public record UnansweredQuestion(String path, String question) {}

  /**
   * Any conclusion standing at the end, including intermediate facts such as a sciatica pattern.
   *
   * @param type the fact class, e.g. {@code Finding}, {@code SciaticaPattern}
   * @param description how it reads
   * @param rule the rule that concluded it
   * @param inventory that rule's inventory IDs
   * @param because what that rule matched
   */
  public record Conclusion(
      String type, String description, String rule, List<String> inventory, List<String> because) {
    public Conclusion {
      inventory = List.copyOf(inventory);
      because = List.copyOf(because);
    }
  }

  /** Every inventory ID named by a rule whose conclusion stands. */
  public Set<String> concludedInventory() {
    Set<String> out = new LinkedHashSet<>();
    conclusions.forEach(c -> out.addAll(c.inventory()));
    return out;
  }

  /** IDs of the rules whose conclusions stand. */
  public Set<String> standingRules() {
    Set<String> out = new LinkedHashSet<>();
    conclusions.forEach(c -> out.add(c.rule()));
    return out;
  }

  /** The finding with this ID, if it stands. */
  public java.util.Optional<Finding> finding(String id) {
    return findings.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
