package org.spinefoot.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spinefoot.RuleBaseException;
import org.spinefoot.engine.facts.Question;

/**
 * The red-flag questions the knowledge declares in {@code red-flag-questions.yaml} beside the
 * rules: the questions red-flag rules need, so that a record leaving one unasked never ends in
 * self-care (INT-03). Read with the rule base; every entry must be a question a patient record
 * can answer.
 */
public final class RedFlagQuestions {
  /** The file beside the rules that declares them. */
  public static final String FILE = "red-flag-questions.yaml";

  /** The key of the list in the file. */
  public static final String KEY = "redFlagQuestions";

  /** One declared question and the line that declares it. */
  public record Entry(String path, int line) {}

  private RedFlagQuestions() {}

  /** Every question a patient record can answer, by path, e.g. {@code signs.fever}. */
  public static List<String> knownPaths() {
    List<String> paths = new ArrayList<>();
    for (Question q : PatientFacts.everyQuestion()) {
      paths.add(q.getPath());
    }
    return List.copyOf(paths);
  }

  /**
   * Reads the file's entries with their lines; problems (unreadable file, unknown questions,
   * duplicates) are added to {@code problems} with the file's line, in the reviewer's words.
   */
  public static List<Entry> read(String yaml, List<RuleBaseException.Problem> problems) {
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<String> known = knownPaths();
    try (JsonParser p = org.spinefoot.io.StrictJson.yaml().getFactory().createParser(yaml)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        problems.add(problem(1, "expected '" + KEY + ":' followed by a list of questions"));
        return entries;
      }
      boolean found = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        int fieldLine = p.currentLocation().getLineNr();
        JsonToken value = p.nextToken();
        if (!KEY.equals(field)) {
          problems.add(problem(fieldLine, "unknown key '" + field + "'; allowed: " + KEY));
          p.skipChildren();
          continue;
        }
        found = true;
        if (value != JsonToken.START_ARRAY) {
          problems.add(problem(fieldLine, KEY + " must be a list of questions such as "
              + "signs.fever or numbness.saddle"));
          p.skipChildren();
          continue;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
          int line = p.currentTokenLocation().getLineNr();
          if (p.currentToken() != JsonToken.VALUE_STRING) {
            problems.add(problem(line, "expected a question such as signs.fever"));
            p.skipChildren();
            continue;
          }
          String path = p.getText().strip();
          Integer first = seen.putIfAbsent(path, line);
          if (!known.contains(path)) {
            problems.add(problem(line, "'" + path + "' is not a question of the patient record"
                + Spelling.didYouMean(path, known) + " (every question: docs/rule-vocabulary.md)"));
          } else if (first != null) {
            problems.add(problem(line, "'" + path + "' is listed twice (first at line " + first
                + ")"));
          } else {
            entries.add(new Entry(path, line));
          }
        }
      }
      if (!found) {
        problems.add(problem(1, "no '" + KEY + ":' list"));
      }
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
          && j.getLocation() != null ? j.getLocation().getLineNr() : 0;
      problems.add(problem(line, "cannot be read as YAML: "
          + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
              ? j.getOriginalMessage() : e.getMessage())));
    }
    return entries;
  }

  private static RuleBaseException.Problem problem(int line, String message) {
    return new RuleBaseException.Problem(FILE, line, message);
  }
}
