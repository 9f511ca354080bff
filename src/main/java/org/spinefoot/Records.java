package org.spinefoot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Objects;
import org.spinefoot.io.PatientReader;
import org.spinefoot.io.StrictJson;

/**
 * Patient records in and assessments out, as JSON or YAML, for code that embeds spinefoot.
 * Reading is strict, as for the command line: an unknown or misspelled field, a duplicate key, a
 * {@code null}, an out-of-range value or an unknown answer is an {@link InvalidInputException}
 * naming the field and what is allowed. Stateless and thread-safe.
 *
 * <p>Use these rather than a plain {@code new ObjectMapper()}: a default mapper does not know the
 * record's answers ({@code yes}, {@code left}) and silently takes the last of two duplicate keys.
 */
public final class Records {
  /** The formats a record can be read from. */
  public enum Format {
    /** JSON, as in {@code .json} files. */
    JSON,
    /** YAML, as in {@code .yaml} and {@code .yml} files. */
    YAML
  }

  // ObjectMapper is thread-safe once configured; the assessment is plain records.
  private static final ObjectMapper ASSESSMENT_JSON = new ObjectMapper();

  private Records() {}

  /**
   * Reads one patient record from JSON text.
   *
   * @param json the record, e.g. {@code {"id": "maria", "signs": {"fever": "no"}}}
   * @return the record; questions the text leaves out are not asked
   * @throws InvalidInputException if the text is not a valid record; its source is {@code json}
   * @throws NullPointerException if {@code json} is null
   */
  public static Patient patientFromJson(String json) {
    return parse(json, Format.JSON, "json");
  }

  /**
   * Reads one patient record from YAML text.
   *
   * @param yaml the record, with the same keys and answer words as JSON
   * @return the record; questions the text leaves out are not asked
   * @throws InvalidInputException if the text is not a valid record; its source is {@code yaml}
   * @throws NullPointerException if {@code yaml} is null
   */
  public static Patient patientFromYaml(String yaml) {
    return parse(yaml, Format.YAML, "yaml");
  }

  /**
   * Reads one patient record from text in the given format. Text over a million characters is
   * refused.
   *
   * @param text the record
   * @param format how the text is written
   * @param source how errors name the input, for example a file name or a request ID
   * @return the record; questions the text leaves out are not asked
   * @throws InvalidInputException if the text is not a valid record or is too long
   * @throws NullPointerException if an argument is null
   */
  public static Patient readPatient(String text, Format format, String source) {
    return parse(text, format, source);
  }

  /**
   * Reads one patient record from a reader, to its end, in the given format. The reader is not
   * closed. More than a million characters ({@code 1_000_000}) are refused without reading
   * further.
   *
   * @param reader the text of the record
   * @param format how the text is written
   * @param source how errors name the input, for example a file name or a request ID
   * @return the record; questions the text leaves out are not asked
   * @throws InvalidInputException if the text is not a valid record or is too long
   * @throws UncheckedIOException if reading fails
   * @throws NullPointerException if an argument is null
   */
  public static Patient readPatient(Reader reader, Format format, String source) {
    Objects.requireNonNull(reader, "reader");
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      int n;
      while ((n = reader.read(buffer)) >= 0) {
        text.append(buffer, 0, n);
        if (text.length() > StrictJson.MAX_DOCUMENT_CHARS) {
          throw tooLong(source);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
    return parse(text.toString(), format, source);
  }

  /**
   * Reads one patient file: {@code .json}, {@code .yaml} or {@code .yml}, strict UTF-8. A record
   * without an {@code id} takes the file's name without its extension.
   *
   * @param file the record file; the format is chosen by its extension
   * @return the record; questions the file leaves out are not asked
   * @throws InvalidInputException if the file has another extension, cannot be read or is not a
   *     valid record; the exception names the file
   * @throws NullPointerException if {@code file} is null
   */
  public static Patient readPatient(Path file) {
    return PatientReader.read(Objects.requireNonNull(file, "file"));
  }

  /**
   * A patient record as JSON, in the form {@link #patientFromJson(String)} reads back: answers as
   * {@code yes}, {@code no}, {@code left}, {@code right}, {@code both}; questions not asked left
   * out.
   *
   * @param patient the record
   * @return the record as JSON, which {@link #patientFromJson(String)} reads back equal
   * @throws NullPointerException if {@code patient} is null
   */
  public static String toJson(Patient patient) {
    Objects.requireNonNull(patient, "patient");
    try {
      return StrictJson.json().writeValueAsString(patient);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a patient record could not be written as JSON", e);
    }
  }

  /**
   * A patient record as YAML, in the form {@link #patientFromYaml(String)} reads back: keys and
   * answer words as in a record file; questions not asked left out.
   *
   * @param patient the record
   * @return the record as a YAML document, which {@link #patientFromYaml(String)} reads back
   *     equal
   * @throws NullPointerException if {@code patient} is null
   */
  public static String toYaml(Patient patient) {
    return org.spinefoot.io.PatientWriter.toYaml(Objects.requireNonNull(patient, "patient"));
  }

  /**
   * An assessment as one line of JSON, the form {@code spinefoot assess --format json} prints:
   * {@code patientId}, {@code disposition}, {@code findings}, {@code considerations}, {@code
   * advice}, {@code stopExercises}, {@code unanswered}, {@code conclusions}. Write-only: there is
   * no reader for it.
   *
   * @param assessment the assessment
   * @return one line of JSON, without a line break at the end
   * @throws NullPointerException if {@code assessment} is null
   */
  public static String toJson(Assessment assessment) {
    Objects.requireNonNull(assessment, "assessment");
    try {
      return ASSESSMENT_JSON.writeValueAsString(assessment);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an assessment could not be written as JSON", e);
    }
  }

  /**
   * Writes an assessment as one line of JSON (as {@link #toJson(Assessment)}) to a writer, which
   * is flushed but not closed. No line break is written after it.
   *
   * @param assessment the assessment
   * @param out where to write it
   * @throws UncheckedIOException if writing fails
   * @throws NullPointerException if an argument is null
   */
  public static void writeJson(Assessment assessment, Writer out) {
    Objects.requireNonNull(out, "out");
    try {
      out.write(toJson(assessment));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the assessment: " + e.getMessage(), e);
    }
  }

  private static Patient parse(String text, Format format, String source) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
    if (text.length() > StrictJson.MAX_DOCUMENT_CHARS) {
      throw tooLong(source);
    }
    return PatientReader.parse(
        format == Format.JSON ? StrictJson.json() : StrictJson.yaml(), text, source);
  }

  private static InvalidInputException tooLong(String source) {
    return new InvalidInputException(source, "", "too large: over " + StrictJson.MAX_DOCUMENT_CHARS
        + " characters; allowed: up to " + StrictJson.MAX_DOCUMENT_CHARS, null);
  }
}
