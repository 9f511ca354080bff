package org.spinefoot.impact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.spinefoot.Vocabulary;

/**
 * Writes synthetic patient records, one JSON line each, from the vocabulary's questions, with a
 * seed so the same command makes the same corpus. Records stream out one at a time, so a million
 * take no more memory than ten. Prevalence is set so most records are benign: each red flag is
 * present in about 3 records in 10,000, other findings (the mimics) in about 1 in 70; some
 * answers are unknown or left unasked, and some records are "old": they stop before the vocabulary's later
 * questions, as a form that predates them would.
 */
public final class CorpusGenerator {
  private static final double RED_FLAG_YES = 0.0003;
  private static final double OTHER_YES = 0.015;
  private static final double UNKNOWN = 0.03;
  /** Red-flag questions are asked first on every form, so are seldom unknown. */
  private static final double RED_FLAG_UNKNOWN = 0.002;
  private static final double NOT_ASKED = 0.05;
  private static final double OLD_RECORD = 0.20;
  /** An old record knows this share of the vocabulary's questions, the earliest ones. */
  private static final double OLD_FORM_SHARE = 0.7;
  private static final String[] SIDES = {"left", "right", "both", "yes"};

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<Vocabulary.Entry> entries;
  private final SplittableRandom random;

  /**
   * A generator over the given vocabulary.
   *
   * @param vocabulary the questions records answer
   * @param seed the seed: the same seed makes the same corpus
   */
  public CorpusGenerator(Vocabulary vocabulary, long seed) {
    this.entries = vocabulary.entries();
    this.random = new SplittableRandom(seed);
  }

  /**
   * Writes records as JSON lines.
   *
   * @param count how many records
   * @param out where to write them
   * @throws IOException when writing fails
   */
  public void write(long count, Writer out) throws IOException {
    JsonGenerator json = MAPPER.createGenerator(out);
    json.setRootValueSeparator(null);
    for (long i = 1; i <= count; i++) {
      record(i, json);
      json.flush();
      out.write('\n');
    }
    json.flush();
  }

  private void record(long n, JsonGenerator json) throws IOException {
    int known = random.nextDouble() < OLD_RECORD
        ? (int) Math.ceil(entries.size() * OLD_FORM_SHARE) : entries.size();
    // Questions of one section (signs, numbness...) are interleaved in the vocabulary: gather
    // each section's answers before writing so each section appears once.
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", String.format("synthetic-%07d", n));
    for (int i = 0; i < known; i++) {
      Vocabulary.Entry e = entries.get(i);
      if (!e.redFlag() && e.kind() != Vocabulary.Kind.NUMBER
          && random.nextDouble() < NOT_ASKED) {
        continue;
      }
      int dot = e.path().indexOf('.');
      if (dot < 0) {
        record.put(e.path(), answer(e));
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) record.computeIfAbsent(
            e.path().substring(0, dot), k -> new LinkedHashMap<String, Object>());
        section.put(e.path().substring(dot + 1), answer(e));
      }
    }
    MAPPER.writeValue(json, record);
  }

  private Object answer(Vocabulary.Entry e) {
    if (e.kind() == Vocabulary.Kind.NUMBER) {
      int min = e.min() == null ? 0 : e.min();
      int max = e.max() == null ? min + 100 : e.max();
      return min + random.nextInt(Math.min(max, min + 100) - min + 1);
    }
    double roll = random.nextDouble();
    if (roll < (e.redFlag() ? RED_FLAG_YES : OTHER_YES)) {
      return e.kind() == Vocabulary.Kind.YES_NO ? "yes" : SIDES[random.nextInt(SIDES.length)];
    }
    return roll > 1 - (e.redFlag() ? RED_FLAG_UNKNOWN : UNKNOWN) ? "unknown" : "no";
  }
}
