package org.spinefoot.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A regression test case as written in {@code test-cases/*.yaml}: a patient, what the assessment
 * must show, and optionally steps that change the record.
 *
 * @param name a short title
 * @param description what the case checks, in plain words
 * @param checks the inventory IDs the case is about
 * @param patient the patient record inline, in the patient format; with patientFile, the
 *     fields merged over that file's record
 * @param patientFile a patient file, relative to the case file
 * @param expect what the first assessment must show
 * @param steps later changes to the record, each with its own expectations
 */
public record TestCase(
    String name,
    String description,
    List<String> checks,
    ObjectNode patient,
    String patientFile,
    Expectation expect,
    List<Step> steps) {

  @JsonCreator
  public TestCase(
      @JsonProperty("name") String name,
      @JsonProperty("description") String description,
      @JsonProperty("checks") List<String> checks,
      @JsonProperty("patient") ObjectNode patient,
      @JsonProperty("patientFile") String patientFile,
      @JsonProperty("expect") Expectation expect,
      @JsonProperty("steps") List<Step> steps) {
    require(name, "name");
    require(description, "description");
    if (checks == null || checks.isEmpty()) {
      throw new IllegalArgumentException("checks: missing; list the inventory IDs the case is about");
    }
    if (patient == null && patientFile == null) {
      throw new IllegalArgumentException("give patient (inline), patientFile, or both");
    }
    if (expect == null) {
      throw new IllegalArgumentException("expect: missing; say what the assessment must show");
    }
    this.name = name;
    this.description = description;
    this.checks = List.copyOf(checks);
    this.patient = patient;
    this.patientFile = patientFile;
    this.expect = expect;
    this.steps = steps == null ? List.of() : List.copyOf(steps);
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": missing");
    }
  }
}
