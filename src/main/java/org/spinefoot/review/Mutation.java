package org.spinefoot.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.mvel.DrlDumper;
import org.spinefoot.Assessor;
import org.spinefoot.RuleBaseException;
import org.spinefoot.Urgency;
import org.spinefoot.cases.CaseResult;
import org.spinefoot.cases.CaseRunner;

/**
 * Mutation testing of the knowledge: small changes to one rule at a time (a condition dropped or
 * negated, a number moved one step, the urgency lowered one level, a conclusion dropped), made on
 * the Drools parser's tree of the rule file and written back with Drools' own dumper, each run
 * against every case. A mutant no case notices (a survivor) is a change to the knowledge that the
 * cases would let through.
 *
 * <p>A mutant that does not load (dropping a condition whose binding is used later, say) proves
 * nothing and is not counted.
 */
public final class Mutation {
  /**
   * One changed rule base.
   *
   * @param rule the mutated rule's ID
   * @param file its file under the rules root
   * @param line the line of what was changed in the original file
   * @param change what was changed, in a reviewer's words
   */
  public record Mutant(String rule, String file, int line, String change,
      Map<String, String> files) {
    public String describe() {
      return file + ":" + line + ": " + rule + ": " + change;
    }
  }

  /** What became of a mutant: killed by a failing case, survived, or not loaded at all. */
  public enum Fate { KILLED, SURVIVED, DOES_NOT_LOAD }

  /** @param by the case that killed it, or why it did not load */
  public record Outcome(Mutant mutant, Fate fate, String by) {}

  /** Every mutant's outcome, in the order the mutants were made. */
  public record Report(List<Outcome> outcomes) {
    public Report {
      outcomes = List.copyOf(outcomes);
    }

    public long count(Fate fate) {
      return outcomes.stream().filter(o -> o.fate() == fate).count();
    }

    /** Mutants that loaded: the ones the score is taken over. */
    public long mutants() {
      return count(Fate.KILLED) + count(Fate.SURVIVED);
    }

    /** Killed over mutants that loaded, in percent (100 when there are none). */
    public double score() {
      return mutants() == 0 ? 100.0 : 100.0 * count(Fate.KILLED) / mutants();
    }

    public List<Outcome> survivors() {
      return outcomes.stream().filter(o -> o.fate() == Fate.SURVIVED).toList();
    }

    /** The survivors one a line, then the closing line. */
    public String toText() {
      StringBuilder sb = new StringBuilder();
      survivors().forEach(o -> sb.append("SURVIVED ").append(o.mutant().describe()).append('\n'));
      long invalid = count(Fate.DOES_NOT_LOAD);
      if (invalid > 0) {
        sb.append(invalid).append(" mutants did not load and are not counted\n");
      }
      sb.append(closingLine()).append('\n');
      return sb.toString();
    }

    public String closingLine() {
      return String.format(java.util.Locale.ROOT, "%d mutants, %d killed, %d survived (score %.1f%%)",
          mutants(), count(Fate.KILLED), count(Fate.SURVIVED), score());
    }
  }

  private final Map<String, String> files;
  private final String inventory;
  private final String vocabulary;

  private Mutation(Path rulesDir) {
    this.files = DrlReader.readFiles(rulesDir);
    this.inventory = read(rulesDir.resolve("inventory.yaml"));
    this.vocabulary = read(rulesDir.resolve(org.spinefoot.Vocabulary.FILE));
  }

  /** The mutants of the rules under {@code rulesDir}. */
  public static List<Mutant> mutants(Path rulesDir) {
    return new Mutation(rulesDir).makeMutants();
  }

  /**
   * Makes every mutant and runs the cases against each on {@code threads} threads; reports each
   * outcome to {@code progress} as it comes (from any thread).
   */
  public static Report run(Path rulesDir, Path casesDir, int threads, Consumer<Outcome> progress) {
    return run(rulesDir, casesDir, threads, file -> true, progress);
  }

  /**
   * As {@link #run(Path, Path, int, Consumer)}, mutating only the rule files {@code mutated}
   * accepts (paths under the rules root, such as {@code foot/foot.drl}); every case still runs.
   */
  public static Report run(Path rulesDir, Path casesDir, int threads,
      java.util.function.Predicate<String> mutated, Consumer<Outcome> progress) {
    Mutation m = new Mutation(rulesDir);
    List<Path> cases = CaseRunner.findCases(casesDir);
    Assessor base = Assessor.fromTexts(m.files, m.inventory, m.vocabulary);
    List<String> failing = new ArrayList<>();
    CaseRunner baseRunner = new CaseRunner(base);
    cases.forEach(c -> {
      CaseResult r = baseRunner.run(c);
      if (!r.passed()) {
        failing.add(r.name());
      }
    });
    if (!failing.isEmpty()) {
      throw new IllegalStateException("every case must pass before the rules are mutated; "
          + "failing: " + String.join(", ", failing));
    }
    List<Mutant> mutants = m.makeMutants().stream().filter(x -> mutated.test(x.file())).toList();
    if (mutants.isEmpty()) {
      throw new IllegalStateException("no rule file selected for mutation; the files are: "
          + String.join(", ", m.files.keySet()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "mutant");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Mutant mutant : mutants) {
        futures.add(pool.submit(() -> {
          Outcome o = m.test(mutant, cases);
          progress.accept(o);
          return o;
        }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get());
      }
      return new Report(outcomes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("mutation run interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("mutation run failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Outcome test(Mutant mutant, List<Path> cases) {
    Assessor assessor;
    try {
      assessor = Assessor.fromTexts(mutant.files(), inventory, vocabulary);
    } catch (RuleBaseException | IllegalArgumentException e) {
      return new Outcome(mutant, Fate.DOES_NOT_LOAD, e.getMessage());
    }
    CaseRunner runner = new CaseRunner(assessor);
    for (Path c : cases) {
      CaseResult r = runner.run(c);
      if (!r.passed()) {
        return new Outcome(mutant, Fate.KILLED, r.name());
      }
    }
    return new Outcome(mutant, Fate.SURVIVED, null);
  }

  // --- making mutants ---

  /** One way to change a rule, applied to a freshly parsed copy of its file. */
  private interface Change {
    /** Changes the rule in place; returns false when it does not apply. */
    boolean apply(RuleDescr rule);
  }

  private List<Mutant> makeMutants() {
    List<Mutant> out = new ArrayList<>();
    files.forEach((file, text) -> {
      PackageDescr pkg = DrlDescrs.parse(text);
      if (pkg == null) {
        return;
      }
      for (int r = 0; r < pkg.getRules().size(); r++) {
        RuleDescr rule = pkg.getRules().get(r);
        String id = DrlDescrs.annotation(rule, "id");
        for (Planned p : plan(rule)) {
          String mutated = mutate(text, r, p.change());
          if (mutated != null) {
            Map<String, String> changed = new LinkedHashMap<>(files);
            changed.put(file, mutated);
            out.add(new Mutant(id == null ? rule.getName() : id, file, p.line(), p.what(),
                changed));
          }
        }
      }
    });
    return out;
  }

  private record Planned(int line, String what, Change change) {}

  /** The changes to make to one rule, found on the original's tree. */
  private List<Planned> plan(RuleDescr rule) {
    List<Planned> out = new ArrayList<>();
    List<BaseDescr> top = rule.getLhs().getDescrs();
    for (int i = 0; i < top.size(); i++) {
      int at = i;
      BaseDescr element = top.get(i);
      String shown = shortText(element);
      out.add(new Planned(element.getLine(), "dropped the condition " + shown,
          r -> remove(r.getLhs().getDescrs(), at)));
      if (element instanceof NotDescr) {
        out.add(new Planned(element.getLine(), "negated the condition " + shown + " (kept what it "
            + "forbade)", r -> {
              BaseDescr inner = ((NotDescr) r.getLhs().getDescrs().get(at)).getDescrs().get(0);
              r.getLhs().getDescrs().set(at, (BaseDescr) inner);
              return true;
            }));
      } else if (!(element instanceof PatternDescr p && p.getSource() != null)) {
        out.add(new Planned(element.getLine(), "negated the condition " + shown, r -> {
          BaseDescr e = r.getLhs().getDescrs().get(at);
          if (e instanceof PatternDescr pd && pd.getIdentifier() != null) {
            pd.setIdentifier(null); // a negated pattern binds nothing
          }
          NotDescr not = new NotDescr();
          not.addDescr(e);
          r.getLhs().getDescrs().set(at, not);
          return true;
        }));
      }
    }
    List<PatternDescr> patterns = new ArrayList<>();
    collectPatterns(rule.getLhs(), patterns);
    for (int p = 0; p < patterns.size(); p++) {
      int pattern = p;
      List<? extends BaseDescr> constraints = patterns.get(p).getDescrs();
      for (int c = 0; c < constraints.size(); c++) {
        if (!(constraints.get(c) instanceof ExprConstraintDescr e)) {
          continue;
        }
        int constraint = c;
        String expr = e.getExpression().strip();
        String in = " in " + patterns.get(p).getObjectType();
        out.add(new Planned(e.getLine(), "dropped the constraint '" + oneLine(expr) + "'" + in,
            r -> remove(constraintsOf(r, pattern), constraint)));
        if (!expr.contains(":")) {
          out.add(new Planned(e.getLine(), "negated the constraint '" + oneLine(expr) + "'" + in,
              r -> setExpression(r, pattern, constraint, "!( " + expr + " )")));
        }
        for (int step : new int[] {-1, 1}) {
          String moved = moveNumber(expr, step);
          if (moved != null) {
            out.add(new Planned(e.getLine(), "moved '" + oneLine(expr) + "' to '" + moved + "'"
                + in, r -> setExpression(r, pattern, constraint, moved)));
          }
        }
      }
    }
    String consequence = String.valueOf(rule.getConsequence());
    String urgency = DrlDescrs.annotation(rule, "urgency");
    Urgency lower = lowerUrgency(urgency);
    if (lower != null && consequence.contains("Urgency." + urgency)) {
      out.add(new Planned(rule.getConsequenceLine(), "lowered the urgency from " + urgency
          + " to " + lower, r -> {
            r.getAnnotation("urgency").setValue("\"" + lower.name() + "\"");
            r.setConsequence(JavaText.replaceWord(String.valueOf(r.getConsequence()),
                "Urgency." + urgency, "Urgency." + lower.name()));
            return true;
          }));
    }
    List<JavaText.Call> inserts = JavaText.calls(consequence, "insertLogical");
    for (int k = 0; k < inserts.size(); k++) {
      int index = k;
      JavaText.Call call = inserts.get(k);
      out.add(new Planned(rule.getConsequenceLine() + call.lineOffset(),
          "dropped the conclusion " + oneLine(call.text()), r -> {
            String now = String.valueOf(r.getConsequence());
            List<JavaText.Call> calls = JavaText.calls(now, "insertLogical");
            JavaText.Call target = calls.get(index);
            r.setConsequence(now.substring(0, target.start()) + now.substring(target.end()));
            return true;
          }));
    }
    return out;
  }

  private String mutate(String text, int ruleIndex, Change change) {
    PackageDescr pkg = DrlDescrs.parse(text);
    if (pkg == null) {
      return null;
    }
    RuleDescr rule = pkg.getRules().get(ruleIndex);
    if (!change.apply(rule)) {
      return null;
    }
    return new DrlDumper().dump(pkg);
  }

  private static boolean remove(List<?> list, int index) {
    list.remove(index);
    return true;
  }

  @SuppressWarnings("unchecked")
  private static List<BaseDescr> constraintsOf(RuleDescr rule, int pattern) {
    List<PatternDescr> patterns = new ArrayList<>();
    collectPatterns(rule.getLhs(), patterns);
    return (List<BaseDescr>) patterns.get(pattern).getConstraint().getDescrs();
  }

  private static boolean setExpression(RuleDescr rule, int pattern, int constraint, String expr) {
    List<BaseDescr> constraints = constraintsOf(rule, pattern);
    ExprConstraintDescr old = (ExprConstraintDescr) constraints.get(constraint);
    ExprConstraintDescr replaced = new ExprConstraintDescr(expr);
    replaced.setType(old.getType());
    replaced.setPosition(old.getPosition());
    constraints.set(constraint, replaced);
    return true;
  }

  private static void collectPatterns(BaseDescr d, List<PatternDescr> out) {
    if (d instanceof PatternDescr p) {
      out.add(p);
      if (p.getSource() instanceof AccumulateDescr acc) {
        collectPatterns(acc.getInput(), out);
      }
    } else if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr
        || d instanceof ExistsDescr) {
      for (Object child : ((ConditionalElementDescr) d).getDescrs()) {
        collectPatterns((BaseDescr) child, out);
      }
    }
  }

  private static final DrlExprParser EXPR =
      DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);

  /**
   * The constraint with its number compared one step further ({@code days >= 14} to
   * {@code days >= 15}), rewritten from the expression parser's tree; null when the constraint
   * is not one comparison with a whole number.
   */
  static String moveNumber(String expr, int step) {
    ConstraintConnectiveDescr tree;
    synchronized (EXPR) {
      tree = EXPR.parse(expr);
      if (tree == null || EXPR.hasErrors()) {
        return null;
      }
    }
    if (tree.getDescrs().size() != 1 || !(tree.getDescrs().get(0) instanceof RelationalExprDescr r)
        || r.isNegated() || !(r.getLeft() instanceof AtomicExprDescr left)
        || !(r.getRight() instanceof AtomicExprDescr right)
        || !List.of("<", "<=", ">", ">=", "==", "!=").contains(r.getOperator())) {
      return null;
    }
    long n;
    try {
      n = Long.parseLong(right.getExpression().strip());
    } catch (NumberFormatException e) {
      return null;
    }
    return left.getExpression().strip() + " " + r.getOperator() + " " + (n + step);
  }

  private static Urgency lowerUrgency(String urgency) {
    if (urgency == null) {
      return null;
    }
    return switch (urgency) {
      case "EMERGENCY" -> Urgency.URGENT;
      case "URGENT" -> Urgency.SOON;
      case "SOON" -> Urgency.SELF_CARE;
      default -> null;
    };
  }

  private static String shortText(BaseDescr d) {
    if (d instanceof PatternDescr p) {
      if (p.getSource() instanceof AccumulateDescr) {
        return "accumulate(...)";
      }
      List<String> parts = new ArrayList<>();
      for (BaseDescr c : p.getDescrs()) {
        if (c instanceof ExprConstraintDescr e) {
          parts.add(oneLine(e.getExpression().strip()));
        }
      }
      return p.getObjectType() + "( " + String.join(", ", parts) + " )";
    }
    if (d instanceof NotDescr n && !n.getDescrs().isEmpty()) {
      return "not " + shortText((BaseDescr) n.getDescrs().get(0));
    }
    if (d instanceof ExistsDescr) {
      return "exists(...)";
    }
    if (d instanceof OrDescr) {
      return "( ... or ... )";
    }
    return d.getClass().getSimpleName().replace("Descr", "").toLowerCase(java.util.Locale.ROOT);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
