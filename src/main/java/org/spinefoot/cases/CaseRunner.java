package org.spinefoot.cases;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBufferReadContext;
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
import org.spinefoot.io.YamlLines;

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

  /**
   * The case's title (its {@code name:} field), or empty when the file cannot be read as YAML
   * or has none; for selecting cases by what a reviewer calls them.
   */
  public static java.util.Optional<String> titleOf(Path file) {
    try {
      JsonNode root = StrictJson.yaml().readTree(PatientReader.readText(file));
      JsonNode name = root == null ? null : root.get("name");
      return name != null && name.isTextual() ? java.util.Optional.of(name.asText())
          : java.util.Optional.empty();
    } catch (JsonProcessingException | InvalidInputException e) {
      return java.util.Optional.empty();
    }
  }

  /** Reads and validates a case file; throws {@link InvalidInputException} at its first problem. */
  public TestCase read(Path file) {
    List<Problem> problems = new ArrayList<>();
    String text = PatientReader.readText(file);
    TestCase tc = parse(file, text, YamlLines.of(text), problems);
    if (!problems.isEmpty()) {
      throw problems.get(0).cause();
    }
    return tc;
  }

  /**
   * A problem of a case file at a field path, with its line when the parser knew it (0: looked
   * up from the path when it is reported).
   */
  private record Problem(String path, int line, InvalidInputException cause) {
    Problem(String path, InvalidInputException cause) {
      this(path, 0, cause);
    }

    Problem(InvalidInputException cause) {
      this(cause.path(), 0, cause);
    }

    static Problem parsing(String source, JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      return new Problem(StrictJson.invalid(source, e).path(),
          where == null ? 0 : Math.max(where.getLineNr(), 0), StrictJson.invalid(source, e));
    }
  }

  /**
   * Parses and validates a case, adding every problem found to {@code problems} rather than
   * stopping at the first: a reviewer fixing five mistakes should not need five runs. Returns
   * null when the file is not a case at all (malformed, or a required part missing).
   */
  private TestCase parse(Path file, String text, YamlLines lines, List<Problem> problems) {
    String source = file.toString();
    TestCase tc;
    try {
      tc = StrictJson.yaml().readerFor(TestCase.class)
          .withHandler(new UnknownFields(source, lines, problems)).readValue(text);
    } catch (JsonProcessingException e) {
      problems.add(Problem.parsing(source, e));
      return null;
    }
    if (tc == null) {
      problems.add(new Problem(new InvalidInputException(source, "", "empty case file", null)));
      return null;
    }
    for (int i = 0; i < tc.checks().size(); i++) {
      String id = tc.checks().get(i);
      if (!inventoryIds.contains(id)) {
        problems.add(new Problem("checks[" + i + "]", new InvalidInputException(source, "checks",
            "'" + id + "' is not an inventory ID", null)));
      }
    }
    validate(source, "expect", tc.expect(), problems);
    for (int i = 0; i < tc.steps().size(); i++) {
      Step step = tc.steps().get(i);
      String where = "steps[" + i + "]";
      for (int k = 0; k < step.withdraw().size(); k++) {
        String path = step.withdraw().get(k);
        if (!isWithdrawable(path)) {
          problems.add(new Problem(where + ".withdraw[" + k + "]", new InvalidInputException(
              source, where + ".withdraw", "'" + path
              + "' is not an answer of the record; use a path such as signs.fever, "
              + "numbness.foot, pain.lowBack, age or durationDays", null)));
        }
      }
      validate(source, where + ".expect", step.expect(), problems);
    }
    return tc;
  }

  /**
   * Records an unknown field as a problem and reads on, so that the rest of the case is still
   * checked; the message is the one a strict read gives (the field and the allowed names).
   */
  private static final class UnknownFields extends DeserializationProblemHandler {
    private final String source;
    private final YamlLines lines;
    private final List<Problem> problems;

    UnknownFields(String source, YamlLines lines, List<Problem> problems) {
      this.source = source;
      this.lines = lines;
      this.problems = problems;
    }

    private static String join(String parent, String field) {
      return parent.isEmpty() ? field : parent + "." + field;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName)
        throws IOException {
      // A record's unknown fields are replayed from a buffer after the record is read; the
      // file's own parser is then at the mapping that holds them or already back at its parent.
      JsonStreamContext real = p.getParsingContext();
      while (real instanceof TokenBufferReadContext) {
        real = real.getParent();
      }
      String parent = real == null ? ""
          : lines.has(join(StrictJson.path(real), propertyName)) ? StrictJson.path(real)
          : StrictJson.path(real.getParent());
      InvalidInputException e = StrictJson.invalid(source, UnrecognizedPropertyException.from(
          p, beanOrClass, propertyName, deserializer.getKnownPropertyNames()));
      problems.add(new Problem(join(parent, propertyName),
          new InvalidInputException(source, parent, e.detail(), e)));
      p.skipChildren();
      return true;
    }
  }

  private boolean isWithdrawable(String path) {
    return questionPaths.contains(path) || path.equals("age") || path.equals("durationDays");
  }

  private void validate(String source, String where, Expectation e, List<Problem> problems) {
    if (e.isEmpty()) {
      problems.add(new Problem(new InvalidInputException(source, where, "checks nothing; give "
          + "at least one of disposition, present, absent, rulesFired, rulesNotFired, "
          + "stopExercises, unanswered, ranked, says", null)));
    }
    checkIds(source, where + ".present", e.present(), problems);
    checkIds(source, where + ".absent", e.absent(), problems);
    checkIds(source, where + ".ranked", e.ranked(), problems);
    List<String> saysIds = List.copyOf(e.says().keySet());
    for (String id : saysIds) {
      if (!isConclusion(id)) {
        problems.add(new Problem(where + ".says." + id,
            new InvalidInputException(source, where + ".says", notAConclusion(id), null)));
      }
    }
    ruleIdsExist(source, where + ".rulesFired", e.rulesFired(), problems);
    ruleIdsExist(source, where + ".rulesNotFired", e.rulesNotFired(), problems);
    if (e.unanswered() != null) {
      for (int i = 0; i < e.unanswered().size(); i++) {
        String q = e.unanswered().get(i);
        if (!questionPaths.contains(q)) {
          problems.add(new Problem(where + ".unanswered[" + i + "]", new InvalidInputException(
              source, where + ".unanswered",
              "'" + q + "' is not a question of the record (e.g. signs.fever, numbness.saddle)",
              null)));
        }
      }
    }
  }

  private void ruleIdsExist(String source, String where, List<String> ids, List<Problem> problems) {
    for (int i = 0; i < ids.size(); i++) {
      if (!ruleIds.contains(ids.get(i))) {
        problems.add(new Problem(where + "[" + i + "]", new InvalidInputException(source, where,
            "'" + ids.get(i) + "' is not a rule ID", null)));
      }
    }
  }

  private void checkIds(String source, String where, List<String> ids, List<Problem> problems) {
    for (int i = 0; i < ids.size(); i++) {
      if (!isConclusion(ids.get(i))) {
        problems.add(new Problem(where + "[" + i + "]",
            new InvalidInputException(source, where, notAConclusion(ids.get(i)), null)));
      }
    }
  }

  private boolean isConclusion(String id) {
    return inventoryIds.contains(id) || conclusionIds.contains(id);
  }

  private static String notAConclusion(String id) {
    return "'" + id + "' is neither an inventory ID nor the ID of a finding, consideration or "
        + "advice that some rule concludes";
  }

  /**
   * Runs one case file. Never throws for a bad case: the result lists every problem found, each
   * starting {@code file:line:}.
   */
  public CaseResult run(Path file) {
    long start = System.nanoTime();
    String name = nameOf(file);
    String text;
    try {
      text = PatientReader.readText(file);
    } catch (InvalidInputException e) {
      return new CaseResult(name, file, null, List.of(),
          List.of(file + ": invalid case: " + withoutSource(e, file)), elapsed(start));
    }
    YamlLines lines = YamlLines.of(text);
    List<Problem> problems = new ArrayList<>();
    TestCase tc = parse(file, text, lines, problems);
    List<String> failures = new ArrayList<>();
    for (Problem p : problems) {
      failures.add(at(file, p.line() > 0 ? p.line() : lines.lineOf(p.path())) + "invalid case: " + withoutSource(p.cause(), file));
    }
    if (tc == null) {
      return new CaseResult(name, file, null, List.of(), failures, elapsed(start));
    }
    ObjectNode record;
    try {
      record = initialRecord(file, tc);
    } catch (InvalidInputException e) {
      failures.add(at(file, lines, tc.patientFile() != null && !isPatientPath(e.path())
          ? "patientFile" : e.path()) + "invalid case: " + withoutSource(e, file));
      return new CaseResult(name, file, tc, List.of(), failures, elapsed(start));
    }
    List<Assessment> assessments = new ArrayList<>();
    String source = file.toString();
    try (PatientSession session = assessor.openSession(
        PatientReader.fromTree(record, source, "patient", assessor.vocabulary()).withId(name))) {
      Assessment a = session.assessment();
      assessments.add(a);
      check("initial record", "expect", tc.expect(), a, loc -> at(file, lines, loc), failures);
      for (int i = 0; i < tc.steps().size(); i++) {
        Step step = tc.steps().get(i);
        String where = "steps[" + i + "]";
        apply(record, step);
        Patient changed;
        try {
          changed = PatientReader.fromTree(record, source, where + ".set",
              assessor.vocabulary()).withId(name);
        } catch (InvalidInputException e) {
          failures.add(at(file, lines, e.path()) + "invalid case: " + withoutSource(e, file));
          break;
        }
        a = session.update(changed);
        assessments.add(a);
        String label = "step " + (i + 1) + (step.description() == null ? "" : " (" + step.description() + ")");
        check(label, where + ".expect", step.expect(), a, loc -> at(file, lines, loc), failures);
      }
    } catch (InvalidInputException e) {
      failures.add(at(file, lines, e.path()) + "invalid case: " + withoutSource(e, file));
    } catch (AssessmentException e) {
      failures.add(at(file, lines, "") + "the rules failed: " + e.getMessage());
    }
    return new CaseResult(name, file, tc, assessments, failures, elapsed(start));
  }

  // A record error's path starts "patient" (inline) or "steps[i].set"; anything else came from
  // the patient file the case names.
  private static boolean isPatientPath(String path) {
    return path != null && path.startsWith("patient");
  }

  /** {@code file:line: } for a field path of the case (just {@code file: } when not found). */
  private static String at(Path file, YamlLines lines, String path) {
    return at(file, lines.lineOf(path));
  }

  private static String at(Path file, int line) {
    return file + (line > 0 ? ":" + line : "") + ": ";
  }

  /** The exception's message without the case file's name, which the line prefix gives. */
  private static String withoutSource(InvalidInputException e, Path file) {
    String message = e.getMessage();
    String prefix = file + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
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

  /**
   * Checks one assessment against an expectation; each problem becomes one failure, located at
   * the expectation's field, and the last of them carries what the engine concluded.
   */
  private static void check(String label, String where, Expectation e, Assessment a,
      java.util.function.Function<String, String> at, List<String> failures) {
    List<String> problems = new ArrayList<>();
    if (e.disposition() != null && e.disposition() != a.disposition()) {
      problems.add(at.apply(where + ".disposition") + label + ": disposition: expected "
          + e.disposition() + ", was " + a.disposition());
    }
    Set<String> standing = standingIds(a);
    for (int i = 0; i < e.present().size(); i++) {
      String id = e.present().get(i);
      if (!standing.contains(id)) {
        problems.add(at.apply(where + ".present[" + i + "]") + label + ": expected " + id
            + " to be concluded; it was not");
      }
    }
    for (int i = 0; i < e.absent().size(); i++) {
      String id = e.absent().get(i);
      if (standing.contains(id)) {
        problems.add(at.apply(where + ".absent[" + i + "]") + label + ": expected " + id
            + " NOT to be concluded; it was");
      }
    }
    // A rule "fired" when its conclusion stands at the end: a firing whose conclusion truth
    // maintenance withdrew again (for example advice before a red flag stopped it) does not count.
    Set<String> concludedBy = a.standingRules();
    for (int i = 0; i < e.rulesFired().size(); i++) {
      String id = e.rulesFired().get(i);
      if (!concludedBy.contains(id)) {
        problems.add(at.apply(where + ".rulesFired[" + i + "]") + label + ": expected rule " + id
            + " to fire; it did not (or its conclusion was withdrawn)");
      }
    }
    for (int i = 0; i < e.rulesNotFired().size(); i++) {
      String id = e.rulesNotFired().get(i);
      if (concludedBy.contains(id)) {
        problems.add(at.apply(where + ".rulesNotFired[" + i + "]") + label + ": expected rule "
            + id + " NOT to fire; it did");
      }
    }
    if (e.stopExercises() != null && e.stopExercises() != a.stopExercises()) {
      problems.add(at.apply(where + ".stopExercises") + label + ": stopExercises: expected "
          + e.stopExercises() + ", was " + a.stopExercises());
    }
    if (!e.ranked().isEmpty()) {
      List<String> order = a.considerations().stream().map(Assessment.Consideration::id)
          .filter(e.ranked()::contains).toList();
      if (!order.equals(e.ranked())) {
        problems.add(at.apply(where + ".ranked") + label + ": ranked: expected " + e.ranked()
            + " in this order, was " + order);
      }
    }
    e.says().forEach((id, words) -> {
      List<String> texts = new ArrayList<>();
      a.findings().stream().filter(f -> f.id().equals(id)).forEach(f -> texts.add(f.title()));
      a.advice().stream().filter(x -> x.id().equals(id)).forEach(x -> texts.add(x.text()));
      String prefix = at.apply(where + ".says." + id) + label + ": says: ";
      if (texts.isEmpty()) {
        problems.add(prefix + "expected " + id + " to stand, saying \"" + words + "\"; it does not");
      } else if (texts.stream().noneMatch(t -> t.contains(words))) {
        problems.add(prefix + "expected " + id + " to say \"" + words + "\"; it says \""
            + String.join("\" / \"", texts) + "\"");
      }
    });
    if (e.unanswered() != null) {
      Set<String> expected = new TreeSet<>(e.unanswered());
      Set<String> actual = new TreeSet<>();
      a.unanswered().forEach(q -> actual.add(q.path()));
      if (!expected.equals(actual)) {
        problems.add(at.apply(where + ".unanswered") + label + ": unanswered: expected "
            + expected + ", was " + actual);
      }
    }
    if (!problems.isEmpty()) {
      int last = problems.size() - 1;
      problems.set(last, problems.get(last) + "\n  the engine concluded (" + label + "):\n"
          + summary(a));
      failures.addAll(problems);
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
