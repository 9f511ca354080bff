package org.spinefoot.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.InventoryItem;
import org.spinefoot.RuleBaseException;
import org.spinefoot.RuleInfo;
import org.spinefoot.Urgency;
import org.spinefoot.Vocabulary;
import org.spinefoot.engine.ReviewerWords;
import org.spinefoot.engine.facts.RuleMetadata;

/** Compiles DRL files into a KieBase and checks every rule's provenance metadata. */
public final class RuleBaseBuilder {
  private static final Set<String> URGENCIES = Set.of(
      Urgency.EMERGENCY.name(), Urgency.URGENT.name(), Urgency.SOON.name(),
      Urgency.SELF_CARE.name(), RuleMetadata.NO_URGENCY);

  /** The compiled knowledge base and what the compiler warned about. */
  public record Built(KieBase kieBase, Map<String, RuleInfo> rulesByName, List<RuleInfo> rules,
      List<InventoryItem> inventory, Vocabulary vocabulary,
      List<RuleBaseException.Problem> warnings, java.util.Set<String> readWhenNotAsked,
      Map<String, Set<String>> negatedTypesByRule) {}

  private RuleBaseBuilder() {}

  /** Compiles the DRL files. */
  public static Built build(RuleFiles.RuleSet ruleSet) {
    return build(ruleSet, null);
  }

  /**
   * With {@code precompiled} (the executable model of these very files), takes the rules from
   * it instead of compiling the DRL; every other check is the same, and the DRL text still
   * gives each rule its file, line and text.
   */
  public static Built build(RuleFiles.RuleSet ruleSet,
      java.util.function.Supplier<KieBase> precompiled) {
    List<InventoryItem> inventory = readInventory(ruleSet.inventory());
    Vocabulary vocabulary = Vocabulary.read(ruleSet.vocabulary(), Vocabulary.FILE);
    Set<String> inventoryIds = new java.util.HashSet<>();
    inventory.forEach(i -> inventoryIds.add(i.id()));
    List<RuleBaseException.Problem> vocabularyProblems = new ArrayList<>();
    for (Vocabulary.Entry e : vocabulary.entries()) {
      for (String id : e.inventory()) {
        if (!inventoryIds.contains(id)) {
          vocabularyProblems.add(new RuleBaseException.Problem(Vocabulary.FILE, e.line(),
              "'" + e.path() + "': inventory " + id + " is not an item of "
                  + RuleFiles.INVENTORY_FILE));
        }
      }
    }
    if (!vocabularyProblems.isEmpty()) {
      throw new RuleBaseException("the vocabulary names unknown inventory items",
          vocabularyProblems, null);
    }
    List<RuleFiles.RuleFile> files = ruleSet.drl();
    List<RuleBaseException.Problem> packageProblems = new ArrayList<>();
    Map<String, String> topicByPath = new HashMap<>();
    for (RuleFiles.RuleFile f : files) {
      String expected = topicOf(f.path());
      Matcher m = PACKAGE.matcher(f.text());
      if (!m.find()) {
        packageProblems.add(new RuleBaseException.Problem(f.path(), 1,
            "no package statement; expected: package " + expected + ";"));
      } else if (!m.group(2).equals(expected)) {
        packageProblems.add(new RuleBaseException.Problem(f.path(), lineAt(f.text(), m.start(2)),
            "package " + m.group(2) + " does not match the folder; expected: package "
                + expected + ";"));
      }
      topicByPath.put(f.path(), expected);
    }
    if (!packageProblems.isEmpty()) {
      throw new RuleBaseException("rule files are not in the package of their folder",
          packageProblems, null);
    }
    Map<String, String> textByPath = new HashMap<>();
    for (RuleFiles.RuleFile f : files) {
      textByPath.put(f.path(), f.text());
    }
    org.spinefoot.vocabulary.VocabularyUse.Use use =
        org.spinefoot.vocabulary.VocabularyUse.analyse(vocabulary, new java.util.TreeMap<>(textByPath));
    List<RuleBaseException.Problem> unknownWords = new ArrayList<>(use.problems());
    if (!unknownWords.isEmpty()) {
      unknownWords.sort(Comparator.comparing(RuleBaseException.Problem::file)
          .thenComparingInt(RuleBaseException.Problem::line));
      throw new RuleBaseException("rules read observations the vocabulary does not define",
          unknownWords, null);
    }
    KieBase kieBase;
    List<RuleBaseException.Problem> warnings;
    if (precompiled != null) {
      kieBase = precompiled.get();
      warnings = List.of(); // the build compiled these files and stopped on any error
    } else {
      requireDrlCompiler();
      KnowledgeBuilder kbuilder = KnowledgeBuilderFactory.newKnowledgeBuilder(
          KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(
              RuleBaseBuilder.class.getClassLoader()));
      for (RuleFiles.RuleFile f : files) {
        Resource r = ResourceFactory.newByteArrayResource(
            inKnowledgeBasePackage(f.text()).getBytes(StandardCharsets.UTF_8));
        r.setSourcePath(f.path());
        r.setResourceType(ResourceType.DRL);
        try {
          kbuilder.add(r, ResourceType.DRL);
        } catch (RuntimeException crash) {
          // Drools' compiler throws rather than reports on some rules it cannot build (an
          // accumulate over a variable no pattern binds, say): still a broken file, named.
          throw new RuleBaseException("the rule files do not compile", List.of(
              new RuleBaseException.Problem(f.path(), 0, "the Drools compiler failed on this "
                  + "file (" + crash + "); look for a variable used but never bound")), crash);
        }
      }
      List<RuleBaseException.Problem> errors =
          problems(kbuilder.getResults(ResultSeverity.ERROR), textByPath);
      if (!errors.isEmpty()) {
        throw new RuleBaseException("the rule files do not compile", errors, null);
      }
      warnings = problems(kbuilder.getResults(ResultSeverity.WARNING), textByPath);
      kieBase = kbuilder.newKieBase();
    }

    Collection<KiePackage> packages = kieBase.getKiePackages();
    List<RuleInfo> rules = new ArrayList<>();
    Map<String, RuleInfo> byName = new LinkedHashMap<>();
    Map<String, RuleInfo> byId = new HashMap<>();
    List<RuleBaseException.Problem> metadataProblems = new ArrayList<>();
    for (KiePackage pkg : packages) {
      for (Rule rule : pkg.getRules()) {
        RuleInfo info = describe(rule, textByPath, topicByPath, use.declared());
        metadataProblems.addAll(checkMetadata(info, inventoryIds));
        RuleInfo clash = info.id() == null ? null : byId.putIfAbsent(info.id(), info);
        if (clash != null) {
          metadataProblems.add(new RuleBaseException.Problem(info.file(), info.line(),
              "rule \"" + info.name() + "\": @id(" + info.id() + ") is already used by rule \""
                  + clash.name() + "\" at " + clash.location()));
        }
        rules.add(info);
        byName.put(key(rule.getPackageName(), rule.getName()), info);
      }
    }
    if (!metadataProblems.isEmpty()) {
      metadataProblems.sort(Comparator.comparing(RuleBaseException.Problem::file)
          .thenComparingInt(RuleBaseException.Problem::line));
      throw new RuleBaseException("rules lack their provenance metadata", metadataProblems, null);
    }
    rules.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line));
    return new Built(kieBase, Map.copyOf(byName), List.copyOf(rules),
        inventory, vocabulary, warnings, use.readWhenNotAsked(), use.negatedTypes());
  }

  private static List<InventoryItem> readInventory(String yaml) {
    try {
      InventoryItem[] items = org.spinefoot.io.StrictJson.yaml().readValue(yaml, InventoryItem[].class);
      return List.of(items);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      InvalidInputException bad = org.spinefoot.io.StrictJson.invalid(RuleFiles.INVENTORY_FILE, e);
      throw new RuleBaseException("the knowledge index cannot be read", List.of(
          new RuleBaseException.Problem(RuleFiles.INVENTORY_FILE,
              e.getLocation() == null ? 0 : e.getLocation().getLineNr(), bad.getMessage())), e);
    }
  }

  public static String key(String packageName, String ruleName) {
    return packageName + "/" + ruleName;
  }

  /**
   * Every file is compiled into one package. Drools 10.2 builds the network of every package but
   * the largest rule by rule, and then an accumulate or exists can silently stop firing
   * (apache/incubator-kie#7109, #7115): a cause of sciatica was weighted with one supporting
   * indicator where two stood. One package is built in bulk and does not meet it. Only the
   * package statement changes, on its own line, so line numbers stay those of the file; the
   * file's own package (its topic) is checked above and kept in {@link RuleInfo#topic()}.
   */
  static final String KNOWLEDGE_BASE_PACKAGE = "spinefoot.rules";

  private static final Pattern PACKAGE =
      Pattern.compile("(?m)^([ \\t]*package[ \\t]+)([\\w.]+)");

  static String inKnowledgeBasePackage(String drl) {
    Matcher m = PACKAGE.matcher(drl);
    return m.find() ? drl.substring(0, m.start(2)) + KNOWLEDGE_BASE_PACKAGE + drl.substring(m.end(2)) : drl;
  }

  /** The package a file must declare: its folder under the rules root, e.g. {@code redflags}. */
  static String topicOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
  }

  private static int lineAt(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  /** The DRL compiler is an optional dependency (an embedder of the packaged rules does not
   * carry it); rules compiled from text need it, and the message says what to add. */
  private static void requireDrlCompiler() {
    for (String needed : List.of("org.drools.compiler.builder.impl.KnowledgeBuilderImpl",
        "org.drools.mvel.MVELConstraintBuilder")) {
      try {
        Class.forName(needed, false, RuleBaseBuilder.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new RuleBaseException("rules from a folder need the DRL compiler, which is not on "
            + "the classpath: add org.drools:drools-compiler and org.drools:drools-mvel (the "
            + "version of drools-core) "
            + "to the application's dependencies, or use the packaged rules "
            + "(Assessor.fromClasspath())", List.of(), e);
      }
    }
  }


  private static RuleInfo describe(Rule rule, Map<String, String> textByPath,
      Map<String, String> topicByPath,
      Map<String, org.spinefoot.vocabulary.VocabularyUse.Declared> declared) {
    // The file and line from the parse made when the rules loaded: the executable model keeps
    // no resource per rule, and the compiled rule no line.
    org.spinefoot.vocabulary.VocabularyUse.Declared at = declared.get(rule.getName());
    String file = at == null ? null : at.file();
    if (file == null && rule instanceof org.drools.base.definitions.rule.impl.RuleImpl) {
      Resource r = ((org.drools.base.definitions.rule.impl.RuleImpl) rule).getResource();
      file = r == null ? null : r.getSourcePath();
    }
    String text = textByPath.get(file);
    int line = at == null ? 0 : at.line();
    String drl = ruleText(text, line);
    return new RuleInfo(
        RuleMetadata.text(rule, RuleMetadata.ID),
        rule.getName(),
        topicByPath.getOrDefault(file, rule.getPackageName()),
        file,
        line,
        RuleMetadata.list(rule, RuleMetadata.INVENTORY, ","),
        RuleMetadata.text(rule, RuleMetadata.URGENCY),
        RuleMetadata.list(rule, RuleMetadata.SOURCE, ";"),
        concludedIds(drl),
        drl,
        RuleMetadata.text(rule, RuleMetadata.SAFER_READING));
  }

  private static final Pattern CONCLUSION = Pattern.compile(
      "(?:new\\s+(?:Finding|Advice|Consideration)|Advice\\s*\\.\\s*exercise)\\s*\\(\\s*kcontext\\s*,"
          + "(?:\\s*Urgency\\.\\w+\\s*,)?\\s*\"([^\"]+)\"");

  private static final Pattern CAUSE_TO_CONSIDER = Pattern.compile(
      "new\\s+CauseToConsider\\s*\\(\\s*kcontext\\s*,\\s*SpinalCause\\.(\\w+)");

  /**
   * The IDs named by {@code new Finding(kcontext, Urgency.X, "id", ...)} and the like, and those
   * of {@code new CauseToConsider(kcontext, SpinalCause.X, ...)}.
   */
  static List<String> concludedIds(String drl) {
    List<String> ids = new ArrayList<>();
    Matcher m = CONCLUSION.matcher(drl);
    while (m.find()) {
      if (!ids.contains(m.group(1))) {
        ids.add(m.group(1));
      }
    }
    Matcher c = CAUSE_TO_CONSIDER.matcher(drl);
    while (c.find()) {
      String id = org.spinefoot.engine.facts.SpinalCause.valueOf(c.group(1)).considerationId();
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The text of the rule starting at the line, up to its {@code end}. */
  static String ruleText(String text, int line) {
    if (text == null || line <= 0) {
      return "";
    }
    String[] lines = text.split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = line - 1; i < lines.length; i++) {
      sb.append(lines[i]).append('\n');
      if (lines[i].strip().equals("end")) {
        break;
      }
    }
    return sb.toString();
  }

  /** How long a rule's name may be once the executable model spells it into a file name. */
  static final int MAX_MODEL_NAME = 200;

  /** A rule name's length as the executable model spells it: {@code " "} is {@code _32}. */
  static int modelNameLength(String name) {
    int n = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      n += c < 128 && Character.isLetterOrDigit(c) ? 1 : 1 + String.valueOf((int) c).length();
    }
    return n;
  }

  private static List<RuleBaseException.Problem> checkMetadata(RuleInfo r, Set<String> known) {
    List<RuleBaseException.Problem> out = new ArrayList<>();
    String where = "rule \"" + r.name() + "\": ";
    if (r.id() == null || r.id().isBlank()) {
      out.add(new RuleBaseException.Problem(r.file(), r.line(), where + "missing @id"));
    }
    if (r.inventory().isEmpty()) {
      out.add(new RuleBaseException.Problem(r.file(), r.line(), where + "missing @inventory"));
    }
    int nameLength = modelNameLength(r.name());
    if (nameLength > MAX_MODEL_NAME) {
      // The executable model writes one Java file per rule, named after the rule with every
      // character other than a letter or digit spelled out: past 255 bytes the build breaks.
      out.add(new RuleBaseException.Problem(r.file(), r.line(), where + "the name is too long "
          + "for the packaged build (" + nameLength + " of at most " + MAX_MODEL_NAME
          + ", counting each space or punctuation mark as 3 or 4): say it in fewer words"));
    }
    for (String id : r.inventory()) {
      if (!InventoryItem.ID_FORM.matcher(id).matches()) {
        out.add(new RuleBaseException.Problem(r.file(), r.line(),
            where + "@inventory item '" + id + "' is not an inventory ID like RF-07"));
      } else if (!known.contains(id)) {
        out.add(new RuleBaseException.Problem(r.file(), r.line(),
            where + "@inventory item '" + id + "' is not in the knowledge index "
                + RuleFiles.INVENTORY_FILE));
      }
    }
    if (r.urgency() == null || !URGENCIES.contains(r.urgency())) {
      out.add(new RuleBaseException.Problem(r.file(), r.line(), where
          + (r.urgency() == null ? "missing @urgency" : "@urgency(" + r.urgency() + ") is unknown")
          + "; allowed: EMERGENCY, URGENT, SOON, SELF_CARE, NONE"));
    }
    if (r.sources().isEmpty()) {
      out.add(new RuleBaseException.Problem(r.file(), r.line(), where + "missing @source"));
    }
    return out;
  }

  private static final Pattern QUOTED_EXPRESSION = Pattern.compile(
      "Unable to Analyse Expression (.+?):\\s*(?:\\n|$)|Near : \\{\\.\\.\\. (.+?) \\.\\.\\.\\.\\}");

  /**
   * The line of the expression a compiler message quotes, for the messages that come without a
   * line (an unknown constant, say); 0 when not found. Read before the message is put in the
   * reviewer's words, which leave the quote out.
   */
  private static int quotedLine(String message, String text) {
    if (text == null) {
      return 0;
    }
    Matcher quoted = QUOTED_EXPRESSION.matcher(message);
    while (quoted.find()) {
      String expression = (quoted.group(1) != null ? quoted.group(1) : quoted.group(2)).strip();
      if (expression.isEmpty()) {
        continue;
      }
      String pattern = java.util.Arrays.stream(expression.split("\\s+")).map(Pattern::quote)
          .collect(java.util.stream.Collectors.joining("\\s*"));
      Matcher at = Pattern.compile(pattern).matcher(text);
      if (at.find()) {
        return lineAt(text, at.start());
      }
    }
    return 0;
  }

  private static List<RuleBaseException.Problem> problems(
      Collection<? extends KnowledgeBuilderResult> results, Map<String, String> textByPath) {
    List<RuleBaseException.Problem> out = new ArrayList<>();
    for (KnowledgeBuilderResult r : results) {
      String file = r.getResource() == null ? null : r.getResource().getSourcePath();
      int[] lines = r.getLines();
      int line = lines != null && lines.length > 0 ? lines[0] : 0;
      if (line <= 0) {
        line = quotedLine(r.getMessage(), textByPath.get(file));
      }
      String message = r.getMessage().strip();
      if (message.contains(ReviewerWords.NULL_PACKAGE)) {
        continue; // only says that an error reported beside it stopped the file
      }
      String words = ReviewerWords.compilerMessage(message);
      if (r instanceof ParserError syntax) {
        // The parser names the token where it gave up, often a line past the mistake.
        ParserErrorLine.Located mistake =
            ParserErrorLine.of(textByPath.get(file), line, syntax.getCol());
        line = mistake.line();
        words = mistake.hint().isEmpty() ? words : mistake.hint() + "; " + words;
      }
      out.add(new RuleBaseException.Problem(file, line, words));
    }
    if (out.isEmpty() && !results.isEmpty()) {
      KnowledgeBuilderResult first = results.iterator().next();
      out.add(new RuleBaseException.Problem(
          first.getResource() == null ? null : first.getResource().getSourcePath(), 0,
          "the file cannot be read as rules"));
    }
    return out;
  }
}
