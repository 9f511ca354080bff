package org.spinefoot.review;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.spinefoot.Answer;
import org.spinefoot.Patient;
import org.spinefoot.Side;
import org.spinefoot.Sign;
import org.spinefoot.Site;
import org.spinefoot.Vocabulary;

/**
 * Finds conditions that no patient record can satisfy: numbness at a site where numbness is
 * never recorded, a side on a symptom that is not present, contradictory answers, an age or
 * duration outside what a record allows. It reads the rule as Drools' parser does (the patterns
 * of the rule, and each constraint parsed by Drools' expression parser), judges only the simple
 * constraints it understands and stays silent on the rest, so it never reports a condition that
 * can match.
 */
final class ConditionCheck {
  private static final Set<String> JUDGED_TYPES =
      Set.of("Numbness", "Pain", "Weakness", "Observation", "Age", "SymptomDuration");

  /**
   * A condition that never matches; {@code required} when the rule cannot fire without it.
   *
   * @param line the line of the pattern in the rule file
   */
  record Impossible(int line, boolean required, String pattern, String reason) {}

  private ConditionCheck() {}

  /** The impossible conditions of a rule as Drools' parser read it. */
  static List<Impossible> check(RuleDescr rule, Vocabulary vocabulary) {
    List<Impossible> out = new ArrayList<>();
    if (rule.getLhs() != null) {
      walk(rule.getLhs(), true, vocabulary, out);
    }
    return out;
  }

  // "Required" holds only through and, exists and a pattern's own place: an or, a not, an
  // accumulate, a collect or a forall lets the rule fire without the pattern matching.
  private static void walk(BaseDescr d, boolean required, Vocabulary vocabulary,
      List<Impossible> out) {
    if (d instanceof PatternDescr p) {
      check(p, required, vocabulary).ifPresent(out::add);
      if (p.getSource() instanceof AccumulateDescr a && a.getInput() != null) {
        walk(a.getInput(), false, vocabulary, out);
      } else if (p.getSource() instanceof CollectDescr c && c.getInputPattern() != null) {
        walk(c.getInputPattern(), false, vocabulary, out);
      }
    } else if (d instanceof AndDescr and) {
      and.getDescrs().forEach(x -> walk(x, required, vocabulary, out));
    } else if (d instanceof ExistsDescr exists) {
      exists.getDescrs().forEach(x -> walk((BaseDescr) x, required, vocabulary, out));
    } else if (d instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce) {
      ce.getDescrs().forEach(x -> walk((BaseDescr) x, false, vocabulary, out));
    }
  }

  private static Optional<Impossible> check(PatternDescr p, boolean required,
      Vocabulary vocabulary) {
    String type = simpleName(p.getObjectType());
    if (!JUDGED_TYPES.contains(type)) {
      return Optional.empty();
    }
    List<String> expressions = new ArrayList<>();
    for (BaseDescr c : p.getConstraint().getDescrs()) {
      if (c instanceof ExprConstraintDescr e) {
        expressions.add(e.getExpression().strip().replaceAll("\\s+", " "));
      } else {
        return Optional.empty(); // a constraint form not judged here
      }
    }
    List<BaseDescr> conjuncts = new ArrayList<>();
    for (String expression : expressions) {
      DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
      ConstraintConnectiveDescr parsed = parser.parse(expression);
      if (parsed == null || parser.hasErrors()) {
        return Optional.empty(); // loading the rules reports it, with its line
      }
      flattenAnd(parsed, conjuncts);
    }
    return reason(type, conjuncts, vocabulary).map(why -> new Impossible(p.getLine(), required,
        type + "( " + String.join(", ", expressions) + " )", why));
  }

  private static void flattenAnd(BaseDescr d, List<BaseDescr> out) {
    if (d instanceof ConstraintConnectiveDescr c && c.getConnective() == ConnectiveType.AND) {
      c.getDescrs().forEach(x -> flattenAnd(x, out));
    } else {
      out.add(d);
    }
  }

  /** What a pattern's constraints allow, narrowed one constraint at a time. */
  private static final class Allowed {
    final Set<Answer> answers = EnumSet.allOf(Answer.class);
    final Set<Site> sites;
    final Set<Side> sides = EnumSet.allOf(Side.class);
    final Set<Sign> signs;
    boolean sideConstrained;
    long low;
    long high;

    Allowed(String type, Vocabulary vocabulary) {
      sites = sitesOf(type, vocabulary);
      signs = new HashSet<>(vocabulary.signs());
      high = type.equals("Age") ? Patient.MAX_AGE : Patient.MAX_DURATION_DAYS;
    }
  }

  /** Why a pattern can never match, or empty when it can (or is too complex to judge). */
  private static Optional<String> reason(String type, List<BaseDescr> conjuncts,
      Vocabulary vocabulary) {
    Allowed allowed = new Allowed(type, vocabulary);
    for (BaseDescr c : conjuncts) {
      if (c instanceof AtomicExprDescr atom) {
        narrowByFlag(type, atom.getExpression().replace(" ", ""), allowed);
      } else if (c instanceof RelationalExprDescr r && !r.isNegated()) {
        narrowByComparison(type, field(r.getLeft()), r.getOperator(), value(r.getRight()),
            allowed, vocabulary);
      } else if (c instanceof ConstraintConnectiveDescr or
          && or.getConnective() == ConnectiveType.OR) {
        narrowByIn(or, allowed, vocabulary); // how the parser gives "field in (a, b)"
      }
      // anything else (a binding alone, a method call, an || of different fields) is not judged
    }
    return verdict(type, allowed, vocabulary);
  }

  private static void narrowByFlag(String type, String flag, Allowed allowed) {
    switch (flag) {
      case "present" -> allowed.answers.retainAll(Set.of(Answer.PRESENT));
      case "absent" -> allowed.answers.retainAll(Set.of(Answer.ABSENT));
      case "notAsked" -> allowed.answers.retainAll(Set.of(Answer.NOT_ASKED));
      case "!present" -> allowed.answers.remove(Answer.PRESENT);
      case "!absent" -> allowed.answers.remove(Answer.ABSENT);
      case "!notAsked" -> allowed.answers.remove(Answer.NOT_ASKED);
      default -> {
        if (!isSymptom(type)) {
          return;
        }
        boolean negated = flag.startsWith("!");
        Predicate<Site> property = siteProperty(flag.substring(negated ? 1 : 0));
        if (property != null) {
          allowed.sites.removeIf(negated ? property : property.negate());
        }
      }
    }
  }

  private static void narrowByComparison(String type, String field, String operator,
      String value, Allowed allowed, Vocabulary vocabulary) {
    if (field == null || value == null) {
      return;
    }
    if (operator.equals("==") || operator.equals("!=")) {
      boolean negated = operator.equals("!=");
      switch (field) {
        case "site" -> apply(allowed.sites, key(value, vocabulary::findSite), negated);
        case "side" -> {
          apply(allowed.sides, constant(value, "Side", Side.class), negated);
          allowed.sideConstrained |= !negated;
        }
        case "sign" -> apply(allowed.signs, key(value, vocabulary::findSign), negated);
        case "answer" -> apply(allowed.answers, constant(value, "Answer", Answer.class), negated);
        default -> { }
      }
    }
    Set<String> numberField = switch (type) {
      case "Age" -> Set.of("years", "getYears()");
      case "SymptomDuration" -> Set.of("days", "getDays()");
      default -> Set.of();
    };
    if (!numberField.contains(field)) {
      return;
    }
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException notANumber) {
      return; // a variable or an expression: not judged here
    }
    switch (operator) {
      case ">" -> allowed.low = Math.max(allowed.low, n + 1);
      case ">=" -> allowed.low = Math.max(allowed.low, n);
      case "<" -> allowed.high = Math.min(allowed.high, n - 1);
      case "<=" -> allowed.high = Math.min(allowed.high, n);
      case "==" -> {
        allowed.low = Math.max(allowed.low, n);
        allowed.high = Math.min(allowed.high, n);
      }
      default -> { }
    }
  }

  // "site in ("foot", "toes")" reaches here as an || of equalities on one field.
  private static void narrowByIn(ConstraintConnectiveDescr or, Allowed allowed,
      Vocabulary vocabulary) {
    String field = null;
    List<String> values = new ArrayList<>();
    for (BaseDescr d : or.getDescrs()) {
      if (!(d instanceof RelationalExprDescr r) || r.isNegated() || !r.getOperator().equals("==")
          || field(r.getLeft()) == null || value(r.getRight()) == null
          || field != null && !field.equals(field(r.getLeft()))) {
        return;
      }
      field = field(r.getLeft());
      values.add(value(r.getRight()));
    }
    switch (String.valueOf(field)) {
      case "site" -> apply(allowed.sites, keys(values, vocabulary::findSite), false);
      case "sign" -> apply(allowed.signs, keys(values, vocabulary::findSign), false);
      case "side" -> {
        apply(allowed.sides, constants(values, "Side", Side.class), false);
        allowed.sideConstrained = true;
      }
      case "answer" -> apply(allowed.answers, constants(values, "Answer", Answer.class), false);
      default -> { }
    }
  }

  private static Optional<String> verdict(String type, Allowed allowed, Vocabulary vocabulary) {
    if (isSymptom(type)) {
      if (allowed.sites.isEmpty()) {
        String kind = type.toLowerCase(Locale.ROOT);
        return Optional.of(kind + " is recorded only at " + siteKeys(sitesOf(type, vocabulary))
            + ", so no " + kind + " fact has the site this asks for");
      }
      if (allowed.sides.isEmpty()) {
        return Optional.of("no side satisfies all of its side conditions");
      }
      if (allowed.sideConstrained) {
        allowed.answers.retainAll(Set.of(Answer.PRESENT));
        if (allowed.answers.isEmpty()) {
          return Optional.of("a side is recorded only when the symptom is present");
        }
      }
    } else if (type.equals("Observation")) {
      if (allowed.signs.isEmpty()) {
        return Optional.of("no sign satisfies all of its sign conditions");
      }
    } else if (allowed.low > allowed.high) {
      boolean age = type.equals("Age");
      return Optional.of("a record's " + (age ? "age" : "symptom duration") + " is from 0 to "
          + (age ? Patient.MAX_AGE + " years" : Patient.MAX_DURATION_DAYS + " days")
          + ", and no value in that range satisfies its conditions");
    }
    if (allowed.answers.isEmpty()) {
      return Optional.of("its answer conditions contradict each other (present, absent, notAsked)");
    }
    return Optional.empty();
  }

  private static boolean isSymptom(String type) {
    return type.equals("Numbness") || type.equals("Pain") || type.equals("Weakness");
  }

  /** The field a comparison's left side names ({@code site}, {@code $s : side}), or null. */
  private static String field(BaseDescr left) {
    if (left instanceof BindingDescr b) {
      return b.getExpression() == null ? null : b.getExpression().strip();
    }
    return left instanceof AtomicExprDescr a && !a.isLiteral() ? a.getExpression().strip() : null;
  }

  /** A comparison's right side as written ({@code "foot"}, {@code Side.LEFT}, {@code 3}). */
  private static String value(BaseDescr right) {
    return right instanceof AtomicExprDescr a ? a.getExpression().strip() : null;
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static <E> void apply(Set<E> set, Set<E> values, boolean negated) {
    if (values == null) {
      return; // a variable or an unknown constant: not judged here
    }
    if (negated) {
      set.removeAll(values);
    } else {
      set.retainAll(values);
    }
  }

  private static <E extends Enum<E>> Set<E> constant(String value, String prefix, Class<E> type) {
    return constants(List.of(value), prefix, type);
  }

  /** The constants of one enum named as {@code Side.LEFT}, {@code Side.BOTH}, or null. */
  private static <E extends Enum<E>> Set<E> constants(List<String> values, String prefix,
      Class<E> type) {
    Set<E> out = EnumSet.noneOf(type);
    for (String value : values) {
      if (!value.startsWith(prefix + ".")) {
        return null;
      }
      try {
        out.add(Enum.valueOf(type, value.substring(prefix.length() + 1)));
      } catch (IllegalArgumentException unknown) {
        return null;
      }
    }
    return out;
  }

  private static <E> Set<E> key(String value, Function<String, Optional<E>> lookup) {
    return keys(List.of(value), lookup);
  }

  /** The vocabulary's entries named by string literals such as {@code "foot"}, or null. */
  private static <E> Set<E> keys(List<String> values, Function<String, Optional<E>> lookup) {
    Set<E> out = new HashSet<>();
    for (String value : values) {
      if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
        return null;
      }
      Optional<E> found = lookup.apply(value.substring(1, value.length() - 1));
      if (found.isEmpty()) {
        return null; // an unknown key: loading the rules reports it, with its line
      }
      out.add(found.get());
    }
    return out;
  }

  // site.inFoot, inFoot, isInFoot(), site.isInFoot() ...
  private static Predicate<Site> siteProperty(String flag) {
    String name = flag.startsWith("site.") ? flag.substring(5) : flag;
    name = name.endsWith("()") ? name.substring(0, name.length() - 2) : name;
    name = name.startsWith("is") && name.length() > 2 && Character.isUpperCase(name.charAt(2))
        ? Character.toLowerCase(name.charAt(2)) + name.substring(3) : name;
    switch (name) {
      case "inFoot": return Site::isInFoot;
      case "inLowerLimb": return Site::isInLowerLimb;
      case "neckOrArm": return Site::isNeckOrArm;
      case "numbnessSite": return Site::isNumbnessSite;
      case "painSite": return Site::isPainSite;
      case "weaknessSite": return Site::isWeaknessSite;
      case "inUpperLimb": return Site::isInUpperLimb;
      default: return null;
    }
  }

  private static Set<Site> sitesOf(String type, Vocabulary vocabulary) {
    Predicate<Site> recorded = switch (type) {
      case "Numbness" -> Site::isNumbnessSite;
      case "Pain" -> Site::isPainSite;
      case "Weakness" -> Site::isWeaknessSite;
      default -> s -> true;
    };
    Set<Site> out = new LinkedHashSet<>();
    for (Site s : vocabulary.sites()) {
      if (recorded.test(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static String siteKeys(Set<Site> sites) {
    return String.join(", ", sites.stream().map(Site::key).toList());
  }
}
