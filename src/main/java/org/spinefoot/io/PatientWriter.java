package org.spinefoot.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import org.spinefoot.Patient;

/**
 * Writes patient records as YAML in the form {@link PatientReader} reads back strictly: signs
 * and sites by their keys, answers as yes / no / left / right / both; what was not asked is left
 * out. Thread-safe.
 */
public final class PatientWriter {
  // The reader's own vocabulary (keys and answer words), with nulls and empty sections left out.
  private static final ObjectMapper YAML = StrictJson.yaml().copy()
      .setDefaultPropertyInclusion(JsonInclude.Value.construct(
          JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY));

  static {
    ((YAMLMapper) YAML).disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES);
  }

  private PatientWriter() {}

  /** The record as YAML text. */
  public static String toYaml(Patient patient) {
    try {
      return YAML.writeValueAsString(patient);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
