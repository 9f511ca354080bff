package org.spinefoot.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    return read(file, org.spinefoot.Vocabulary.packaged());
  }

  /** Reads one patient file whose questions come from a vocabulary. */
  public static Patient read(Path file, org.spinefoot.Vocabulary vocabulary) {
    String source = file.toString();
    ObjectMapper mapper = StrictJson.mapperFor(source, vocabulary);
    return withDefaultId(parse(mapper, readText(file), source), file);
  }

  /** Reads one patient from text, in JSON or YAML as the mapper says. */
  public static Patient parse(ObjectMapper mapper, String text, String source) {
    if (text.isBlank()) {
      throw new InvalidInputException(source, "", "empty input: expected a patient record", null);
    }
    text = withoutByteOrderMark(text);
    StrictJson.refuseNulls(mapper, text, source);
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
    return fromTree(node, source, pathPrefix, org.spinefoot.Vocabulary.packaged());
  }

  /** As {@link #fromTree(JsonNode, String, String)}, for the questions of a vocabulary. */
  public static Patient fromTree(JsonNode node, String source, String pathPrefix,
      org.spinefoot.Vocabulary vocabulary) {
    StrictJson.refuseNulls(node, source, pathPrefix);
    try {
      return StrictJson.json(vocabulary).treeToValue(node, Patient.class);
    } catch (JsonProcessingException e) {
      InvalidInputException inner = StrictJson.invalid(source, e);
      String path = inner.path().isEmpty() ? pathPrefix : pathPrefix + "." + inner.path();
      throw new InvalidInputException(source, path, inner.detail(), e);
    }
  }

  /** How long reading one file may take before it is given up as stalled. */
  static final Duration READ_TIME_LIMIT = Duration.ofSeconds(30);

  /**
   * Reads a file as strict UTF-8: a file in another encoding is an error, not mojibake; a UTF-8
   * byte order mark at the start is dropped, in JSON as in YAML. Only a regular file is read (a
   * link to one is followed): a device ({@code /dev/zero}), a pipe or a socket is refused before
   * it is opened, since it may never end or never answer. The size is bounded while reading,
   * whatever the file system reports: more than {@link StrictJson#MAX_DOCUMENT_CHARS} characters
   * is refused, without reading past four bytes a character. A read that stalls (a hung network
   * file system) is given up after {@link #READ_TIME_LIMIT}.
   */
  public static String readText(Path file) {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(source, "", "is a directory, not a file", null);
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new InvalidInputException(source, "",
          "not a regular file (a device, pipe or socket is not read)", null);
    }
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidInputException(source, "", "no such file", null);
    }
    if (!Files.exists(file)) {
      throw new InvalidInputException(source, "", "a link to a missing file", null);
    }
    long limit = StrictJson.MAX_DOCUMENT_CHARS * 4L;
    FutureTask<byte[]> read = new FutureTask<>(() -> {
      try (InputStream in = new FileInputStream(file.toFile())) {
        return in.readNBytes((int) limit + 1);
      }
    });
    Thread reader = new Thread(read, "spinefoot-read");
    reader.setDaemon(true);
    reader.start();
    byte[] bytes;
    try {
      bytes = read.get(READ_TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      reader.interrupt();
      throw new InvalidInputException(source, "", "reading stalled: nothing more came in "
          + READ_TIME_LIMIT.toSeconds() + " s", null);
    } catch (InterruptedException e) {
      reader.interrupt();
      Thread.currentThread().interrupt();
      throw new InvalidInputException(source, "", "reading was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.nio.file.NoSuchFileException
          || cause instanceof java.io.FileNotFoundException && !Files.exists(file)) {
        throw new InvalidInputException(source, "", "no such file", cause);
      }
      if (cause instanceof java.nio.file.AccessDeniedException || !Files.isReadable(file)) {
        throw new InvalidInputException(source, "", "permission denied", cause);
      }
      if (cause instanceof OutOfMemoryError) {
        throw tooLarge(source, "more memory than there is");
      }
      throw new InvalidInputException(source, "", "cannot read: " + cause.getMessage(), cause);
    }
    if (bytes.length > limit) {
      throw tooLarge(source, "over " + limit + " bytes");
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
      if (text.length() > StrictJson.MAX_DOCUMENT_CHARS) {
        throw tooLarge(source, text.length() + " characters");
      }
      return withoutByteOrderMark(text);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(source, "", "not UTF-8 text", e);
    }
  }

  /** A UTF-8 byte order mark says nothing a UTF-8 reader needs: dropped everywhere alike. */
  static String withoutByteOrderMark(String text) {
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
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
