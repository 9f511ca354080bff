package org.spinefoot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of assessing one patient: the overall disposition, the findings with their reasons,
 * the advice, whether exercises must stop, and the red-flag questions left unasked. Immutable and
 * thread-safe.
 *
 * <p>Findings, considerations and advice are grouped by ID: several rules may support one, and
 * each supporting rule gives one {@link Reason}. Write an assessment as JSON with {@link
 * Records#toJson(Assessment)}.
 *
 * @param patientId the record's identifier; null when the record has none
 * @param disposition the highest urgency among the findings (INT-02); SELF_CARE when none
 * @param findings the clinical findings, most urgent first
 * @param considerations causes to consider and notes that carry no urgency of their own,
 *     heaviest (best supported) first
 * @param advice self-care and management advice; empty while an emergency or urgent finding
 *     stands (INT-01)
 * @param stopExercises true when an emergency or urgent finding stands: stop the exercises
 * @param unanswered red-flag questions the record leaves unasked (INT-03)
 * @param conclusions every conclusion standing at the end, intermediate ones included
 * @param knowledge which knowledge decided: its version, status and the hash of the rules
 */
public record Assessment(
    String patientId,
    Urgency disposition,
    List<Finding> findings,
    List<Consideration> considerations,
    List<Advice> advice,
    boolean stopExercises,
    List<UnansweredQuestion> unanswered,
    List<Conclusion> conclusions,
    KnowledgeVersion knowledge) {

  /**
   * Copies the lists.
   *
   * @param patientId the record's identifier; null when the record has none
   * @param disposition the highest urgency among the findings (INT-02); SELF_CARE when none
   * @param findings the clinical findings, most urgent first
   * @param considerations causes to consider and notes that carry no urgency of their own,
   *     heaviest (best supported) first
   * @param advice self-care and management advice; empty while an emergency or urgent finding
   *     stands (INT-01)
   * @param stopExercises true when an emergency or urgent finding stands: stop the exercises
   * @param unanswered red-flag questions the record leaves unasked (INT-03)
   * @param conclusions every conclusion standing at the end, intermediate ones included
   * @param knowledge which knowledge decided: its version, status and the hash of the rules
   * @throws NullPointerException if a list or the knowledge is null, or a list holds null
   */
  public Assessment {
    java.util.Objects.requireNonNull(knowledge, "knowledge");
    findings = List.copyOf(findings);
    considerations = List.copyOf(considerations);
    advice = List.copyOf(advice);
    unanswered = List.copyOf(unanswered);
    conclusions = List.copyOf(conclusions);
  }

  /**
   * Why a conclusion holds: the rule that drew it and what that rule matched.
   *
   * @param rule the rule's ID ({@code @id}), as in {@link RuleInfo#id()}
   * @param ruleName the rule's name: the clinician's sentence
   * @param observations what the rule matched, in plain words: answers from the record and
   *     earlier conclusions
   */
  public record Reason(String rule, String ruleName, List<String> observations) {
    /**
     * Copies the observations.
     *
     * @param rule the rule's ID ({@code @id}), as in {@link RuleInfo#id()}
     * @param ruleName the rule's name: the clinician's sentence
     * @param observations what the rule matched, in plain words: answers from the record and
     *     earlier conclusions
     * @throws NullPointerException if {@code observations} is null or holds null
     */
    public Reason {
      observations = List.copyOf(observations);
    }
  }

  /**
   * A clinical finding; several rules may support the same finding ID.
   *
   * @param id the finding's ID, e.g. {@code lumbar-origin-likely}
   * @param title what it says, for a clinician
   * @param urgency the highest urgency any supporting rule gives it
   * @param inventory the inventory IDs of the supporting rules, e.g. {@code RF-01}
   * @param sources the supporting rules' sources: article file and section, or guideline
   * @param because one reason per supporting rule, by rule ID
   */
  public record Finding(
      String id,
      String title,
      Urgency urgency,
      List<String> inventory,
      List<String> sources,
      List<Reason> because) {
    /**
     * Copies the lists.
     *
     * @param id the finding's ID, e.g. {@code lumbar-origin-likely}
     * @param title what it says, for a clinician
     * @param urgency the highest urgency any supporting rule gives it
     * @param inventory the inventory IDs of the supporting rules, e.g. {@code RF-01}
     * @param sources the supporting rules' sources: article file and section, or guideline
     * @param because one reason per supporting rule, by rule ID
     * @throws NullPointerException if a list is null or holds null
     */
    public Finding {
      inventory = List.copyOf(inventory);
      sources = List.copyOf(sources);
      because = List.copyOf(because);
    }
  }

  /**
   * A cause to consider or a note for the clinician, with no urgency of its own. Listed heaviest
   * first: for causes of sciatica the weight is the number of supporting indicators (INT-04).
   *
   * @param id the consideration's ID
   * @param text what it says, for a clinician
   * @param weight how well supported it is; the highest any supporting rule gives
   * @param inventory the inventory IDs of the supporting rules
   * @param sources the supporting rules' sources
   * @param because one reason per supporting rule, by rule ID
   */
  public record Consideration(
      String id, String text, int weight, List<String> inventory, List<String> sources,
      List<Reason> because) {
    /**
     * Copies the lists.
     *
     * @param id the consideration's ID
     * @param text what it says, for a clinician
     * @param weight how well supported it is; the highest any supporting rule gives
     * @param inventory the inventory IDs of the supporting rules
     * @param sources the supporting rules' sources
     * @param because one reason per supporting rule, by rule ID
     * @throws NullPointerException if a list is null or holds null
     */
    public Consideration {
      inventory = List.copyOf(inventory);
      sources = List.copyOf(sources);
      because = List.copyOf(because);
    }
  }

  /**
   * Advice for the patient; {@code exercise} is true for exercises and stretches, which wait until
   * every red-flag question is answered (INT-01).
   *
   * @param id the advice's ID
   * @param text what to do, for the patient
   * @param inventory the inventory IDs of the supporting rules
   * @param sources the supporting rules' sources
   * @param because one reason per supporting rule, by rule ID
   * @param exercise true for an exercise or a stretch
   */
  public record Advice(
      String id, String text, List<String> inventory, List<String> sources, List<Reason> because,
      boolean exercise) {
    /**
     * Copies the lists.
     *
     * @param id the advice's ID
     * @param text what to do, for the patient
     * @param inventory the inventory IDs of the supporting rules
     * @param sources the supporting rules' sources
     * @param because one reason per supporting rule, by rule ID
     * @param exercise true for an exercise or a stretch
     * @throws NullPointerException if a list is null or holds null
     */
    public Advice {
      inventory = List.copyOf(inventory);
      sources = List.copyOf(sources);
      because = List.copyOf(because);
    }
  }

  /**
   * A red-flag question the record leaves unasked. While one is unasked the disposition is never
   * self-care (INT-03).
   *
   * @param path its place in the record file, e.g. {@code signs.fever}
   * @param question what it asks, in plain words, e.g. "fever"
   */
  public record UnansweredQuestion(String path, String question) {}

  /**
   * Any conclusion standing at the end, including intermediate facts such as a sciatica pattern.
   *
   * @param type the fact class, e.g. {@code Finding}, {@code SciaticaPattern}
   * @param description how it reads
   * @param rule the rule that concluded it
   * @param inventory that rule's inventory IDs
   * @param because what that rule matched, in plain words
   */
  public record Conclusion(
      String type, String description, String rule, List<String> inventory, List<String> because) {
    /**
     * Copies the lists.
     *
     * @param type the fact class, e.g. {@code Finding}, {@code SciaticaPattern}
     * @param description how it reads
     * @param rule the rule that concluded it
     * @param inventory that rule's inventory IDs
     * @param because what that rule matched, in plain words
     * @throws NullPointerException if a list is null or holds null
     */
    public Conclusion {
      inventory = List.copyOf(inventory);
      because = List.copyOf(because);
    }
  }

  /**
   * Every inventory ID named by a rule whose conclusion stands, intermediate conclusions
   * included.
   *
   * @return the IDs, in the order of {@link #conclusions()}, each once
   */
  public Set<String> concludedInventory() {
    Set<String> out = new LinkedHashSet<>();
    conclusions.forEach(c -> out.addAll(c.inventory()));
    return out;
  }

  /**
   * The rules whose conclusions stand, intermediate conclusions included.
   *
   * @return rule IDs, in the order of {@link #conclusions()}, each once
   */
  public Set<String> standingRules() {
    Set<String> out = new LinkedHashSet<>();
    conclusions.forEach(c -> out.add(c.rule()));
    return out;
  }

  /**
   * The finding with this ID, if it stands.
   *
   * @param id a finding ID, as in {@link Finding#id()}
   * @return the finding, or empty when it does not stand
   */
  public java.util.Optional<Finding> finding(String id) {
    return findings.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
