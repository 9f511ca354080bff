package org.spinefoot.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spinefoot.Answer;
import org.spinefoot.Assessor;
import org.spinefoot.KnowledgeVersion;
import org.spinefoot.InvalidInputException;
import org.spinefoot.InventoryItem;
import org.spinefoot.RuleBaseException;
import org.spinefoot.RuleInfo;
import org.spinefoot.Side;
import org.spinefoot.Vocabulary;
import org.spinefoot.Urgency;
import org.spinefoot.cases.CaseResult;
import org.spinefoot.cases.CaseRunner;
import org.spinefoot.cases.Coverage;
import org.spinefoot.engine.facts.SpinalCause;
import org.spinefoot.io.StrictJson;

/**
 * Static checks of a rule base, for reviewers: that it compiles, that every rule carries valid
 * provenance (ID, inventory items, urgency, sources) that agrees with what the rule concludes,
 * that every inventory item is encoded and every rule covered by test cases, and that no rule is
 * dead (a condition no record can satisfy) or a duplicate of another.
 *
 * <p>The metadata checks read the DRL text itself, so a rule base that does not load is still
 * checked rule by rule. {@code Lint.run(rules, cases)} is the entry point; one run is one object.
 */
public final class Lint {
  /** How bad a problem is: errors fail the lint, warnings only with {@code --strict}. */
  public enum Severity { ERROR, WARNING }

  /** Which check found a problem. */
  public enum Check {
    LOAD("load"), COMPILE("compile"), METADATA("metadata"), SOURCE("source"),
    URGENCY("urgency"), INVENTORY("inventory"), COVERAGE("coverage"),
    NEVER_FIRES("never-fires"), DUPLICATE("duplicate"), CASES("cases"),
    SAFETY("safety"), TYPES("types"), RED_FLAGS("red-flags"), VOCABULARY("vocabulary"),
    VERSION("version");

    private final String label;

    Check(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One problem.
   *
   * @param file the file, as a path under the linted directories
   * @param line the line, or 0 when not known
   * @param rule the rule's ID (or quoted name when it has no ID), or null when no rule is concerned
   */
  public record Problem(Severity severity, Check check, String file, int line, String rule,
      String message) {
    @Override
    public String toString() {
      return file + (line > 0 ? ":" + line : "") + ": "
          + (severity == Severity.ERROR ? "error" : "warning") + " [" + check.label() + "] "
          + (rule == null ? "" : rule + ": ") + message;
    }
  }

  /**
   * The outcome of one lint run.
   *
   * @param redFlagQuestions the red-flag questions the knowledge declares, in file order
   */
  public record Result(List<Problem> problems, int rules, int inventoryItems, int cases,
      List<String> redFlagQuestions) {
    public Result {
      problems = List.copyOf(problems);
      redFlagQuestions = List.copyOf(redFlagQuestions);
    }

    public List<Problem> errors() {
      return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
      return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    /** True when the lint fails: any error, or with {@code strict} any warning. */
    public boolean failed(boolean strict) {
      return !errors().isEmpty() || strict && !warnings().isEmpty();
    }

    /** One line per problem, the red-flag questions, then the counts. */
    public String report() {
      StringBuilder sb = new StringBuilder();
      problems.forEach(p -> sb.append(p).append('\n'));
      sb.append("red-flag questions (").append(redFlagQuestions.size()).append(", from ")
          .append(Vocabulary.FILE).append("): ").append(String.join(", ", redFlagQuestions))
          .append('\n');
      sb.append(String.format("lint: %d rules, %d inventory items, %d cases: %d errors, %d warnings%n",
          rules, inventoryItems, cases, errors().size(), warnings().size()));
      return sb.toString();
    }
  }

  private static final Set<String> URGENCIES = Set.of("EMERGENCY", "URGENT", "SOON", "SELF_CARE", "NONE");
  private static final Pattern NEW_FINDING =
      Pattern.compile("new\\s+Finding\\s*\\(\\s*kcontext\\s*,\\s*([^,]+?)\\s*,");
  private static final Pattern LITERAL_URGENCY = Pattern.compile("Urgency\\.([A-Z_]+)");
  private static final Pattern NEW_ADVICE =
      Pattern.compile("(new\\s+Advice\\s*\\(|Advice\\s*\\.\\s*exercise\\s*\\()");
  private static final Pattern INSERT = Pattern.compile("\\binsert(?:Logical)?\\s*\\(");
  private static final Pattern ENUM_CONSTANT = Pattern.compile(
      "\\b(Side|Urgency|SpinalCause|Answer)\\.([A-Z][A-Z0-9_]*)\\b(?!\\s*\\()");
  private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.of(
      "Side", Side.class, "Urgency", Urgency.class, "SpinalCause", SpinalCause.class,
      "Answer", Answer.class);
  // The loader's own wording for the metadata checks this class repeats with more detail.
  private static final Pattern LOADER_METADATA_PROBLEM =
      Pattern.compile("^rule \"[^\"]*\": (missing @|@inventory item|@urgency\\(|@id\\()");
  private static final Pattern INVENTORY_ITEM_LINE = Pattern.compile("^\\s*-\\s*id:\\s*\"?([^\"\\s]+)");

  private final Path rulesDir;
  private final Path casesDir;
  private final List<Problem> problems = new ArrayList<>();
  private final List<DrlRule> rules = new ArrayList<>();
  private final List<InventoryItem> inventory = new ArrayList<>();
  private final Map<String, Integer> inventoryLines = new HashMap<>();
  private String inventoryText = "";
  private SourceIndex sources;
  private int caseCount;
  private List<String> redFlagQuestions = List.of();
  private Vocabulary vocabulary = Vocabulary.packaged();

  private Lint(Path rulesDir, Path casesDir) {
    this.rulesDir = rulesDir;
    this.casesDir = casesDir;
  }

  /**
   * Lints the rules under {@code rulesDir} (DRL files, {@code inventory.yaml},
   * {@code sources.yaml}) and, when {@code casesDir} is given, their coverage by the test cases
   * there.
   *
   * @throws InvalidInputException if {@code rulesDir} is not a directory
   */
  public static Result run(Path rulesDir, Path casesDir) {
    if (!Files.isDirectory(rulesDir)) {
      throw new InvalidInputException(rulesDir.toString(), "", "not a rules directory", null);
    }
    return new Lint(rulesDir, casesDir).lint();
  }

  /**
   * Only the checks of citations: every rule's {@code @source} and every inventory item's
   * sources against {@code sources.yaml} (a missing or broken index included). Cheap enough to
   * run on every save: {@code watch} runs it.
   */
  public static List<Problem> sourceProblems(Path rulesDir) {
    Lint lint = new Lint(rulesDir, null);
    lint.readInventory();
    lint.readSources();
    DrlReader.readFiles(rulesDir).forEach((file, text) -> lint.rules.addAll(DrlReader.parse(file, text)));
    lint.rules.forEach(lint::checkSources);
    lint.checkInventory();
    return lint.problems.stream().filter(p -> p.check() == Check.SOURCE)
        .sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line)).toList();
  }

  private Result lint() {
    readInventory();
    readSources();
    Map<String, String> files = DrlReader.readFiles(rulesDir);
    if (files.isEmpty()) {
      error(Check.LOAD, rulesDir.toString(), 0, null, "no .drl files");
    }
    files.forEach((file, text) -> rules.addAll(DrlReader.parse(file, text)));
    files.forEach((file, text) -> RuleSafetyCheck.check(text).forEach(p -> error(
        Check.valueOf(p.check().toUpperCase(java.util.Locale.ROOT)), inRules(file), p.line(),
        ruleAt(file, p.line()), p.message())));
    checkRedFlagQuestions(files);
    for (DrlRule rule : rules) {
      checkMetadata(rule);
      checkSources(rule);
      checkUrgency(rule);
      checkConstants(rule);
      checkConditions(rule);
    }
    checkDuplicateIds();
    checkDuplicateRules();
    checkInventory();
    if (problems.stream().noneMatch(p -> p.check() == Check.SAFETY)) {
      loadAndCover(); // loading runs the rules: never rules that could harm the machine
    }
    problems.sort(Comparator.comparing((Problem p) -> p.severity())
        .thenComparing(Problem::file).thenComparingInt(Problem::line));
    return new Result(problems, rules.size(), inventory.size(), caseCount, redFlagQuestions);
  }

  // --- the red-flag questions ---

  /**
   * The declared red-flag questions must be questions of the record, and every question a rule
   * at URGENT or EMERGENCY reads (through intermediate facts too) should be one of them: else a
   * record that leaves it unasked can end in self-care while the red-flag rule waits for it.
   */
  private void checkRedFlagQuestions(Map<String, String> files) {
    Path file = rulesDir.resolve(Vocabulary.FILE);
    String where = inRules(Vocabulary.FILE);
    if (!Files.isRegularFile(file)) {
      error(Check.VOCABULARY, where, 0, null, "the vocabulary is missing: every observation the "
          + "rules read is defined in " + Vocabulary.FILE);
      return;
    }
    try {
      vocabulary = Vocabulary.read(read(file), Vocabulary.FILE);
    } catch (org.spinefoot.RuleBaseException e) {
      e.problems().forEach(p -> error(Check.VOCABULARY, where, p.line(), null, p.message()));
      return;
    }
    List<String> declared = vocabulary.redFlagQuestions();
    redFlagQuestions = declared;
    org.spinefoot.vocabulary.VocabularyUse.check(vocabulary, files).forEach(p -> error(
        Check.VOCABULARY, inRules(p.file()), p.line(), ruleAt(p.file(), p.line()), p.message()));
    QuestionReads.of(files, vocabulary).questionsReadOnlyByRedFlagRules()
        .forEach((question, readers) -> {
          if (!declared.contains(question)) {
            QuestionReads.RuleReads first = readers.get(0);
            warning(Check.RED_FLAGS, inRules(first.file()), first.line(), first.id(), question
                + " is read by this " + first.urgency() + " rule"
                + (readers.size() > 1 ? " and " + (readers.size() - 1) + " more" : "")
                + ", and by no rule below URGENT, but is not a red-flag question: a record that "
                + "leaves it unasked can end in self-care; mark it 'redFlag: true' in "
                + Vocabulary.FILE);
          }
        });
  }

  // --- the knowledge index and the source index ---

  private void readInventory() {
    Path file = rulesDir.resolve("inventory.yaml");
    if (!Files.isRegularFile(file)) {
      error(Check.INVENTORY, inRules("inventory.yaml"), 0, null, "the knowledge index is missing");
      return;
    }
    inventoryText = read(file);
    String[] lines = inventoryText.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = INVENTORY_ITEM_LINE.matcher(lines[i]);
      if (m.find()) {
        Integer first = inventoryLines.putIfAbsent(m.group(1), i + 1);
        if (first != null) {
          error(Check.INVENTORY, inRules("inventory.yaml"), i + 1, null,
              "item " + m.group(1) + " is listed twice (first at line " + first + ")");
        }
      }
    }
    try {
      InventoryItem[] items = StrictJson.yaml().readValue(inventoryText, InventoryItem[].class);
      inventory.addAll(List.of(items == null ? new InventoryItem[0] : items));
    } catch (JsonProcessingException e) {
      error(Check.INVENTORY, inRules("inventory.yaml"),
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
          StrictJson.invalid("inventory.yaml", e).getMessage());
    }
    for (InventoryItem item : inventory) {
      int line = inventoryLines.getOrDefault(item.id(), 0);
      if (!InventoryItem.ID_FORM.matcher(item.id()).matches()) {
        error(Check.INVENTORY, inRules("inventory.yaml"), line, null,
            "item '" + item.id() + "' is not an inventory ID like RF-07");
      }
      if (!URGENCIES.contains(item.urgency())) {
        error(Check.INVENTORY, inRules("inventory.yaml"), line, null, "item " + item.id()
            + ": urgency '" + item.urgency() + "' is unknown; allowed: " + allowedUrgencies());
      }
    }
  }

  private void readSources() {
    Path file = rulesDir.resolve(SourceIndex.FILE);
    if (!Files.isRegularFile(file)) {
      error(Check.SOURCE, inRules(SourceIndex.FILE), 0, null, "the source index is missing: list the seed "
          + "articles with their exact section headings and the guideline prefixes");
      return;
    }
    try {
      sources = SourceIndex.parse(read(file), SourceIndex.FILE);
    } catch (InvalidInputException e) {
      error(Check.SOURCE, inRules(SourceIndex.FILE), 0, null, e.getMessage());
    }
  }

  // --- rule by rule ---

  private void checkMetadata(DrlRule rule) {
    for (String key : List.of("id", "inventory", "urgency", "source")) {
      List<DrlRule.Annotation> given = rule.annotations(key);
      if (given.size() > 1) {
        error(Check.METADATA, rule, given.get(1).line(), "@" + key + " is given "
            + given.size() + " times; only one counts (list several values in one, separated by "
            + (key.equals("source") ? "';'" : "','") + ")");
      }
    }
    String id = rule.value("id");
    if (id == null || id.isBlank()) {
      error(Check.METADATA, rule, rule.line(), "missing @id: give the rule a stable ID");
    }
    DrlRule.Annotation inventoryIds = rule.annotation("inventory").orElse(null);
    if (inventoryIds == null || inventoryIds.value().isBlank()) {
      error(Check.METADATA, rule, rule.line(), "missing @inventory: name the inventory items it encodes");
    } else {
      Set<String> known = knownInventoryIds();
      for (String item : split(inventoryIds.value(), ",")) {
        if (!InventoryItem.ID_FORM.matcher(item).matches()) {
          error(Check.METADATA, rule, inventoryIds.line(),
              "@inventory item '" + item + "' is not an inventory ID like RF-07");
        } else if (!inventoryText.isEmpty() && !known.contains(item)) {
          error(Check.METADATA, rule, inventoryIds.line(),
              "@inventory item '" + item + "' is not in the knowledge index inventory.yaml");
        }
      }
    }
    DrlRule.Annotation urgency = rule.annotation("urgency").orElse(null);
    if (urgency == null) {
      error(Check.METADATA, rule, rule.line(), "missing @urgency; allowed: " + allowedUrgencies());
    } else if (!URGENCIES.contains(urgency.value())) {
      error(Check.METADATA, rule, urgency.line(), "@urgency(" + urgency.value()
          + ") is unknown; allowed: " + allowedUrgencies());
    }
    DrlRule.Annotation source = rule.annotation("source").orElse(null);
    if (source == null || split(source.value(), ";").isEmpty()) {
      error(Check.METADATA, rule, rule.line(),
          "missing @source: cite the article file and section, or the guideline");
    }
  }

  private void checkSources(DrlRule rule) {
    if (sources == null) {
      return;
    }
    for (DrlRule.Annotation source : rule.annotations("source")) {
      List<String> citations = split(source.value(), ";");
      String hint = citations.size() > 1 ? "; note: ';' separates sources: list a paper under "
          + "references in " + SourceIndex.FILE + " and cite its ID" : "";
      for (String citation : citations) {
        sources.check(citation).ifPresent(
            why -> error(Check.SOURCE, rule, source.line(), "@source " + why
                + (why.contains("' is neither ") ? hint : "")));
      }
    }
  }

  private void checkUrgency(DrlRule rule) {
    DrlRule.Annotation declared = rule.annotation("urgency").orElse(null);
    if (declared == null || !URGENCIES.contains(declared.value())) {
      return; // reported by the metadata check
    }
    String urgency = declared.value();
    Set<String> findingUrgencies = new LinkedHashSet<>();
    Matcher finding = NEW_FINDING.matcher(rule.then());
    while (finding.find()) {
      Matcher literal = LITERAL_URGENCY.matcher(finding.group(1));
      if (literal.matches()) {
        findingUrgencies.add(literal.group(1));
      } else {
        warning(Check.URGENCY, rule, rule.lineInThen(finding.start()), "the urgency of "
            + "its finding is computed (" + finding.group(1) + "), so @urgency cannot be checked");
      }
    }
    boolean advice = NEW_ADVICE.matcher(rule.then()).find();
    for (String concluded : findingUrgencies) {
      if (!concluded.equals(urgency)) {
        error(Check.URGENCY, rule, declared.line(), "@urgency(" + urgency
            + ") but it concludes a finding of urgency " + concluded);
      }
    }
    if (!findingUrgencies.isEmpty()) {
      return;
    }
    if (advice && !urgency.equals("SELF_CARE")) {
      error(Check.URGENCY, rule, declared.line(), "@urgency(" + urgency
          + ") but it gives advice and concludes no finding: advice rules are SELF_CARE");
    } else if (!advice && !urgency.equals("NONE") && !NEW_FINDING.matcher(rule.then()).find()) {
      error(Check.URGENCY, rule, declared.line(), "@urgency(" + urgency
          + ") but it concludes no finding and gives no advice: use NONE");
    }
  }

  private void checkConstants(DrlRule rule) {
    checkConstants(rule, rule.when(), true);
    checkConstants(rule, rule.then(), false);
  }

  private void checkConstants(DrlRule rule, String code, boolean inWhen) {
    Matcher m = ENUM_CONSTANT.matcher(DrlReader.blankStrings(code));
    while (m.find()) {
      Class<? extends Enum<?>> type = ENUMS.get(m.group(1));
      List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      if (!names.contains(m.group(2))) {
        error(Check.COMPILE, rule, inWhen ? rule.lineInWhen(m.start()) : rule.lineInThen(m.start()),
            org.spinefoot.engine.ReviewerWords.unknownMember(m.group(1), m.group(2)));
      }
    }
  }

  private void checkConditions(DrlRule rule) {
    if (rule.descr() == null) {
      return; // its file does not parse: loading the rules reports why, with the line
    }
    for (ConditionCheck.Impossible c : ConditionCheck.check(rule.descr(), vocabulary)) {
      int line = c.line();
      if (c.required()) {
        error(Check.NEVER_FIRES, rule, line, "can never fire: " + c.pattern() + " never matches: "
            + c.reason());
      } else {
        warning(Check.NEVER_FIRES, rule, line, "the condition " + c.pattern()
            + " never matches (" + c.reason() + "), so it has no effect where it stands");
      }
    }
  }

  // --- across rules ---

  // Every rule sharing an ID is reported, each naming the others: which one is "the duplicate"
  // is the reviewer's call.
  private void checkDuplicateIds() {
    Map<String, List<DrlRule>> byId = new LinkedHashMap<>();
    for (DrlRule rule : rules) {
      String id = rule.value("id");
      if (id != null && !id.isBlank()) {
        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(rule);
      }
    }
    for (Map.Entry<String, List<DrlRule>> e : byId.entrySet()) {
      for (DrlRule rule : e.getValue()) {
        List<String> others = e.getValue().stream().filter(o -> o != rule)
            .map(o -> "rule \"" + o.name() + "\" at " + o.location()).toList();
        if (!others.isEmpty()) {
          error(Check.METADATA, rule, rule.annotation("id").get().line(), "@id(" + e.getKey()
              + ") is also used by " + String.join(", ", others));
        }
      }
    }
  }

  private void checkDuplicateRules() {
    Map<String, DrlRule> byMeaning = new LinkedHashMap<>();
    for (DrlRule rule : rules) {
      DrlRule first = byMeaning.putIfAbsent(meaning(rule), rule);
      if (first != null) {
        error(Check.DUPLICATE, rule, rule.line(), "same conditions and conclusions as rule "
            + first.label() + " at " + first.location());
      }
    }
  }

  /** The rule's conditions and conclusions with whitespace normalised, for comparison. */
  static String meaning(DrlRule rule) {
    List<String> conclusions = new ArrayList<>();
    String skeleton = DrlReader.blankStrings(rule.then());
    Matcher m = INSERT.matcher(skeleton);
    while (m.find()) {
      int close = DrlReader.closingParen(skeleton, m.end() - 1);
      if (close > 0) {
        conclusions.add(normalise(rule.then().substring(m.start(), close + 1)));
      }
    }
    String then = conclusions.isEmpty() ? normalise(rule.then()) : String.join(";", conclusions);
    return normalise(rule.when()) + "\n=>\n" + then;
  }

  private static String normalise(String code) {
    return code.replaceAll("\\s+", " ").replaceAll(" ?([(),;:\\[\\]]) ?", "$1").strip();
  }

  private void checkInventory() {
    Set<String> encoded = new LinkedHashSet<>();
    for (DrlRule rule : rules) {
      encoded.addAll(split(rule.value("inventory") == null ? "" : rule.value("inventory"), ","));
    }
    for (InventoryItem item : inventory) {
      int line = inventoryLines.getOrDefault(item.id(), 0);
      if (!encoded.contains(item.id())) {
        error(Check.INVENTORY, inRules("inventory.yaml"), line, null,
            "item " + item.id() + " is encoded by no rule (no rule names it in @inventory)");
      }
      if (sources != null) {
        for (String citation : item.sources()) {
          sources.check(citation).ifPresent(why -> error(Check.SOURCE, inRules("inventory.yaml"),
              lineOfText(citation, line), null, "item " + item.id() + ": source " + why));
        }
      }
    }
  }

  private int lineOfText(String text, int fromLine) {
    String[] lines = inventoryText.split("\n", -1);
    for (int i = Math.max(0, fromLine - 1); i < lines.length; i++) {
      if (lines[i].contains(text)) {
        return i + 1;
      }
    }
    return fromLine;
  }

  // --- the loaded knowledge base: compiler messages and coverage by the cases ---

  private void loadAndCover() {
    Assessor assessor;
    try {
      assessor = Assessor.fromDirectory(rulesDir);
    } catch (RuleBaseException e) {
      boolean metadataReported = problems.stream().anyMatch(
          p -> p.check() == Check.METADATA && p.severity() == Severity.ERROR);
      for (RuleBaseException.Problem p : ProblemLines.located(e.problems(), rulesDir)) {
        if (metadataReported && LOADER_METADATA_PROBLEM.matcher(p.message()).find()) {
          continue; // the same problem, already reported above by rule
        }
        if (Vocabulary.FILE.equals(p.file())) {
          continue; // reported above by the vocabulary check
        }
        Check check = p.message().contains("fails when evaluated") ? Check.LOAD : Check.COMPILE;
        String file = p.file() == null ? rulesDir.toString() : inRules(p.file());
        if (problems.stream().anyMatch(q -> q.file().equals(file)
            && (q.line() == p.line() || p.line() <= 0) && q.message().equals(p.message()))) {
          continue; // the same problem, already reported above by rule
        }
        error(check, p.file() == null ? rulesDir.toString() : inRules(p.file()), p.line(),
            ruleAt(p.file(), p.line()), p.message());
      }
      if (casesDir != null) {
        warning(Check.COVERAGE, casesDir.toString(), 0, null,
            "coverage by the test cases is not checked: the rules do not load");
      }
      return;
    }
    for (RuleBaseException.Problem w : assessor.warnings()) {
      warning(Check.COMPILE, w.file() == null ? rulesDir.toString() : inRules(w.file()), w.line(),
          ruleAt(w.file(), w.line()), w.message());
    }
    checkVersion(assessor.knowledge());
    if (casesDir != null) {
      cover(assessor);
    }
  }

  // A warning, not an error: a reviewer's edit is a draft until its new version is recorded,
  // and it runs as one (serve refuses it unless told to allow drafts). A new knowledge.yaml
  // written without rulesSha256 gets the value to record here.
  private void checkVersion(KnowledgeVersion k) {
    String file = inRules("knowledge.yaml");
    String record = "rulesSha256: " + k.rulesSha256();
    if (KnowledgeVersion.UNVERSIONED.equals(k.version())) {
      return; // rules kept outside a release (a fixture, an experiment): a draft, not a mistake
    }
    if (k.recordedSha256() == null) {
      warning(Check.VERSION, file, 0, null, "version " + k.version() + " records no rulesSha256, "
          + "so it runs as a draft; when it is approved, record " + record);
    } else if (!k.matchesRecordedRules()) {
      warning(Check.VERSION, file, 0, null, "the rules changed since version " + k.version()
          + " was recorded (rulesSha256 " + k.recordedSha256().substring(0, 12) + "..., now "
          + k.shortHash() + "...), so they run as a draft: give the knowledge base a new version "
          + "and date, add a change-log entry saying what changed, and record " + record);
    }
  }

  private void cover(Assessor assessor) {
    List<Path> files;
    try {
      files = CaseRunner.findCases(casesDir);
    } catch (InvalidInputException e) {
      error(Check.CASES, casesDir.toString(), 0, null, e.getMessage());
      return;
    }
    CaseRunner runner = new CaseRunner(assessor);
    List<CaseResult> results = new ArrayList<>();
    for (Path f : files) {
      CaseResult r = runner.run(f);
      results.add(r);
      if (!r.passed()) {
        warning(Check.CASES, f.toString(), 0, null, "the case "
            + (r.testCase() == null ? "is invalid" : "fails") + "; run ./spinefoot test " + f
            + " (a failing case may leave rules uncovered)");
      }
    }
    caseCount = results.size();
    Coverage coverage = Coverage.of(assessor, results);
    for (Coverage.RuleCoverage rc : coverage.rules()) {
      RuleInfo r = rc.rule();
      if (rc.firedIn().isEmpty()) {
        error(Check.COVERAGE, inRules(r.file()), r.line(), r.id(),
            "no test case fires this rule: add a case where it fires");
      }
      if (rc.nearMissIn().isEmpty()) {
        error(Check.COVERAGE, inRules(r.file()), r.line(), r.id(), "no near-miss case: add a case that "
            + "lists it under rulesNotFired (or its conclusion under absent)");
      }
    }
    for (Coverage.ItemCoverage ic : coverage.items()) {
      int line = inventoryLines.getOrDefault(ic.item().id(), 0);
      if (!ic.rules().isEmpty() && ic.positiveIn().isEmpty()) {
        error(Check.COVERAGE, inRules("inventory.yaml"), line, null,
            "item " + ic.item().id() + " has no case that concludes it (under present)");
      }
      if (!ic.rules().isEmpty() && ic.nearMissIn().isEmpty()) {
        error(Check.COVERAGE, inRules("inventory.yaml"), line, null,
            "item " + ic.item().id() + " has no near-miss case (under absent)");
      }
    }
  }

  // --- helpers ---

  private Set<String> knownInventoryIds() {
    Set<String> ids = new LinkedHashSet<>(inventoryLines.keySet());
    inventory.forEach(i -> ids.add(i.id()));
    return ids;
  }

  /** The rule whose text spans a line of a file, for problems the loader reports by line. */
  private String ruleAt(String file, int line) {
    DrlRule found = null;
    for (DrlRule r : rules) {
      if (r.file().equals(file) && r.line() <= line
          && line < r.line() + (int) r.text().chars().filter(c -> c == '\n').count() + 1) {
        found = r;
      }
    }
    return found == null ? null : found.label();
  }

  /** A file under the rules directory, as the reader finds it. */
  private String inRules(String relative) {
    // Relative to the working folder when under it, as watch and catalog print paths.
    Path file = rulesDir.resolve(relative);
    Path absolute = file.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) && !absolute.equals(here)
        ? here.relativize(absolute).toString() : file.toString();
  }

  private static List<String> split(String value, String separator) {
    List<String> out = new ArrayList<>();
    for (String s : value.split(separator)) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static String allowedUrgencies() {
    return "EMERGENCY, URGENT, SOON, SELF_CARE, NONE";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private void error(Check check, DrlRule rule, int line, String message) {
    problems.add(new Problem(Severity.ERROR, check, inRules(rule.file()), line, rule.label(),
        message));
  }

  private void warning(Check check, DrlRule rule, int line, String message) {
    problems.add(new Problem(Severity.WARNING, check, inRules(rule.file()), line, rule.label(),
        message));
  }

  private void error(Check check, String file, int line, String rule, String message) {
    problems.add(new Problem(Severity.ERROR, check, file, line, rule, message));
  }

  private void warning(Check check, String file, int line, String rule, String message) {
    problems.add(new Problem(Severity.WARNING, check, file, line, rule, message));
  }
}
