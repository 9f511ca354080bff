package org.spinefoot.review;

import java.io.IOException;
import java.io.StreamTokenizer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;
import org.spinefoot.Answer;
import org.spinefoot.Felt;
import org.spinefoot.Patient;
import org.spinefoot.Vocabulary;
import org.spinefoot.Side;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.facts.Question;

/**
 * Which questions of the patient record each rule reads, by the Drools parser's view of the rules
 * (never by matching text): the patterns on question facts ({@code Observation}, {@code Numbness},
 * {@code Pain}, any {@link Question}) that a rule requires, outside {@code not}, and through the
 * intermediate facts it requires ({@code SciaticaPattern}, ...), the questions read by the rules
 * that conclude them, followed back to the record.
 *
 * <p>A pattern reads a question when its constraints can hold for that question answered yes (on
 * any side) or no: each constraint is parsed with the Drools expression parser and its parts are
 * evaluated on the question; a part that cannot be evaluated alone (it uses a binding, say) is
 * taken to hold, so the reading errs towards more questions, not fewer.
 */
public final class QuestionReads {
  /** Urgencies at which a rule is a red-flag rule: its questions are red-flag questions. */
  public static final Set<String> RED_FLAG_URGENCIES = Set.of("EMERGENCY", "URGENT");

  private static final String FACTS_PACKAGE = "org.spinefoot.engine.facts";
  /** The answer vocabulary (Sign, Site, Side ...) that conditions compare with. */
  private static final String API_PACKAGE = "org.spinefoot";

  /**
   * One rule as read.
   *
   * @param questions question paths its own patterns read
   * @param requires intermediate fact types its patterns require (simple names)
   * @param concludes fact types its action creates (simple names)
   */
  public record RuleReads(String file, int line, String id, String urgency,
      Set<String> questions, Set<String> requires, Set<String> concludes) {}

  private enum Tri { TRUE, FALSE, UNKNOWN }

  private final List<RuleReads> rules = new ArrayList<>();
  private final Map<String, List<Question>> variantsByType;
  private final Map<String, java.io.Serializable> compiled = new HashMap<>();
  private final ParserContext mvelContext = new ParserContext();
  private final DrlExprParser exprParser =
      DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);

  private QuestionReads(Vocabulary vocabulary) {
    this.variantsByType = questionVariants(vocabulary);
    mvelContext.addPackageImport(FACTS_PACKAGE);
    mvelContext.addPackageImport(API_PACKAGE);
  }

  /** Reads every rule of the files (path to DRL text); files that do not parse are skipped. */
  public static QuestionReads of(Map<String, String> files) {
    return of(files, Vocabulary.packaged());
  }

  /** As {@link #of(Map)}, for the questions of a vocabulary. */
  public static QuestionReads of(Map<String, String> files, Vocabulary vocabulary) {
    QuestionReads reads = new QuestionReads(vocabulary);
    files.forEach(reads::read);
    return reads;
  }

  public List<RuleReads> rules() {
    return List.copyOf(rules);
  }

  /**
   * The questions read by the rules at EMERGENCY and URGENT, directly or through the
   * intermediate facts they require, each with the rules that read it (in file order).
   */
  public Map<String, List<RuleReads>> redFlagQuestions() {
    Map<String, List<RuleReads>> out = new TreeMap<>();
    for (RuleReads rule : rules) {
      if (rule.urgency() != null && RED_FLAG_URGENCIES.contains(rule.urgency())) {
        for (String q : questionsBehind(rule, new java.util.HashSet<>())) {
          out.computeIfAbsent(q, k -> new ArrayList<>()).add(rule);
        }
      }
    }
    return out;
  }

  /**
   * The questions that only rules at EMERGENCY and URGENT read (directly or through intermediate
   * facts): no rule at SOON or SELF_CARE reads them too. Such a question left unasked hides its
   * red flag with nothing else to show for it, so it should be a red-flag question; a question that
   * lower rules read as well is a symptom of its own (a numb calf), not only a red-flag question.
   */
  public Map<String, List<RuleReads>> questionsReadOnlyByRedFlagRules() {
    Set<String> readBelow = new java.util.HashSet<>();
    for (RuleReads rule : rules) {
      if (rule.urgency() != null && Set.of("SOON", "SELF_CARE").contains(rule.urgency())) {
        readBelow.addAll(questionsBehind(rule, new java.util.HashSet<>()));
      }
    }
    Map<String, List<RuleReads>> out = new TreeMap<>(redFlagQuestions());
    out.keySet().removeAll(readBelow);
    return out;
  }

  /** The questions a rule reads, following the intermediate facts it requires. */
  public Set<String> questionsBehind(RuleReads rule, Set<RuleReads> visited) {
    Set<String> out = new TreeSet<>(rule.questions());
    if (!visited.add(rule)) {
      return out;
    }
    for (String type : rule.requires()) {
      for (RuleReads producer : rules) {
        if (producer.concludes().contains(type)) {
          out.addAll(questionsBehind(producer, visited));
        }
      }
    }
    return out;
  }

  private void read(String file, String text) {
    PackageDescr pkg = DrlDescrs.parse(text);
    if (pkg == null) {
      return;
    }
    for (RuleDescr rule : pkg.getRules()) {
      Set<String> questions = new TreeSet<>();
      Set<String> requires = new TreeSet<>();
      collect(rule.getLhs(), questions, requires);
      rules.add(new RuleReads(file, rule.getLine(), DrlDescrs.annotation(rule, "id"),
          DrlDescrs.annotation(rule, "urgency"), questions, requires,
          constructedTypes(String.valueOf(rule.getConsequence()))));
    }
  }

  /** The patterns that must match: not those under {@code not}. */
  private void collect(BaseDescr d, Set<String> questions, Set<String> requires) {
    if (d == null) {
      return;
    }
    if (d instanceof AndDescr || d instanceof OrDescr || d instanceof ExistsDescr) {
      for (Object child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
        collect((BaseDescr) child, questions, requires);
      }
    } else if (d instanceof PatternDescr p) {
      if (p.getSource() instanceof AccumulateDescr acc) {
        collect(acc.getInput(), questions, requires);
      } else if (p.getSource() instanceof CollectDescr collect) {
        collect(collect.getInputPattern(), questions, requires);
      }
      pattern(p, questions, requires);
    }
    // NotDescr, ForallDescr, EvalDescr: a question they mention need not be asked for the rule
    // to fire, so it does not make the rule's conclusion wait for an answer.
  }

  private void pattern(PatternDescr p, Set<String> questions, Set<String> requires) {
    String type = p.getObjectType();
    if (type == null) {
      return;
    }
    String simple = type.substring(type.lastIndexOf('.') + 1);
    Class<?> cls = factClass(simple);
    if (cls == null || cls == Object.class) {
      return;
    }
    if (!Question.class.isAssignableFrom(cls)) {
      requires.add(simple);
      return;
    }
    List<? extends BaseDescr> constraints = p.getDescrs();
    for (Question candidate : variantsByType.getOrDefault(simple, List.of())) {
      if (!questions.contains(candidate.getPath()) && mayHold(constraints, candidate)) {
        questions.add(candidate.getPath());
      }
    }
  }

  private static Class<?> factClass(String simple) {
    try {
      return Class.forName(FACTS_PACKAGE + "." + simple, false, QuestionReads.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private boolean mayHold(List<? extends BaseDescr> constraints, Question q) {
    for (BaseDescr c : constraints) {
      if (c instanceof ExprConstraintDescr e) {
        ConstraintConnectiveDescr tree = exprParser.parse(e.getExpression());
        if (tree != null && !exprParser.hasErrors() && eval(tree, q) == Tri.FALSE) {
          return false;
        }
      }
    }
    return true;
  }

  private Tri eval(BaseDescr d, Question q) {
    if (d instanceof ConstraintConnectiveDescr c) {
      boolean or = c.getConnective() == ConnectiveType.OR || c.getConnective() == ConnectiveType.INC_OR;
      if (c.getConnective() == ConnectiveType.XOR) {
        return Tri.UNKNOWN;
      }
      Tri acc = or ? Tri.FALSE : Tri.TRUE;
      for (BaseDescr child : c.getDescrs()) {
        Tri t = eval(child, q);
        if (or && t == Tri.TRUE || !or && t == Tri.FALSE) {
          return t;
        }
        if (t == Tri.UNKNOWN) {
          acc = Tri.UNKNOWN;
        }
      }
      return acc;
    }
    if (d instanceof RelationalExprDescr r) {
      String op = r.getOperator();
      if (!"==".equals(op) && !"!=".equals(op)) {
        return Tri.UNKNOWN;
      }
      Object[] left = value(r.getLeft(), q);
      Object[] right = value(r.getRight(), q);
      if (left == null || right == null) {
        return Tri.UNKNOWN;
      }
      boolean equal = Objects.equals(left[0], right[0]);
      boolean holds = "==".equals(op) == equal;
      return holds != r.isNegated() ? Tri.TRUE : Tri.FALSE;
    }
    if (d instanceof AtomicExprDescr a) {
      Object[] v = value(a, q);
      if (v != null && v[0] instanceof Boolean b) {
        return b ? Tri.TRUE : Tri.FALSE;
      }
    }
    return Tri.UNKNOWN;
  }

  /** The value of a simple expression on the question, boxed; null when it cannot be told. */
  private Object[] value(BaseDescr d, Question q) {
    if (!(d instanceof AtomicExprDescr a)) {
      return null;
    }
    String expr = a.getExpression().strip();
    if (expr.isEmpty() || expr.contains("$")) {
      return null;
    }
    try {
      java.io.Serializable code = compiled.computeIfAbsent(expr,
          x -> MVEL.compileExpression(x, mvelContext));
      return new Object[] {MVEL.executeExpression(code, q)};
    } catch (RuntimeException | LinkageError e) {
      compiled.remove(expr);
      return null;
    }
  }

  /** The types an action creates ({@code new T(...)}), read token by token. */
  static Set<String> constructedTypes(String javaCode) {
    Set<String> out = new LinkedHashSet<>();
    StreamTokenizer t = new StreamTokenizer(new StringReader(javaCode));
    t.resetSyntax();
    t.wordChars('a', 'z');
    t.wordChars('A', 'Z');
    t.wordChars('0', '9');
    t.wordChars('_', '_');
    t.wordChars('.', '.');
    t.wordChars('$', '$');
    t.whitespaceChars(0, ' ');
    t.quoteChar('"');
    t.quoteChar('\'');
    t.slashSlashComments(true);
    t.slashStarComments(true);
    try {
      boolean afterNew = false;
      while (t.nextToken() != StreamTokenizer.TT_EOF) {
        if (t.ttype == StreamTokenizer.TT_WORD) {
          if (afterNew) {
            out.add(t.sval.substring(t.sval.lastIndexOf('.') + 1));
          }
          afterNew = "new".equals(t.sval);
        } else {
          afterNew = false;
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Every question of the record in each form a pattern may test: answered yes on each side and
   * answered no, by fact type ({@code Observation}, {@code Numbness}, {@code Pain},
   * {@code Weakness}).
   */
  private static Map<String, List<Question>> questionVariants(Vocabulary vocabulary) {
    Map<String, List<Question>> out = new LinkedHashMap<>();
    List<Patient> variants = new ArrayList<>();
    for (Side side : Side.values()) {
      variants.add(everything(vocabulary, Answer.PRESENT, Felt.on(side)));
    }
    variants.add(everything(vocabulary, Answer.ABSENT, Felt.NO));
    for (Patient p : variants) {
      for (Question q : PatientFacts.of(vocabulary).questions(p)) {
        out.computeIfAbsent(q.getClass().getSimpleName(), k -> new ArrayList<>()).add(q);
      }
    }
    return out;
  }

  private static Patient everything(Vocabulary vocabulary, Answer answer, Felt felt) {
    return Patient.everyQuestion(vocabulary, answer, felt, null, null);
  }
}
