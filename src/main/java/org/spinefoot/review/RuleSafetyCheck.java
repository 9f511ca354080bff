package org.spinefoot.review;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;

/**
 * Checks of what rule code does, on the Drools DRL parser's view of each rule (its actions,
 * functions, {@code eval}s and constraints), never on the file's raw text:
 *
 * <ul>
 *   <li><b>safety</b>: code that ends the program ({@code System.exit}, {@code Runtime}), starts
 *       processes ({@code ProcessBuilder}), touches files ({@code java.io.File}, {@code Files},
 *       streams on files) or the network ({@code Socket}, {@code URL}, {@code HttpClient}), or
 *       reaches around all of these (reflection, class loading, threads). Rules run with the
 *       program's rights; none of them needs any of this.
 *   <li><b>types</b>: a constraint comparing an enum-typed field with a string
 *       ({@code sign == "KNOWN_SPINAL_STENOSIS"}), which loads but can never be true.
 * </ul>
 *
 * <p>A file the parser rejects gives nothing here: the compile check reports it.
 */
public final class RuleSafetyCheck {
  /** One problem: {@code check} is "safety" or "types"; {@code rule} is the rule's name. */
  public record Problem(String check, int line, String rule, String message) {}

  /**
   * Names (single identifiers, or the last parts of qualified names) that rule code has no
   * business using, with what each would do.
   */
  private static final Map<String, String> FORBIDDEN = Map.ofEntries(
      Map.entry("System.exit", "ends the program"),
      Map.entry("Runtime", "can end the program or start processes"),
      Map.entry("ProcessBuilder", "starts a process"),
      Map.entry("ProcessHandle", "reaches other processes"),
      Map.entry("File", "touches files"),
      Map.entry("Files", "touches files"),
      Map.entry("Paths", "touches files"),
      Map.entry("Path.of", "touches files"),
      Map.entry("FileInputStream", "reads files"),
      Map.entry("FileOutputStream", "writes files"),
      Map.entry("FileReader", "reads files"),
      Map.entry("FileWriter", "writes files"),
      Map.entry("RandomAccessFile", "touches files"),
      Map.entry("PrintWriter", "writes files or streams"),
      Map.entry("FileChannel", "touches files"),
      Map.entry("Socket", "uses the network"),
      Map.entry("ServerSocket", "uses the network"),
      Map.entry("DatagramSocket", "uses the network"),
      Map.entry("URL", "uses the network"),
      Map.entry("URI", "can name network resources"),
      Map.entry("HttpClient", "uses the network"),
      Map.entry("HttpURLConnection", "uses the network"),
      Map.entry("InetAddress", "uses the network"),
      Map.entry("Class.forName", "loads code by name"),
      Map.entry("ClassLoader", "loads code"),
      Map.entry("Thread", "starts or stops threads"),
      Map.entry("getRuntime", "can end the program or start processes"),
      Map.entry("exec", "starts a process"),
      Map.entry("halt", "ends the program"),
      Map.entry("setAccessible", "reaches around Java's access checks"),
      Map.entry("getDeclaredMethod", "calls code by reflection"),
      Map.entry("getMethod", "calls code by reflection"),
      Map.entry("invoke", "calls code by reflection"));
  /** Packages whose every use is flagged. */
  private static final List<String> FORBIDDEN_PACKAGES =
      List.of("java.io.", "java.nio.", "java.net.", "java.lang.reflect.", "java.lang.invoke.",
          "javax.net.", "sun.", "jdk.");

  private RuleSafetyCheck() {}

  /** The problems in one DRL file's text, in rule order. */
  public static List<Problem> check(String drl) {
    PackageDescr pkg = DrlDescrs.parse(drl);
    if (pkg == null) {
      return List.of();
    }
    List<Problem> problems = new ArrayList<>();
    for (ImportDescr imp : pkg.getImports()) {
      String target = imp.getTarget();
      for (String prefix : FORBIDDEN_PACKAGES) {
        if (target.startsWith(prefix)) {
          problems.add(new Problem("safety", imp.getLine(), null, "imports " + target
              + ": rules have no use for files, the network, processes or reflection"));
        }
      }
    }
    for (FunctionDescr f : pkg.getFunctions()) {
      code(problems, null, "function " + f.getName(), f.getText() != null ? f.getText()
          : f.getBody(), f.getLine());
    }
    Types types = new Types(pkg);
    for (RuleDescr rule : pkg.getRules()) {
      Object consequence = rule.getConsequence();
      if (consequence != null) {
        code(problems, rule.getName(), "its action", consequence.toString(),
            lineOfText(drl, rule.getConsequenceLine(), consequence.toString()));
      }
      for (Map.Entry<String, Object> named : rule.getNamedConsequences().entrySet()) {
        code(problems, rule.getName(), "its action " + named.getKey(),
            String.valueOf(named.getValue()), rule.getConsequenceLine());
      }
      conditions(problems, rule, rule.getLhs(), types);
    }
    return problems;
  }

  private static void conditions(List<Problem> problems, RuleDescr rule, BaseDescr descr,
      Types types) {
    if (descr == null) {
      return;
    }
    if (descr instanceof EvalDescr) {
      code(problems, rule.getName(), "its condition", String.valueOf(((EvalDescr) descr)
          .getContent()), line(descr, rule));
    } else if (descr instanceof PatternDescr) {
      PatternDescr pattern = (PatternDescr) descr;
      Class<?> type = types.resolve(pattern.getObjectType());
      for (BaseDescr c : pattern.getDescrs()) {
        if (c instanceof ExprConstraintDescr) {
          String expression = ((ExprConstraintDescr) c).getExpression();
          code(problems, rule.getName(), "its condition", expression, line(c, rule));
          if (type != null) {
            enumAgainstString(problems, rule, type, expression, line(c, rule));
          }
        } else {
          conditions(problems, rule, c, types);
        }
      }
      if (pattern.getSource() instanceof FromDescr) {
        code(problems, rule.getName(), "its condition",
            ((FromDescr) pattern.getSource()).getExpression(), line(pattern, rule));
      } else if (pattern.getSource() instanceof AccumulateDescr) {
        AccumulateDescr acc = (AccumulateDescr) pattern.getSource();
        for (String part : new String[] {acc.getInitCode(), acc.getActionCode(),
            acc.getReverseCode(), acc.getResultCode()}) {
          code(problems, rule.getName(), "its condition", part, line(pattern, rule));
        }
        for (BaseDescr d : acc.getDescrs()) {
          conditions(problems, rule, d, types);
        }
      }
    } else if (descr instanceof ConditionalElementDescr) {
      for (BaseDescr d : ((ConditionalElementDescr) descr).getDescrs()) {
        conditions(problems, rule, d, types);
      }
    }
  }

  /**
   * The line where a piece of code the parser returned (trimmed) starts, searching from the line
   * the parser gives for its part ({@code then}).
   */
  private static int lineOfText(String drl, int fromLine, String code) {
    int offset = 0;
    for (int line = 1; line < fromLine && offset >= 0; line++) {
      offset = drl.indexOf('\n', offset) + 1;
      if (offset == 0) {
        return fromLine;
      }
    }
    String start = code.strip();
    start = start.substring(0, Math.min(start.length(), 40));
    int at = start.isEmpty() ? -1 : drl.indexOf(start, offset);
    if (at < 0) {
      return fromLine;
    }
    return fromLine + (int) drl.substring(offset, at).chars().filter(c -> c == '\n').count();
  }

  private static int line(BaseDescr descr, RuleDescr rule) {
    return descr.getLine() > 0 ? descr.getLine() : rule.getLine();
  }

  /** Flags the first forbidden name in a piece of Java or MVEL code. */
  private static void code(List<Problem> problems, String rule, String where, String code,
      int line) {
    if (code == null || code.isBlank()) {
      return;
    }
    List<String> names = JavaNames.of(code);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String found = null;
      for (String prefix : FORBIDDEN_PACKAGES) {
        if (name.startsWith(prefix)) {
          found = name;
        }
      }
      String what = found != null ? "touches the system" : null;
      if (found == null) {
        for (Map.Entry<String, String> f : FORBIDDEN.entrySet()) {
          if (name.equals(f.getKey()) || name.endsWith("." + f.getKey())
              || name.startsWith(f.getKey() + ".") || f.getKey().indexOf('.') < 0
                  && List.of(name.split("\\.")).contains(f.getKey())) {
            found = f.getKey();
            what = f.getValue();
            break;
          }
        }
      }
      if (found != null) {
        int at = line + JavaNames.lineOf(code, name);
        problems.add(new Problem("safety", at, rule, where + " uses " + found + ", which "
            + what + "; rules run with the program's rights and must not"));
        return;
      }
    }
  }

  /** Flags {@code field == "text"} where the pattern's field is an enum. */
  private static void enumAgainstString(List<Problem> problems, RuleDescr rule, Class<?> type,
      String expression, int line) {
    ConstraintConnectiveDescr parsed;
    try {
      DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
      parsed = parser.parse(expression);
      if (parser.hasErrors() || parsed == null) {
        return;
      }
    } catch (RuntimeException e) {
      return;
    }
    relations(parsed, r -> {
      if (!(r.getLeft() instanceof AtomicExprDescr) || !(r.getRight() instanceof AtomicExprDescr)) {
        return;
      }
      AtomicExprDescr left = (AtomicExprDescr) r.getLeft();
      AtomicExprDescr right = (AtomicExprDescr) r.getRight();
      AtomicExprDescr field = isString(left) ? right : isString(right) ? left : null;
      AtomicExprDescr text = field == left ? right : left;
      if (field == null || isString(field)) {
        return;
      }
      Class<?> fieldType = Types.fieldType(type, field.getExpression().strip());
      if (fieldType != null && fieldType.isEnum()) {
        problems.add(new Problem("types", line, rule.getName(), "the condition "
            + r.toString().strip() + " compares " + field.getExpression().strip() + ", a "
            + fieldType.getSimpleName() + ", with the text " + text.getExpression().strip()
            + ": it is never true; write " + fieldType.getSimpleName() + "."
            + text.getExpression().strip().replaceAll("^[\"']|[\"']$", "")));
      }
    });
  }

  private static boolean isString(AtomicExprDescr e) {
    String s = e.getExpression().strip();
    return e.isLiteral() && (s.startsWith("\"") || s.startsWith("'"));
  }

  private static void relations(BaseDescr d, java.util.function.Consumer<RelationalExprDescr> each) {
    if (d instanceof RelationalExprDescr) {
      each.accept((RelationalExprDescr) d);
    } else if (d instanceof ConstraintConnectiveDescr) {
      for (BaseDescr c : ((ConstraintConnectiveDescr) d).getDescrs()) {
        relations(c, each);
      }
    }
  }

  /** Fact types by the names a DRL file uses for them, through its imports. */
  private static final class Types {
    private final List<String> imports = new ArrayList<>();
    private final String pkg;

    Types(PackageDescr descr) {
      this.pkg = descr.getName();
      for (ImportDescr imp : descr.getImports()) {
        imports.add(imp.getTarget());
      }
    }

    Class<?> resolve(String name) {
      if (name == null) {
        return null;
      }
      List<String> candidates = new ArrayList<>();
      candidates.add(name);
      for (String imp : imports) {
        if (imp.endsWith("." + name)) {
          candidates.add(imp);
        } else if (imp.endsWith(".*")) {
          candidates.add(imp.substring(0, imp.length() - 1) + name);
        }
      }
      if (pkg != null && !pkg.isEmpty()) {
        candidates.add(pkg + "." + name);
      }
      for (String c : candidates) {
        try {
          return Class.forName(c, false, RuleSafetyCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          // not this one
        }
      }
      return null;
    }

    /** The type of a field as a constraint names it ({@code sign}, {@code getSign()}). */
    static Class<?> fieldType(Class<?> type, String name) {
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        return null;
      }
      String cap = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
      for (String getter : new String[] {"get" + cap, "is" + cap, name}) {
        try {
          Method m = type.getMethod(getter);
          return m.getReturnType();
        } catch (NoSuchMethodException e) {
          // next
        }
      }
      try {
        Field f = type.getField(name);
        return f.getType();
      } catch (NoSuchFieldException e) {
        return null;
      }
    }
  }
}
