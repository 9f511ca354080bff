package org.spinefoot.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.spinefoot.Assessment;
import org.spinefoot.AssessmentException;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.InventoryItem;
import org.spinefoot.Patient;
import org.spinefoot.PatientSession;
import org.spinefoot.RuleInfo;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.facts.Question;
import org.spinefoot.io.PatientReader;
import org.spinefoot.io.StrictJson;

/**
 * Runs regression test cases against a knowledge base. Cases are validated as strictly as patient
 * files: an unknown key, or an ID that no rule or inventory item has, makes the case fail rather
 * than pass silently. Thread-safe: it holds only the assessor and lookup sets.
 */
public final class CaseRunner {
  private final Assessor assessor;
  private final Set<String> inventoryIds = new HashSet<>();
  private final Set<String> conclusionIds = new HashSet<>();
  private final Set<String> ruleIds = new HashSet<>();
  private final Set<String> questionPaths = new HashSet<>();

  public CaseRunner(Assessor assessor) {
    this.assessor = assessor;
    for (InventoryItem item : assessor.inventory()) {
      inventoryIds.add(item.id());
    }
    for (RuleInfo rule : assessor.rules()) {
      ruleIds.add(rule.id());
      conclusionIds.addAll(rule.concludes());
    }
    for (Question q : PatientFacts.of(assessor.vocabulary()).everyQuestion()) {
      questionPaths.add(q.getPath());
    }
  }

  /** The case files under a directory (or the file itself), sorted by name. */
  public static List<Path> findCases(Path dirOrFile) {
    if (Files.isRegularFile(dirOrFile)) {
      return List.of(dirOrFile);
    }
    if (!Files.isDirectory(dirOrFile)) {
      throw new InvalidInputException(dirOrFile.toString(), "", "no such file or directory", null);
    }
    try (Stream<Path> s = Files.walk(dirOrFile)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs every case file under a directory (or the file itself), in name order.
   *
   * @throws InvalidInputException if the path does not exist
   */
  public List<CaseResult> runAll(Path dirOrFile) {
    List<CaseResult> results = new ArrayList<>();
    for (Path file : findCases(dirOrFile)) {
      results.add(run(file));
    }
    return results;
  }

  /** The case name: the file name without its extension. */
  public static String nameOf(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** Reads and validates a case file; throws {@link InvalidInputException} when it is not valid. */
  public TestCase read(Path file) {
    String source = file.toString();
    TestCase tc;
    try {
      tc = StrictJson.yaml().readValue(PatientReader.readText(file), TestCase.class);
    } catch (JsonProcessingException e) {
      throw StrictJson.invalid(source, e);
    }
    if (tc == null) {
      throw new InvalidInputException(source, "", "empty case file", null);
    }
    for (String id : tc.checks()) {
      if (!inventoryIds.contains(id)) {
        throw new InvalidInputException(source, "checks", "'" + id + "' is not an inventory ID", null);
      }
    }
    validate(source, "expect", tc.expect());
    for (int i = 0; i < tc.steps().size(); i++) {
      Step step = tc.steps().get(i);
      String where = "steps[" + i + "]";
      for (String path : step.withdraw()) {
        if (!isWithdrawable(path)) {
          throw new InvalidInputException(source, where + ".withdraw", "'" + path
              + "' is not an answer of the record; use a path such as signs.fever, "
              + "numbness.foot, pain.lowBack, age or durationDays", null);
        }
      }
      validate(source, where + ".expect", step.expect());
    }
    return tc;
  }

  private boolean isWithdrawable(String path) {
    return questionPaths.contains(path) || path.equals("age") || path.equals("durationDays");
  }

  private void validate(String source, String where, Expectation e) {
    if (e.isEmpty()) {
      throw new InvalidInputException(source, where, "checks nothing; give at least one of "
          + "disposition, present, absent, rulesFired, rulesNotFired, stopExercises, unanswered, "
          + "ranked, says",
          null);
    }
    checkIds(source, where + ".present", e.present());
    checkIds(source, where + ".absent", e.absent());
    checkIds(source, where + ".ranked", e.ranked());
    checkIds(source, where + ".says", List.copyOf(e.says().keySet()));
    for (String id : concat(e.rulesFired(), e.rulesNotFired())) {
      if (!ruleIds.contains(id)) {
        throw new InvalidInputException(source, where, "'" + id + "' is not a rule ID", null);
      }
    }
    if (e.unanswered() != null) {
      for (String q : e.unanswered()) {
        if (!questionPaths.contains(q)) {
          throw new InvalidInputException(source, where + ".unanswered",
              "'" + q + "' is not a question of the record (e.g. signs.fever, numbness.saddle)",
              null);
        }
      }
    }
  }

  private void checkIds(String source, String where, List<String> ids) {
    for (String id : ids) {
      if (!inventoryIds.contains(id) && !conclusionIds.contains(id)) {
        throw new InvalidInputException(source, where, "'" + id
            + "' is neither an inventory ID nor the ID of a finding, consideration or advice "
            + "that some rule concludes", null);
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Runs one case file. Never throws for a bad case: the result says what is wrong. */
  public CaseResult run(Path file) {
    long start = System.nanoTime();
    String name = nameOf(file);
    TestCase tc;
    ObjectNode record;
    try {
      tc = read(file);
      record = initialRecord(file, tc);
    } catch (InvalidInputException e) {
      return new CaseResult(name, file, null, List.of(), List.of("invalid case: " + e.getMessage()),
          elapsed(start));
    }
    List<String> failures = new ArrayList<>();
    List<Assessment> assessments = new ArrayList<>();
    String source = file.toString();
    try (PatientSession session = assessor.openSession(
        PatientReader.fromTree(record, source, "patient", assessor.vocabulary()).withId(name))) {
      Assessment a = session.assessment();
      assessments.add(a);
      check("initial record", tc.expect(), a, failures);
      for (int i = 0; i < tc.steps().size(); i++) {
        Step step = tc.steps().get(i);
        apply(record, step);
        Patient changed = PatientReader.fromTree(record, source, "steps[" + i + "].set",
            assessor.vocabulary()).withId(name);
        a = session.update(changed);
        assessments.add(a);
        String label = "step " + (i + 1) + (step.description() == null ? "" : " (" + step.description() + ")");
        check(label, step.expect(), a, failures);
      }
    } catch (InvalidInputException e) {
      failures.add("invalid case: " + e.getMessage());
    } catch (AssessmentException e) {
      failures.add("the rules failed: " + e.getMessage());
    }
    return new CaseResult(name, file, tc, assessments, failures, elapsed(start));
  }

  /** The record a case first assesses: its patient file with its inline fields merged over. */
  public Patient initialPatient(Path file) {
    TestCase tc = read(file);
    return PatientReader.fromTree(initialRecord(file, tc), file.toString(), "patient",
        assessor.vocabulary())
        .withId(nameOf(file));
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private ObjectNode initialRecord(Path file, TestCase tc) {
    if (tc.patientFile() == null) {
      return tc.patient().deepCopy();
    }
    ObjectNode record = readPatientFile(file, tc, assessor.vocabulary());
    if (tc.patient() != null) {
      merge(record, tc.patient());
    }
    return record;
  }

  private static ObjectNode readPatientFile(Path file, TestCase tc,
      org.spinefoot.Vocabulary vocabulary) {
    Path patientFile = file.toAbsolutePath().getParent().resolve(tc.patientFile()).normalize();
    String text = PatientReader.readText(patientFile);
    try {
      JsonNode node = StrictJson.mapperFor(patientFile.toString()).readTree(text);
      if (!(node instanceof ObjectNode)) {
        throw new InvalidInputException(patientFile.toString(), "", "expected a patient record", null);
      }
      ObjectNode record = (ObjectNode) node;
      // Validate the file on its own first, so its errors name the file.
      PatientReader.fromTree(record, patientFile.toString(), "", vocabulary);
      return record;
    } catch (JsonProcessingException e) {
      throw StrictJson.invalid(patientFile.toString(), e);
    }
  }

  private static void apply(ObjectNode record, Step step) {
    if (step.set() != null) {
      merge(record, step.set());
    }
    for (String path : step.withdraw()) {
      String[] parts = path.split("\\.");
      JsonNode parent = record;
      for (int i = 0; i < parts.length - 1 && parent != null; i++) {
        parent = parent.get(parts[i]);
      }
      if (parent instanceof ObjectNode) {
        ((ObjectNode) parent).remove(parts[parts.length - 1]);
      }
    }
  }

  private static void merge(ObjectNode target, ObjectNode changes) {
    Iterator<Map.Entry<String, JsonNode>> it = changes.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = target.get(e.getKey());
      if (existing instanceof ObjectNode && e.getValue() instanceof ObjectNode) {
        merge((ObjectNode) existing, (ObjectNode) e.getValue());
      } else {
        target.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  /** The IDs standing in an assessment: findings, considerations, advice and inventory IDs. */
  public static Set<String> standingIds(Assessment a) {
    Set<String> ids = new TreeSet<>(a.concludedInventory());
    a.findings().forEach(f -> ids.add(f.id()));
    a.considerations().forEach(c -> ids.add(c.id()));
    a.advice().forEach(ad -> ids.add(ad.id()));
    return ids;
  }

  private static void check(String label, Expectation e, Assessment a, List<String> failures) {
    List<String> problems = new ArrayList<>();
    if (e.disposition() != null && e.disposition() != a.disposition()) {
      problems.add("disposition: expected " + e.disposition() + ", was " + a.disposition());
    }
    Set<String> standing = standingIds(a);
    for (String id : e.present()) {
      if (!standing.contains(id)) {
        problems.add("expected " + id + " to be concluded; it was not");
      }
    }
    for (String id : e.absent()) {
      if (standing.contains(id)) {
        problems.add("expected " + id + " NOT to be concluded; it was");
      }
    }
    // A rule "fired" when its conclusion stands at the end: a firing whose conclusion truth
    // maintenance withdrew again (for example advice before a red flag stopped it) does not count.
    Set<String> concludedBy = a.standingRules();
    for (String id : e.rulesFired()) {
      if (!concludedBy.contains(id)) {
        problems.add("expected rule " + id + " to fire; it did not (or its conclusion was withdrawn)");
      }
    }
    for (String id : e.rulesNotFired()) {
      if (concludedBy.contains(id)) {
        problems.add("expected rule " + id + " NOT to fire; it did");
      }
    }
    if (e.stopExercises() != null && e.stopExercises() != a.stopExercises()) {
      problems.add("stopExercises: expected " + e.stopExercises() + ", was " + a.stopExercises());
    }
    if (!e.ranked().isEmpty()) {
      List<String> order = a.considerations().stream().map(Assessment.Consideration::id)
          .filter(e.ranked()::contains).toList();
      if (!order.equals(e.ranked())) {
        problems.add("ranked: expected " + e.ranked() + " in this order, was " + order);
      }
    }
    e.says().forEach((id, words) -> {
      List<String> texts = new ArrayList<>();
      a.findings().stream().filter(f -> f.id().equals(id)).forEach(f -> texts.add(f.title()));
      a.advice().stream().filter(x -> x.id().equals(id)).forEach(x -> texts.add(x.text()));
      if (texts.isEmpty()) {
        problems.add("says: expected " + id + " to stand, saying \"" + words + "\"; it does not");
      } else if (texts.stream().noneMatch(t -> t.contains(words))) {
        problems.add("says: expected " + id + " to say \"" + words + "\"; it says \""
            + String.join("\" / \"", texts) + "\"");
      }
    });
    if (e.unanswered() != null) {
      Set<String> expected = new TreeSet<>(e.unanswered());
      Set<String> actual = new TreeSet<>();
      a.unanswered().forEach(q -> actual.add(q.path()));
      if (!expected.equals(actual)) {
        problems.add("unanswered: expected " + expected + ", was " + actual);
      }
    }
    if (!problems.isEmpty()) {
      StringBuilder sb = new StringBuilder(label).append(":");
      problems.forEach(p -> sb.append("\n    ").append(p));
      sb.append("\n  the engine concluded:\n").append(summary(a));
      failures.add(sb.toString());
    }
  }

  /** What the engine concluded, with reasons, for failure messages. */
  public static String summary(Assessment a) {
    StringBuilder sb = new StringBuilder();
    sb.append("    disposition ").append(a.disposition())
        .append(a.stopExercises() ? ", stop the exercises" : "").append('\n');
    for (Assessment.Finding f : a.findings()) {
      sb.append("    [").append(f.urgency()).append("] ").append(f.id()).append(" ")
          .append(f.inventory()).append(": ").append(f.title()).append('\n');
      for (Assessment.Reason r : f.because()) {
        sb.append("        because ").append(String.join("; ", r.observations()))
            .append(" [rule ").append(r.rule()).append("]\n");
      }
    }
    for (Assessment.Consideration c : a.considerations()) {
      sb.append("    consider ").append(c.id()).append(" (weight ").append(c.weight()).append(") ")
          .append(c.inventory()).append('\n');
    }
    for (Assessment.Advice ad : a.advice()) {
      sb.append("    advice ").append(ad.id()).append(" ").append(ad.inventory()).append('\n');
    }
    sb.append("    rules whose conclusions stand: ").append(String.join(", ", a.standingRules()));
    return sb.toString();
  }
}
