package org.spinefoot.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A change to the patient's record after the first assessment, and what must hold after it
 * (truth maintenance, INT-06).
 *
 * @param description what the step does, in plain words
 * @param set fields merged into the record, in the patient format (e.g. {@code signs: {fever: yes}})
 * @param withdraw answers taken back, as paths (e.g. {@code signs.fever}, {@code age}): they
 *     become "not asked"
 * @param expect what must hold after the change
 */
public record Step(String description, ObjectNode set, List<String> withdraw, Expectation expect) {
  @JsonCreator
  public Step(
      @JsonProperty("description") String description,
      @JsonProperty("set") ObjectNode set,
      @JsonProperty("withdraw") List<String> withdraw,
      @JsonProperty("expect") Expectation expect) {
    if (expect == null) {
      throw new IllegalArgumentException("expect: missing; every step says what must hold after it");
    }
    if (set == null && (withdraw == null || withdraw.isEmpty())) {
      throw new IllegalArgumentException("a step changes the record: give set, withdraw or both");
    }
    this.description = description;
    this.set = set;
    this.withdraw = withdraw == null ? List.of() : List.copyOf(withdraw);
    this.expect = expect;
  }
}
