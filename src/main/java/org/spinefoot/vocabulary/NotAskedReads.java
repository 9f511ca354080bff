package org.spinefoot.vocabulary;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.spinefoot.Vocabulary;

/**
 * Which questions a rule can match while they are not asked. The engine inserts a question's
 * "not asked" fact only for those: the other questions' unanswered facts would be tested by every
 * pattern of their type and match none (each such pattern asks for {@code present} or {@code
 * absent}), so leaving them out changes no conclusion and spares the network most of its facts.
 *
 * <p>Read from the rules' patterns (Drools' own parser, {@link VocabularyUse}): a pattern over a
 * question type that does not require an answer ({@code present} or {@code absent}) can match a
 * question not asked; its {@code sign}, {@code site} or {@code path} literals say which (none: every
 * question of the type). A pattern joined on its path with {@code RedFlagQuestion} (the INT-03
 * rules) reads the red-flag questions. Anything this reading cannot narrow counts as every
 * question of the type, so the error is only ever a fact too many.
 */
final class NotAskedReads {
  private static final Set<String> QUESTION_TYPES = Set.of("Question", "Observation",
      "LocatedSymptom", "Numbness", "Pain", "Weakness");

  /** One pattern of a rule: its type's simple name and its constraints as parsed. */
  record PatternTrees(String type, List<ConstraintConnectiveDescr> constraints) {}

  private final Vocabulary vocabulary;
  private final Set<String> paths = new HashSet<>();

  NotAskedReads(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** The question paths some rule read so far can match while not asked. */
  Set<String> paths() {
    return Set.copyOf(paths);
  }

  /** Reads the patterns of one rule (under {@code not}, {@code exists} and accumulate too). */
  void rule(List<PatternTrees> patterns) {
    Set<String> boundToRedFlagPath = new HashSet<>(); // RedFlagQuestion( $v : path )
    Set<String> joinedByRedFlag = new HashSet<>(); // RedFlagQuestion( path == $v )
    for (PatternTrees p : patterns) {
      if (p.type().equals("RedFlagQuestion")) {
        for (BaseDescr c : conjuncts(p)) {
          if (c instanceof BindingDescr b && b.getExpression().strip().equals("path")) {
            boundToRedFlagPath.add(b.getVariable());
          } else if (c instanceof RelationalExprDescr r && isEquality(r, "path")
              && !isLiteral(r.getRight())) {
            joinedByRedFlag.add(text(r.getRight()));
          }
        }
      }
    }
    for (PatternTrees p : patterns) {
      if (QUESTION_TYPES.contains(p.type())) {
        question(p, boundToRedFlagPath, joinedByRedFlag);
      }
    }
  }

  private void question(PatternTrees p, Set<String> boundToRedFlagPath,
      Set<String> joinedByRedFlag) {
    Set<String> keys = null;
    String keyField = null;
    boolean redFlags = false;
    for (BaseDescr c : conjuncts(p)) {
      if (requiresAnswer(c)) {
        return; // never matches a question not asked
      }
      if (c instanceof BindingDescr b && b.getExpression().strip().equals("path")
          && joinedByRedFlag.contains(b.getVariable())) {
        redFlags = true;
      }
      for (String field : List.of("sign", "site", "path")) {
        Set<String> literals = literalsOf(c, field);
        if (literals != null) {
          keys = keys == null || !field.equals(keyField) ? literals : intersect(keys, literals);
          keyField = field;
        }
      }
      if (c instanceof RelationalExprDescr r && isEquality(r, "path") && !isLiteral(r.getRight())
          && boundToRedFlagPath.contains(text(r.getRight()))) {
        redFlags = true;
      }
    }
    if (keys == null && redFlags) {
      paths.addAll(vocabulary.redFlagQuestions());
      return;
    }
    for (Vocabulary.Entry e : vocabulary.entries()) {
      if (ofType(e.path(), p.type()) && matchesKeys(e.path(), keyField, keys)) {
        paths.add(e.path());
      }
    }
  }

  private static boolean ofType(String path, String type) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      return false; // age, duration: facts of their own
    }
    String section = path.substring(0, dot);
    return switch (type) {
      case "Question" -> true;
      case "Observation" -> section.equals("signs");
      case "LocatedSymptom" -> !section.equals("signs");
      default -> section.equals(type.toLowerCase(Locale.ROOT));
    };
  }

  private static boolean matchesKeys(String path, String field, Set<String> keys) {
    if (keys == null) {
      return true;
    }
    String key = field.equals("path") ? path : path.substring(path.indexOf('.') + 1);
    return keys.contains(key);
  }

  private static List<BaseDescr> conjuncts(PatternTrees p) {
    List<BaseDescr> out = new java.util.ArrayList<>();
    for (ConstraintConnectiveDescr tree : p.constraints()) {
      addConjuncts(tree, out);
    }
    return out;
  }

  private static void addConjuncts(BaseDescr d, List<BaseDescr> out) {
    if (d instanceof ConstraintConnectiveDescr c && c.getConnective() == ConnectiveType.AND) {
      c.getDescrs().forEach(child -> addConjuncts(child, out));
    } else {
      out.add(d);
    }
  }

  /** {@code present}, {@code absent}, or either compared {@code == true}. */
  private static boolean requiresAnswer(BaseDescr c) {
    if (c instanceof AtomicExprDescr a) {
      String e = a.getExpression().strip();
      return e.equals("present") || e.equals("absent");
    }
    if (c instanceof RelationalExprDescr r && r.getOperator().equals("==")) {
      String left = text(r.getLeft());
      String right = text(r.getRight());
      return (left.equals("present") || left.equals("absent")) && right.equals("true");
    }
    return false;
  }

  /** The literals a conjunct requires the field to equal ({@code ==}, or {@code in}), or null. */
  private static Set<String> literalsOf(BaseDescr c, String field) {
    if (c instanceof RelationalExprDescr r && isEquality(r, field) && isLiteral(r.getRight())) {
      return Set.of(unquote(text(r.getRight())));
    }
    if (c instanceof ConstraintConnectiveDescr or && or.getConnective() == ConnectiveType.OR) {
      Set<String> out = new HashSet<>();
      for (BaseDescr child : or.getDescrs()) {
        Set<String> one = literalsOf(child, field);
        if (one == null) {
          return null;
        }
        out.addAll(one);
      }
      return out;
    }
    return null;
  }

  private static boolean isEquality(RelationalExprDescr r, String field) {
    return r.getOperator().equals("==") && r.getLeft() instanceof AtomicExprDescr left
        && left.getExpression().strip().equals(field);
  }

  private static String text(BaseDescr d) {
    return (d instanceof AtomicExprDescr a ? a.getExpression() : d.toString()).strip();
  }

  private static boolean isLiteral(BaseDescr d) {
    return d instanceof AtomicExprDescr a && a.isLiteral();
  }

  private static String unquote(String literal) {
    String s = literal.strip();
    return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("'"))
        ? s.substring(1, s.length() - 1) : s;
  }

  private static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.retainAll(b);
    return out;
  }
}
