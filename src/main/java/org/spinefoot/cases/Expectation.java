package org.spinefoot.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.spinefoot.Urgency;

/**
 * What a test case expects of one assessment. Checks are partial: only what is listed is checked.
 *
 * @param disposition the overall urgency, exactly
 * @param present IDs that must stand: finding, consideration or advice IDs, or inventory IDs
 *     named by a standing conclusion's rule
 * @param absent IDs that must not stand (the near-miss)
 * @param rulesFired rule IDs that must have fired, with their conclusions standing at the end
 * @param rulesNotFired rule IDs whose conclusions must not stand at the end
 * @param stopExercises whether the exercises must stop
 * @param unanswered the red-flag questions left unasked, as paths such as {@code signs.fever}:
 *     exactly this set
 * @param ranked consideration IDs that must stand in this order (best supported first, INT-04);
 *     others may stand between them
 * @param says words the text of a standing finding or advice must contain, by its ID (for
 *     example the safety net's review time, SC-10)
 */
public record Expectation(
    Urgency disposition,
    List<String> present,
    List<String> absent,
    List<String> rulesFired,
    List<String> rulesNotFired,
    Boolean stopExercises,
    List<String> unanswered,
    List<String> ranked,
    java.util.Map<String, String> says) {

  @JsonCreator
  public Expectation(
      @JsonProperty("disposition") Urgency disposition,
      @JsonProperty("present") List<String> present,
      @JsonProperty("absent") List<String> absent,
      @JsonProperty("rulesFired") List<String> rulesFired,
      @JsonProperty("rulesNotFired") List<String> rulesNotFired,
      @JsonProperty("stopExercises") Boolean stopExercises,
      @JsonProperty("unanswered") List<String> unanswered,
      @JsonProperty("ranked") List<String> ranked,
      @JsonProperty("says") java.util.Map<String, String> says) {
    this.disposition = disposition;
    this.present = present == null ? List.of() : List.copyOf(present);
    this.absent = absent == null ? List.of() : List.copyOf(absent);
    this.rulesFired = rulesFired == null ? List.of() : List.copyOf(rulesFired);
    this.rulesNotFired = rulesNotFired == null ? List.of() : List.copyOf(rulesNotFired);
    this.stopExercises = stopExercises;
    this.unanswered = unanswered == null ? null : List.copyOf(unanswered);
    this.ranked = ranked == null ? List.of() : List.copyOf(ranked);
    this.says = says == null ? java.util.Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(says));
  }

  /** True when nothing is checked: such an expectation could never fail. */
  public boolean isEmpty() {
    return disposition == null && present.isEmpty() && absent.isEmpty() && rulesFired.isEmpty()
        && rulesNotFired.isEmpty() && stopExercises == null && unanswered == null
        && ranked.isEmpty() && says.isEmpty();
  }
}
