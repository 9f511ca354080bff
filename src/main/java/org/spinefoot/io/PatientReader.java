package org.spinefoot.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;

/**
 * Reads patient records from JSON or YAML, strictly: see {@link StrictJson}. A record without an
 * {@code id} takes its file name. Stateless and thread-safe.
 */
public final class PatientReader {
  private PatientReader() {}

  /** Reads one patient file ({@code .json}, {@code .yaml} or {@code .yml}). */
  public static Patient read(Path file) {
    String source = file.toString();
    ObjectMapper mapper = StrictJson.mapperFor(source);
    return withDefaultId(parse(mapper, readText(file), source), file);
  }

  /** Reads one patient from text, in JSON or YAML as the mapper says. */
  public static Patient parse(ObjectMapper mapper, String text, String source) {
    if (text.isBlank()) {
      throw new InvalidInputException(source, "", "empty input: expected a patient record", null);
    }
    try {
      Patient p = mapper.readValue(text, Patient.class);
      if (p == null) {
        throw new InvalidInputException(source, "", "expected a patient record", null);
      }
      return p;
    } catch (JsonProcessingException e) {
      throw StrictJson.invalid(source, e);
    }
  }

  /** Reads one patient from a tree already parsed (for example inside a test case). */
  public static Patient fromTree(JsonNode node, String source, String pathPrefix) {
    try {
      return StrictJson.json().treeToValue(node, Patient.class);
    } catch (JsonProcessingException e) {
      InvalidInputException inner = StrictJson.invalid(source, e);
      String path = inner.path().isEmpty() ? pathPrefix : pathPrefix + "." + inner.path();
      throw new InvalidInputException(source, path, inner.detail(), e);
    }
  }

  /**
   * Reads a file as strict UTF-8: a file in another encoding is an error, not mojibake. A file
   * larger than {@link StrictJson#MAX_DOCUMENT_CHARS} characters is refused before it is parsed
   * (and one larger than four bytes a character before it is read).
   */
  public static String readText(Path file) {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(source, "", "is a directory, not a file", null);
    }
    try {
      long size = Files.size(file);
      if (size > StrictJson.MAX_DOCUMENT_CHARS * 4L) {
        throw tooLarge(source, size + " bytes");
      }
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
      if (text.length() > StrictJson.MAX_DOCUMENT_CHARS) {
        throw tooLarge(source, text.length() + " characters");
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(source, "", "not UTF-8 text", e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidInputException(source, "", "no such file", e);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new InvalidInputException(source, "", "permission denied", e);
    } catch (IOException e) {
      throw new InvalidInputException(source, "", "cannot read: " + e.getMessage(), e);
    }
  }

  private static InvalidInputException tooLarge(String source, String size) {
    return new InvalidInputException(source, "", "file too large: " + size + "; allowed: up to "
        + StrictJson.MAX_DOCUMENT_CHARS + " characters", null);
  }

  private static Patient withDefaultId(Patient p, Path file) {
    if (p.id() != null) {
      return p;
    }
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return p.withId(dot > 0 ? name.substring(0, dot) : name);
  }
}
