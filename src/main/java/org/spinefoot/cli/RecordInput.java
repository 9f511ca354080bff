package org.spinefoot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.io.PatientReader;
import org.spinefoot.io.StrictJson;

/** Reads one patient record from a file, or from standard input when the file is {@code -}. */
final class RecordInput {
  /** How a record read from standard input is named in messages and reports. */
  static final String STDIN = "-";
  /** The id of a record from standard input that has none. */
  static final String STDIN_ID = "stdin";

  private RecordInput() {}

  static boolean isStdin(Path file) {
    return file.toString().equals(STDIN);
  }

  static Patient read(Path file, InputStream stdin) {
    return read(file, stdin, org.spinefoot.Vocabulary.packaged());
  }

  /** Reads a record whose questions come from the vocabulary of the knowledge base in use. */
  static Patient read(Path file, InputStream stdin, org.spinefoot.Vocabulary vocabulary) {
    if (!isStdin(file)) {
      return PatientReader.read(file, vocabulary);
    }
    String text = readStdin(stdin);
    // JSON is read by the JSON reader (strict about JSON's own rules), anything else as YAML.
    boolean json = text.stripLeading().startsWith("{");
    Patient p = PatientReader.parse(json ? StrictJson.json(vocabulary)
        : StrictJson.yaml(vocabulary), text, STDIN);
    return p.id() == null ? p.withId(STDIN_ID) : p;
  }

  // Bounded like a file: never more than four bytes a character of the largest document.
  private static String readStdin(InputStream in) {
    try {
      byte[] bytes = in.readNBytes(StrictJson.MAX_DOCUMENT_CHARS * 4 + 1);
      if (bytes.length > StrictJson.MAX_DOCUMENT_CHARS * 4) {
        throw tooLarge("more than " + StrictJson.MAX_DOCUMENT_CHARS * 4 + " bytes");
      }
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      if (text.length() > StrictJson.MAX_DOCUMENT_CHARS) {
        throw tooLarge(text.length() + " characters");
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(STDIN, "", "not UTF-8 text", e);
    } catch (IOException e) {
      throw new InvalidInputException(STDIN, "", "cannot read: " + e.getMessage(), e);
    }
  }

  private static InvalidInputException tooLarge(String size) {
    return new InvalidInputException(STDIN, "", "file too large: " + size + "; allowed: up to "
        + StrictJson.MAX_DOCUMENT_CHARS + " characters", null);
  }
}
