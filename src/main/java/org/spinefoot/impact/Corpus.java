package org.spinefoot.impact;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.Vocabulary;
import org.spinefoot.batch.BatchAssessor;
import org.spinefoot.batch.Line;
import org.spinefoot.batch.LineSource;
import org.spinefoot.fhir.FhirRecordReader;
import org.spinefoot.io.PatientReader;
import org.spinefoot.io.StrictJson;

/**
 * The records an impact run assesses: a file of JSON lines (each a patient record as {@code
 * assess --batch} reads it, or a FHIR QuestionnaireResponse, told apart by its {@code
 * resourceType}), or a folder of record files ({@code .json}, {@code .yaml}, {@code .yml}, as
 * {@code assess} reads them, in path order, subfolders included). Records are read again for each
 * knowledge base, in its own vocabulary.
 */
public final class Corpus {
  private final Path path;
  private final List<Path> files; // null for a file of lines

  private Corpus(Path path, List<Path> files) {
    this.path = path;
    this.files = files;
  }

  /**
   * The corpus at a path: a folder of record files, or a file of JSON lines.
   *
   * @throws IOException if the path is neither, or a folder cannot be listed
   */
  public static Corpus of(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        return new Corpus(path, walk.filter(Files::isRegularFile)
            .filter(f -> isRecordFile(f.getFileName().toString())).sorted().toList());
      }
    }
    if (!Files.isRegularFile(path)) {
      throw new java.nio.file.NoSuchFileException(path.toString(), null,
          Files.exists(path) ? "not a file or folder" : "no such file or folder");
    }
    return new Corpus(path, null);
  }

  private static boolean isRecordFile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /** The path the corpus was given as. */
  public Path path() {
    return path;
  }

  /** The bytes to read, for a progress bar; -1 when not known. */
  public long size() {
    try {
      if (files == null) {
        return Files.size(path);
      }
      long total = 0;
      for (Path f : files) {
        total += Files.size(f);
      }
      return total;
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * One record of the corpus, not yet read.
   *
   * @param number its line in the file (blank lines counted), or its place among the folder's
   *     files, from 1
   * @param source how messages name it: {@code line 7}, or the file
   * @param consumed bytes of the corpus read up to the end of this record
   */
  public record Entry(long number, String source, long consumed, String text, Path file,
      String problem) {
    /**
     * Reads the record with a knowledge base's questions.
     *
     * @throws InvalidInputException if it is not a record that vocabulary reads
     */
    public Patient read(Vocabulary vocabulary) {
      if (problem != null) {
        throw new InvalidInputException(source, "", problem, null);
      }
      if (file != null) {
        return PatientReader.read(file, vocabulary);
      }
      if (text.contains("\"resourceType\"")) {
        com.fasterxml.jackson.databind.JsonNode node = FhirRecordReader.parse(text, source);
        if (node.isObject() && node.has("resourceType")) {
          return FhirRecordReader.read(node, null, LocalDate.now(), vocabulary).patient();
        }
      }
      return PatientReader.parse(StrictJson.json(vocabulary), text, source);
    }

    /** The record's id as far as it can be read without the vocabulary; null if none. */
    public String idWithoutReading() {
      return text != null ? BatchAssessor.idIn(text) : null;
    }
  }

  /** What is done with each record. */
  @FunctionalInterface
  public interface Visitor {
    /** Takes one record; may block, to bound the records in flight. */
    void visit(Entry entry) throws InterruptedException;
  }

  /**
   * Hands every record to the visitor, in order; blank lines are skipped.
   *
   * @return how many blank lines were skipped
   * @throws IOException if the corpus cannot be read
   */
  public long forEach(Visitor visitor) throws IOException, InterruptedException {
    if (files != null) {
      long consumed = 0;
      long number = 0;
      for (Path f : files) {
        consumed += Files.size(f);
        visitor.visit(new Entry(++number, f.toString(), consumed, null, f, null));
      }
      return 0;
    }
    long blank = 0;
    try (InputStream in = new FileInputStream(path.toFile())) {
      LineSource lines = LineSource.utf8(in);
      Line line;
      while ((line = lines.next()) != null) {
        if (line.isBlank()) {
          blank++;
          continue;
        }
        visitor.visit(new Entry(line.number(), "line " + line.number(), line.end(), line.text(),
            null, line.problem()));
      }
    }
    return blank;
  }
}
