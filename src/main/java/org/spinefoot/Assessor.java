package org.spinefoot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.Watchdog;
import org.spinefoot.knowledge.PackagedModel;
import org.spinefoot.knowledge.RuleBaseBuilder;
import org.spinefoot.knowledge.RuleFiles;

/**
 * The spinefoot knowledge base, loaded once, assessing patients.
 *
 * <pre>{@code
 * Assessor assessor = Assessor.fromClasspath();      // the rules packaged in the jar
 * Assessment result = assessor.assess(patient);
 * result.disposition();                               // EMERGENCY, URGENT, SOON or SELF_CARE
 * }</pre>
 *
 * <p>Immutable and thread-safe once constructed: share one instance across threads and assess
 * as many patients as you like. It holds no static state. Building it from DRL compiles every
 * rule, checks every rule's provenance metadata and evaluates every rule on a set of probe
 * patients (the packaged rules had all this done when the library was built);
 * if anything is wrong it throws {@link RuleBaseException} listing every problem with file and
 * line, and no knowledge base is made.
 */
public final class Assessor {
  /** Bound on rule firings for one assessment: a rule that loops is stopped and named. */
  public static final int DEFAULT_MAX_FIRINGS = 10_000;
  /**
   * Bound on the time of one assessment: generous (an assessment takes about a millisecond), so
   * only a rule that never returns reaches it. It is then stopped and named.
   */
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(10);

  private final KieBase kieBase;
  private final Map<Rule, RuleInfo> rulesByRule;
  private final List<RuleInfo> rules;
  private final List<InventoryItem> inventory;
  private final KnowledgeVersion knowledge;
  private final Vocabulary vocabulary;
  /** The record's facts in this vocabulary, red-flag questions due included (INT-03). */
  private final PatientFacts facts;
  private final List<String> redFlagQuestions;
  private final java.util.Set<String> redFlagPaths;
  private final List<RuleBaseException.Problem> warnings;
  private final int maxFirings;
  private final Watchdog watchdog;
  /** Engine sessions reused across assessments: reset and reused is cheaper than new. */
  private final org.kie.api.runtime.KieSessionsPool sessions;
  /** By rule name, from the rules' not-patterns as Drools' parser read them at load. */
  private final Map<String, java.util.Set<String>> negatedTypes;
  /**
   * By slot of {@link PatientFacts#slots}: whether a rule can match the question there while it
   * is not asked. Only those "not asked" facts go into a session; the rest would match nothing.
   */
  private final boolean[] notAskedRead;

  /**
   * Where the executable model's classes come from (to name a rule in a stack trace); null when
   * the rules were compiled from DRL.
   */
  private final ClassLoader modelLoader;

  private Assessor(RuleFiles.RuleSet files, int maxFirings, Duration timeBudget) {
    this(files, null, maxFirings, timeBudget);
  }

  /** With a model, its rules are used instead of compiling the files (which it was made from). */
  private Assessor(RuleFiles.RuleSet files, PackagedModel model, int maxFirings,
      Duration timeBudget) {
    if (maxFirings < 1) {
      throw new IllegalArgumentException("maxFirings: " + maxFirings + "; allowed: 1 or more");
    }
    // A model is used only for the rules it was compiled from: its hash is theirs, already
    // checked, and need not be computed again.
    this.knowledge = files.version(model == null ? files.contentHash() : model.rulesHash());
    this.watchdog = new Watchdog(timeBudget);
    this.modelLoader = model == null ? null : model.loader();
    RuleBaseBuilder.Built built = RuleBaseBuilder.build(files,
        model == null ? null : model.newKieBaseInBackground());
    this.inventory = built.inventory();
    this.vocabulary = built.vocabulary();
    this.facts = vocabulary == Vocabulary.packaged() ? PatientFacts.packaged()
        : new PatientFacts(vocabulary);
    this.redFlagQuestions = vocabulary.redFlagQuestions();
    this.redFlagPaths = java.util.Set.copyOf(redFlagQuestions);
    this.kieBase = built.kieBase();
    this.rulesByRule = byRule(built.kieBase(), built.rulesByName());
    this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
    this.negatedTypes = built.negatedTypesByRule();
    this.notAskedRead = new boolean[facts.slotNames().size()];
    for (int i = 0; i < facts.firstDueSlot(); i++) {
      notAskedRead[i] = built.readWhenNotAsked().contains(facts.slotNames().get(i));
    }
    this.rules = built.rules();
    this.warnings = List.copyOf(built.warnings());
    this.maxFirings = maxFirings;
    if (!precompiled()) {
      // A model was built from rules that passed this very test when the build loaded their
      // DRL (ExecutableModelGenerator), and its Java was type-checked by the compiler.
      smokeTest();
    }
  }

  /**
   * Loads the rules packaged with the library (the {@code rules/} folder of the project), with
   * the default bounds. The build compiles them to Drools' executable model, so loading compiles
   * no rule: about a second in a fresh JVM, where compiling the DRL takes seconds. Load once and
   * share the instance.
   *
   * @return the loaded knowledge base
   * @throws RuleBaseException if the rules cannot be loaded: every problem, with file and line
   */
  public static Assessor fromClasspath() {
    return fromClasspath(DEFAULT_MAX_FIRINGS, DEFAULT_TIME_BUDGET);
  }

  /**
   * As {@link #fromClasspath()}, with other bounds on rule firings and on the time of one
   * assessment.
   *
   * @param maxFirings the most rule firings one assessment may take, 1 or more (default {@link
   *     #DEFAULT_MAX_FIRINGS}); more fail the assessment as a loop
   * @param timeBudget the processor time one assessment may use, more than zero (default {@link
   *     #DEFAULT_TIME_BUDGET}); a rule still running then is stopped
   * @return the loaded knowledge base
   * @throws IllegalArgumentException if a bound is out of range
   * @throws RuleBaseException if the rules cannot be loaded: every problem, with file and line
   */
  public static Assessor fromClasspath(int maxFirings, Duration timeBudget) {
    ClassLoader loader = Assessor.class.getClassLoader();
    PackagedModel model = PackagedModel.find(loader);
    RuleFiles.RuleSet listed = model == null || model.ruleFiles().isEmpty() ? null
        : RuleFiles.fromClasspath(loader, model.ruleFiles());
    if (listed != null && model.compiledFrom(listed)) {
      return new Assessor(listed, model, maxFirings, timeBudget);
    }
    // The model is used only for the very rules it was compiled from; without one (a class
    // path the build did not make) the packaged DRL is compiled, which gives the same rules.
    RuleFiles.RuleSet packaged = RuleFiles.fromClasspath(loader);
    return new Assessor(packaged, ifCompiledFrom(model, packaged), maxFirings, timeBudget);
  }

  /**
   * As {@link #fromDirectory(Path, int, Duration)}, except that when the directory holds exactly
   * the rules packaged with the library (the same DRL files, knowledge index and red-flag
   * questions, byte for byte) the packaged executable model is used, which loads in a fraction
   * of the time and gives the same assessments. A rule directory that differs in anything is
   * compiled from its DRL, as by {@link #fromDirectory(Path)}.
   *
   * @param rulesDirectory the rules root, holding the {@code .drl} files in folders, {@code
   *     inventory.yaml} and {@code vocabulary.yaml}
   * @param maxFirings the most rule firings one assessment may take, 1 or more (default {@link
   *     #DEFAULT_MAX_FIRINGS}); more fail the assessment as a loop
   * @param timeBudget the processor time one assessment may use, more than zero (default {@link
   *     #DEFAULT_TIME_BUDGET}); a rule still running then is stopped
   * @return the loaded knowledge base
   * @throws IllegalArgumentException if a bound is out of range
   * @throws RuleBaseException if the rules cannot be loaded: every problem, with file and line
   */
  public static Assessor fromDirectoryPreferPackaged(Path rulesDirectory, int maxFirings,
      Duration timeBudget) {
    RuleFiles.RuleSet files = RuleFiles.fromDirectory(Objects.requireNonNull(rulesDirectory));
    PackagedModel model = PackagedModel.find(Assessor.class.getClassLoader());
    return new Assessor(files, ifCompiledFrom(model, files), maxFirings, timeBudget);
  }

  /** The model when it was compiled from exactly these rules; otherwise null (use the DRL). */
  private static PackagedModel ifCompiledFrom(PackagedModel model, RuleFiles.RuleSet files) {
    return model != null && model.compiledFrom(files) ? model : null;
  }

  /** Loads rules from an executable model compiled from exactly these files (for tests). */
  static Assessor fromModel(RuleFiles.RuleSet files, PackagedModel model, int maxFirings,
      Duration timeBudget) {
    if (!model.compiledFrom(files)) {
      throw new IllegalArgumentException("the model was not compiled from these rules");
    }
    return new Assessor(files, model, maxFirings, timeBudget);
  }

  /** True when this knowledge base came from the executable model compiled at build time. */
  boolean precompiled() {
    return modelLoader != null;
  }

  /**
   * Loads the {@code .drl} files under a directory, so that a reviewer's edited {@code rules/}
   * is used without a rebuild. The directory also holds {@code inventory.yaml} and {@code
   * vocabulary.yaml}. Default bounds.
   *
   * @param rulesDirectory the rules root, e.g. {@code rules}
   * @return the loaded knowledge base
   * @throws RuleBaseException if the rules cannot be loaded (every problem, with file and line),
   *     the path is not a directory, or the DRL compiler (drools-compiler, drools-mvel: optional
   *     dependencies of this library) is not on the classpath
   * @throws NullPointerException if {@code rulesDirectory} is null
   */
  public static Assessor fromDirectory(Path rulesDirectory) {
    return fromDirectory(rulesDirectory, DEFAULT_MAX_FIRINGS);
  }

  /**
   * Loads rules given as text rather than files: the DRL files by their path under the rules
   * root ({@code redflags/red-flags.drl}), the knowledge index and the vocabulary.
   * For tools that vary the rules in memory, such as mutation testing. Default bounds.
   *
   * @param drlByPath the DRL text of each rule file, by its path under the rules root; loaded in
   *     path order
   * @param inventoryYaml the text of {@code inventory.yaml}
   * @param vocabularyYaml the text of {@code vocabulary.yaml}
   * @return the loaded knowledge base
   * @throws RuleBaseException if the rules cannot be loaded: every problem, with file and line
   */
  public static Assessor fromTexts(Map<String, String> drlByPath, String inventoryYaml,
      String vocabularyYaml) {
    List<RuleFiles.RuleFile> files = new ArrayList<>();
    new java.util.TreeMap<>(drlByPath).forEach((path, text) -> files.add(new RuleFiles.RuleFile(path, text)));
    return new Assessor(new RuleFiles.RuleSet(List.copyOf(files), inventoryYaml,
        vocabularyYaml), DEFAULT_MAX_FIRINGS, DEFAULT_TIME_BUDGET);
  }

  /**
   * As {@link #fromDirectory(Path)}, with another bound on rule firings per assessment.
   *
   * @param rulesDirectory the rules root
   * @param maxFirings the most rule firings one assessment may take, 1 or more; more fail the
   *     assessment as a loop
   * @return the loaded knowledge base
   * @throws IllegalArgumentException if {@code maxFirings} is less than 1
   * @throws RuleBaseException if the rules cannot be loaded: every problem, with file and line
   */
  public static Assessor fromDirectory(Path rulesDirectory, int maxFirings) {
    return fromDirectory(rulesDirectory, maxFirings, DEFAULT_TIME_BUDGET);
  }

  /**
   * As {@link #fromDirectory(Path)}, with other bounds on rule firings and on the time of one
   * assessment: a rule still running when the time is up is stopped, and the assessment fails
   * with an {@link AssessmentException} naming it.
   *
   * @param rulesDirectory the rules root
   * @param maxFirings the most rule firings one assessment may take, 1 or more; more fail the
   *     assessment as a loop
   * @param timeBudget the processor time one assessment may use, more than zero (a rule that
   *     waits without using the processor is stopped after ten times as long on the clock)
   * @return the loaded knowledge base
   * @throws IllegalArgumentException if a bound is out of range
   * @throws RuleBaseException if the rules cannot be loaded: every problem, with file and line
   */
  public static Assessor fromDirectory(Path rulesDirectory, int maxFirings, Duration timeBudget) {
    return new Assessor(RuleFiles.fromDirectory(Objects.requireNonNull(rulesDirectory)),
        maxFirings, timeBudget);
  }

  /**
   * Assesses one patient. Safe to call from many threads at once; each call uses its own engine
   * session, taken from a pool.
   *
   * @param patient the record
   * @return the assessment; the same record always gives the same assessment
   * @throws AssessmentException if a rule fails or loops on this patient, or runs past the time
   *     budget
   * @throws NullPointerException if {@code patient} is null
   */
  public Assessment assess(Patient patient) {
    try (PatientSession session = new PatientSession(this, Objects.requireNonNull(patient, "patient"),
        false, sessions.newKieSession())) {
      return session.assessment();
    }
  }

  /**
   * What to ask next about a record and what would change its outcome: every unanswered
   * question with the disposition each answer would give, ranked, and every single change of an
   * answered question that would change the disposition. Works in one pooled session (set an
   * answer, run the rules, read, take it back); costs a few milliseconds.
   *
   * @param patient the record as it stands
   * @return the ranked questions and the answer changes that would change the outcome
   * @throws AssessmentException if a rule fails or loops on the record or an answer tried
   * @throws NullPointerException if {@code patient} is null
   */
  public NextQuestions askNext(Patient patient) {
    try (PatientSession session = new PatientSession(this, Objects.requireNonNull(patient, "patient"),
        false, sessions.newKieSession())) {
      return session.nextQuestions();
    }
  }

  /**
   * Opens a session for one patient whose answers will change, as in an interactive
   * questionnaire. The caller closes it. Without tracing.
   *
   * @param patient the record to start from
   * @return a session already holding the assessment of {@code patient}
   * @throws AssessmentException if a rule fails or loops on the record (the session is then
   *     closed)
   * @throws NullPointerException if {@code patient} is null
   */
  public PatientSession openSession(Patient patient) {
    return openSession(patient, false);
  }

  /**
   * Opens a session that, with {@code tracing}, records every rule fired and every conclusion
   * withdrawn ({@link PatientSession#trace()}); tracing costs time, so batch work leaves it off.
   * The caller closes it.
   *
   * @param patient the record to start from
   * @param tracing true to record a trace of each assessment and update
   * @return a session already holding the assessment of {@code patient}
   * @throws AssessmentException if a rule fails or loops on the record (the session is then
   *     closed)
   * @throws NullPointerException if {@code patient} is null
   */
  public PatientSession openSession(Patient patient, boolean tracing) {
    return new PatientSession(this, Objects.requireNonNull(patient, "patient"), tracing,
        kieBase.newKieSession());
  }

  /**
   * Assesses one patient and records how: the rules fired and the conclusions withdrawn. Slower
   * than {@link #assess(Patient)}; for explaining one result, not for batch work.
   *
   * @param patient the record
   * @return the assessment with its trace
   * @throws AssessmentException if a rule fails or loops on this patient
   * @throws NullPointerException if {@code patient} is null
   */
  public Explanation explain(Patient patient) {
    try (PatientSession session = openSession(patient, true)) {
      return new Explanation(session.assessment(), session.trace());
    }
  }

  /**
   * Every rule of the knowledge base, with its provenance.
   *
   * @return an unmodifiable list, in file and line order
   */
  public List<RuleInfo> rules() {
    return rules;
  }

  /**
   * Which knowledge this is: the version, status, date and publisher of {@code knowledge.yaml}
   * and the hash of the rules loaded. Every assessment names it too.
   *
   * @return the knowledge base's version
   */
  public KnowledgeVersion knowledge() {
    return knowledge;
  }

  /**
   * The knowledge index ({@code inventory.yaml}): every inventory item the rules must encode.
   *
   * @return an unmodifiable list, in the index's order
   */
  public List<InventoryItem> inventory() {
    return inventory;
  }

  /**
   * The red-flag questions the knowledge declares ({@code vocabulary.yaml} beside the
   * rules), as paths such as {@code signs.fever}: a record that leaves one unasked never ends in
   * self-care.
   *
   * @return an unmodifiable list of record paths, in the list's order
   */
  public List<String> redFlagQuestions() {
    return redFlagQuestions;
  }

  /**
   * The red-flag questions this record leaves unasked, without running the rules; the same as
   * {@link Assessment#unanswered()} gives after an assessment.
   *
   * @param patient the record
   * @return record paths such as {@code signs.fever}, in the record's order; empty when every
   *     red-flag question is answered
   */
  public List<String> unansweredRedFlagQuestions(Patient patient) {
    return facts.unansweredRedFlagQuestions(patient);
  }

  /**
   * The observations this knowledge base reads, from its {@code vocabulary.yaml}. Build records
   * for it with {@link Vocabulary#newRecord(String)}: a key it does not define fails at once.
   *
   * @return the vocabulary
   */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  PatientFacts facts() {
    return facts;
  }

  /** Whether the fact for this slot goes into a session (a question not asked only if read). */
  boolean inSession(int slot, Object fact) {
    return fact != null && (notAskedRead[slot] || !(fact instanceof
        org.spinefoot.engine.facts.Question q && q.isNotAsked()));
  }

  java.util.Set<String> redFlagPaths() {
    return redFlagPaths;
  }


  /**
   * What the rule compiler warned about (the knowledge base loaded regardless).
   *
   * @return an unmodifiable list, empty when there were no warnings
   */
  public List<RuleBaseException.Problem> warnings() {
    return warnings;
  }

  KieBase kieBase() {
    return kieBase;
  }

  int maxFirings() {
    return maxFirings;
  }

  Watchdog watchdog() {
    return watchdog;
  }

  /**
   * The rule whose generated code is on this stack (an action or a condition), or null. Drools
   * names a rule's classes {@code Rule_} and the rule's name with other characters encoded
   * ({@code "Probe: x"} gives {@code Rule_Probe$u58$_x0}); both are compared by letters and
   * digits, the longest name matching winning.
   */
  String ruleOnStack(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      String cls = frame.getClassName();
      String simple = cls.substring(cls.lastIndexOf('.') + 1);
      if (precompiled() && simple.startsWith("LambdaPredicate")) {
        String rule = ruleOfModelCondition(cls);
        if (rule != null) {
          return rule;
        }
        continue;
      }
      if (!simple.startsWith("Rule_")) {
        continue;
      }
      String letters = lettersAndDigits(simple.substring("Rule_".length())
          .replaceAll("\\$u[0-9]+\\$", ""));
      String best = null;
      for (RuleInfo rule : rules) {
        String name = lettersAndDigits(rule.name());
        if (!name.isEmpty() && letters.startsWith(name)
            && (best == null || name.length() > lettersAndDigits(best).length())) {
          best = rule.name();
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  /**
   * The rule of a condition of the executable model: its generated class says which rules use
   * it ({@code predicateInformation()}); a condition shared by several rules gives the first of
   * them in file order.
   */
  private String ruleOfModelCondition(String className) {
    try {
      Class<?> cls = Class.forName(className, false, modelLoader);
      Object[] constants = cls.getEnumConstants();
      if (constants == null || constants.length == 0) {
        return null;
      }
      Object info = cls.getMethod("predicateInformation").invoke(constants[0]);
      if (!(info instanceof org.drools.model.functions.PredicateInformation p)) {
        return null;
      }
      java.util.Set<String> named = new java.util.HashSet<>();
      p.getRuleNameMap().forEach((k, v) -> {
        named.add(k);
        named.addAll(v);
      });
      return rules.stream().map(RuleInfo::name).filter(named::contains).findFirst()
          .orElse(null);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null; // naming the rule is a courtesy: the failure is reported regardless
    }
  }

  private static String lettersAndDigits(String s) {
    return s.replaceAll("[^\\p{L}\\p{N}]", "");
  }

  RuleInfo ruleInfo(Rule rule) {
    RuleInfo info = rulesByRule.get(rule);
    if (info == null) {
      throw new IllegalStateException("unknown rule " + rule.getName());
    }
    return info;
  }

  /** The fact types a rule requires to be absent ({@code not Type(...)}), for explanations. */
  java.util.Set<String> negatedTypes(RuleInfo rule) {
    return negatedTypes.getOrDefault(rule.name(), java.util.Set.of());
  }

  // Looked up on every firing and conclusion: by the engine's own rule objects, not by name.
  private static Map<Rule, RuleInfo> byRule(KieBase kieBase, Map<String, RuleInfo> byName) {
    Map<Rule, RuleInfo> out = new java.util.IdentityHashMap<>();
    for (org.kie.api.definition.KiePackage pkg : kieBase.getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        out.put(rule, byName.get(RuleBaseBuilder.key(rule.getPackageName(), rule.getName())));
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Some errors compile and only show when a rule is evaluated (a type mismatch such as
   * {@code years == "old"}), so every rule is evaluated on probe patients before loading succeeds.
   */
  private void smokeTest() {
    List<RuleBaseException.Problem> problems = new ArrayList<>();
    for (Patient probe : probePatients()) {
      try {
        assess(probe);
      } catch (AssessmentException e) {
        RuleInfo rule = culprit(e);
        String message = e.getCause() == null || e.getCause().getMessage() == null
            ? e.detail() : firstLine(e.getCause());
        RuleBaseException.Problem p = rule == null
            ? new RuleBaseException.Problem(null, 0, message)
            : new RuleBaseException.Problem(rule.file(), rule.line(),
                "rule \"" + rule.name() + "\" fails when evaluated: " + message);
        if (!problems.contains(p)) {
          problems.add(p);
        }
        if (e.detail().startsWith(PatientSession.OVER_BUDGET)) {
          break; // one rule that never returns is enough to know: no need to wait for each probe
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleBaseException("rules fail when evaluated", problems, null);
    }
  }

  private static final java.util.regex.Pattern NEAR =
      java.util.regex.Pattern.compile("Near : \\{\\.\\.\\. (.+?) \\.\\.\\.\\.\\}");

  /**
   * The rule that failed: named by the exception when the engine knows it, else the rule whose
   * text holds the expression the evaluator quotes (MVEL errors name the expression only).
   */
  private RuleInfo culprit(AssessmentException e) {
    if (e.ruleName() != null) {
      return rules.stream().filter(r -> r.name().equals(e.ruleName())).findFirst().orElse(null);
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      java.util.regex.Matcher m = NEAR.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        String expression = m.group(1).strip();
        List<RuleInfo> holding = rules.stream().filter(r -> r.drl().contains(expression)).toList();
        if (holding.size() == 1) {
          return holding.get(0);
        }
      }
    }
    return null;
  }

  private static String firstLine(Throwable t) {
    String m = String.valueOf(t.getMessage()).replaceAll("\\s+", " ").strip();
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }

  /** Records that between them give every question each of its answers, at extreme values. */
  private List<Patient> probePatients() {
    List<Patient> probes = new ArrayList<>();
    Side[] sides = Side.values();
    for (int variant = 0; variant < 6; variant++) {
      Map<Sign, Answer> signs = new java.util.HashMap<>();
      Map<Site, Felt> numbness = new java.util.HashMap<>();
      Map<Site, Felt> pain = new java.util.HashMap<>();
      Map<Site, Felt> weakness = new java.util.HashMap<>();
      int i = 0;
      for (Sign s : vocabulary.signs()) {
        signs.put(s, answer(variant, i++));
      }
      for (Site s : vocabulary.sites()) {
        Answer a = answer(variant, i++);
        Felt f = a == Answer.PRESENT ? Felt.on(sides[(variant + i) % sides.length])
            : a == Answer.ABSENT ? Felt.NO : Felt.NOT_ASKED;
        if (s.isNumbnessSite()) {
          numbness.put(s, f);
        }
        if (s.isPainSite()) {
          pain.put(s, f);
        }
        if (s.isWeaknessSite()) {
          weakness.put(s, f);
        }
      }
      Vocabulary.Entry ageRange = vocabulary.entry("age").orElseThrow();
      Vocabulary.Entry daysRange = vocabulary.entry("durationDays").orElseThrow();
      Integer age = variant == 2 ? null : variant % 2 == 0 ? ageRange.max()
          : Math.max(ageRange.min(), Math.min(ageRange.max(), variant * 13));
      Integer days = variant == 2 ? null : variant % 2 == 0 ? daysRange.min() : daysRange.max();
      probes.add(
          new Patient("probe-" + variant, null, age, days, signs, numbness, pain, weakness));
    }
    return probes;
  }

  private static Answer answer(int variant, int index) {
    switch (variant) {
      case 0:
        return Answer.PRESENT;
      case 1:
        return Answer.ABSENT;
      case 2:
        return Answer.NOT_ASKED;
      default:
        return Answer.values()[(index + variant) % 3];
    }
  }
}
