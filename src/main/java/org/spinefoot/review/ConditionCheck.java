package org.spinefoot.review;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spinefoot.Answer;
import org.spinefoot.Patient;
import org.spinefoot.Side;
import org.spinefoot.Sign;
import org.spinefoot.Site;
import org.spinefoot.Vocabulary;

/**
 * Finds conditions that no patient record can satisfy, by reading a rule's {@code when} text:
 * numbness at a site where numbness is never recorded, a side on a symptom that is not present,
 * contradictory answers, an age or duration outside what a record allows. It judges only the
 * simple constraints it understands and stays silent on the rest, so it never reports a condition
 * that can match.
 */
final class ConditionCheck {
  private static final Pattern FACT =
      Pattern.compile("\\b(Numbness|Pain|Weakness|Observation|Age|SymptomDuration)\\s*\\(");
  private static final Pattern BINDING = Pattern.compile("^\\$\\w+\\s*:\\s*");
  private static final Pattern CONSTANT = Pattern.compile("\\b(Side|Answer)\\.([A-Z][A-Z0-9_]*)\\b");
  private static final Pattern KEY = Pattern.compile("\"([A-Za-z0-9]+)\"");
  private static final Pattern EQUALS =
      Pattern.compile("^(\\w+)\\s*(==|!=)\\s*(\\w+\\.\\w+|\"[A-Za-z0-9]+\")$");
  private static final Pattern IN = Pattern.compile("^(\\w+)\\s+(not\\s+)?in\\s*\\((.*)\\)$", Pattern.DOTALL);
  private static final Pattern SITE_PROPERTY =
      Pattern.compile("^(!\\s*)?(?:site\\.)?(?:is)?(inFoot|inLowerLimb|inUpperLimb|neckOrArm)(?:\\(\\))?$");
  private static final Pattern NUMBER_COMPARISON =
      Pattern.compile("^(years|days|getYears\\(\\)|getDays\\(\\))\\s*(==|!=|>=|<=|>|<)\\s*(-?\\d+)$");
  private static final Pattern OR_TOKEN = Pattern.compile("\\bor\\b|\\|\\|");

  /** A condition that never matches; {@code required} when the rule cannot fire without it. */
  record Impossible(int offset, boolean required, String pattern, String reason) {}

  private ConditionCheck() {}

  /** The impossible conditions in a {@code when} part (comments already removed). */
  static List<Impossible> check(String when) {
    return check(when, Vocabulary.packaged());
  }

  /** As {@link #check(String)}, with the sites and signs of a vocabulary. */
  static List<Impossible> check(String when, Vocabulary vocabulary) {
    String skeleton = DrlReader.blankStrings(when);
    List<Impossible> out = new ArrayList<>();
    Matcher m = FACT.matcher(skeleton);
    while (m.find()) {
      if (m.start() > 0 && (skeleton.charAt(m.start() - 1) == '.'
          || precededBy(skeleton, m.start(), "new"))) {
        continue; // a constructor or method call, not a pattern
      }
      int open = m.end() - 1;
      int close = DrlReader.closingParen(skeleton, open);
      if (close < 0) {
        continue;
      }
      String constraints = when.substring(open + 1, close);
      Optional<String> reason = reason(m.group(1), constraints, skeleton.substring(open + 1, close),
          vocabulary);
      if (reason.isPresent()) {
        String pattern = (m.group(1) + "(" + constraints + ")").replaceAll("\\s+", " ");
        out.add(new Impossible(m.start(), isRequired(skeleton, m.start()), pattern, reason.get()));
      }
    }
    return out;
  }

  private static boolean precededBy(String s, int at, String word) {
    String before = s.substring(0, at).stripTrailing();
    return before.endsWith(word)
        && (before.length() == word.length()
            || !Character.isJavaIdentifierPart(before.charAt(before.length() - word.length() - 1)));
  }

  /** Why a pattern can never match, or empty when it can (or is too complex to judge). */
  static Optional<String> reason(String type, String constraints, String skeleton,
      Vocabulary vocabulary) {
    List<String> parts = splitAnd(constraints, skeleton);
    if (parts == null) {
      return Optional.empty();
    }
    Set<Answer> answers = EnumSet.allOf(Answer.class);
    Set<Site> sites = sitesOf(type, vocabulary);
    Set<Side> sides = EnumSet.allOf(Side.class);
    boolean sideConstrained = false;
    Set<Sign> signs = new java.util.HashSet<>(vocabulary.signs());
    long low = 0;
    long high = type.equals("Age") ? Patient.MAX_AGE : Patient.MAX_DURATION_DAYS;
    String numberName = type.equals("Age") ? "years" : "days";
    for (String raw : parts) {
      String c = BINDING.matcher(raw.strip()).replaceFirst("").strip();
      switch (c) {
        case "present": answers.retainAll(Set.of(Answer.PRESENT)); continue;
        case "absent": answers.retainAll(Set.of(Answer.ABSENT)); continue;
        case "notAsked": answers.retainAll(Set.of(Answer.NOT_ASKED)); continue;
        case "!present": answers.remove(Answer.PRESENT); continue;
        case "!absent": answers.remove(Answer.ABSENT); continue;
        case "!notAsked": answers.remove(Answer.NOT_ASKED); continue;
        default: break;
      }
      Matcher eq = EQUALS.matcher(c);
      Matcher in = IN.matcher(c);
      Matcher property = SITE_PROPERTY.matcher(c);
      Matcher number = NUMBER_COMPARISON.matcher(c);
      if (eq.matches() || in.matches()) {
        String field = eq.matches() ? eq.group(1) : in.group(1);
        boolean negated = eq.matches() ? eq.group(2).equals("!=") : in.group(2) != null;
        String values = eq.matches() ? eq.group(3) : in.group(3);
        switch (field) {
          case "site" -> apply(sites, keys(values, vocabulary::findSite), negated);
          case "side" -> {
            apply(sides, constants(values, "Side", Side.class), negated);
            sideConstrained |= !negated;
          }
          case "sign" -> apply(signs, keys(values, vocabulary::findSign), negated);
          case "answer" -> apply(answers, constants(values, "Answer", Answer.class), negated);
          default -> { }
        }
      } else if (property.matches() && (type.equals("Numbness") || type.equals("Pain") || type.equals("Weakness"))) {
        Predicate<Site> p = siteProperty(property.group(2));
        if (p != null) {
          sites.removeIf(property.group(1) == null ? p.negate() : p);
        }
      } else if (number.matches() && (type.equals("Age") || type.equals("SymptomDuration"))
          && number.group(1).toLowerCase(java.util.Locale.ROOT).contains(numberName)) {
        long n = Long.parseLong(number.group(3));
        switch (number.group(2)) {
          case ">" -> low = Math.max(low, n + 1);
          case ">=" -> low = Math.max(low, n);
          case "<" -> high = Math.min(high, n - 1);
          case "<=" -> high = Math.min(high, n);
          case "==" -> { low = Math.max(low, n); high = Math.min(high, n); }
          default -> { }
        }
      }
    }
    switch (type) {
      case "Numbness", "Pain", "Weakness" -> {
        if (sites.isEmpty()) {
          String kind = type.toLowerCase(java.util.Locale.ROOT);
          return Optional.of(kind + " is recorded only at " + siteKeys(sitesOf(type, vocabulary))
              + ", so no " + kind + " fact has the site this asks for");
        }
        if (sides.isEmpty()) {
          return Optional.of("no side satisfies all of its side conditions");
        }
        if (sideConstrained) {
          answers.retainAll(Set.of(Answer.PRESENT));
          if (answers.isEmpty()) {
            return Optional.of("a side is recorded only when the symptom is present");
          }
        }
      }
      case "Observation" -> {
        if (signs.isEmpty()) {
          return Optional.of("no sign satisfies all of its sign conditions");
        }
      }
      default -> {
        long max = type.equals("Age") ? Patient.MAX_AGE : Patient.MAX_DURATION_DAYS;
        if (low > high) {
          return Optional.of("a record's " + (type.equals("Age") ? "age" : "symptom duration")
              + " is from 0 to " + max + (type.equals("Age") ? " years" : " days")
              + ", and no value in that range satisfies its conditions");
        }
      }
    }
    if (answers.isEmpty()) {
      return Optional.of("its answer conditions contradict each other (present, absent, notAsked)");
    }
    return Optional.empty();
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

  /** The constants of one enum named in a list such as {@code Site.FOOT, Site.TOES}, or null. */
  private static <E extends Enum<E>> Set<E> constants(String values, String prefix, Class<E> type) {
    Set<E> out = EnumSet.noneOf(type);
    String[] items = values.split(",");
    for (String item : items) {
      Matcher m = CONSTANT.matcher(item.strip());
      if (!m.matches() || !m.group(1).equals(prefix)) {
        return null;
      }
      try {
        out.add(Enum.valueOf(type, m.group(2)));
      } catch (IllegalArgumentException unknown) {
        return null;
      }
    }
    return out;
  }

  /** The vocabulary's entries named in a list such as {@code "foot", "toes"}, or null. */
  private static <E> Set<E> keys(String values,
      java.util.function.Function<String, Optional<E>> lookup) {
    Set<E> out = new java.util.HashSet<>();
    for (String item : values.split(",")) {
      Matcher m = KEY.matcher(item.strip());
      if (!m.matches()) {
        return null;
      }
      Optional<E> found = lookup.apply(m.group(1));
      if (found.isEmpty()) {
        return null; // an unknown key: loading the rules reports it, with its line
      }
      out.add(found.get());
    }
    return out;
  }

  private static Predicate<Site> siteProperty(String name) {
    switch (name) {
      case "inFoot", "InFoot": return Site::isInFoot;
      case "inLowerLimb", "InLowerLimb": return Site::isInLowerLimb;
      case "neckOrArm", "NeckOrArm": return Site::isNeckOrArm;
      case "numbnessSite", "NumbnessSite": return Site::isNumbnessSite;
      case "painSite", "PainSite": return Site::isPainSite;
      case "weaknessSite", "WeaknessSite": return Site::isWeaknessSite;
      case "inUpperLimb", "InUpperLimb": return Site::isInUpperLimb;
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
    Set<Site> out = new java.util.LinkedHashSet<>();
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

  /** The constraints joined by top-level {@code ,} or {@code &&}; null when an {@code ||} joins them. */
  private static List<String> splitAnd(String constraints, String skeleton) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < skeleton.length(); i++) {
      char c = skeleton.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (depth == 0 && c == '|' && i + 1 < skeleton.length() && skeleton.charAt(i + 1) == '|') {
        return null;
      } else if (depth == 0 && (c == ',' || c == '&' && i + 1 < skeleton.length()
          && skeleton.charAt(i + 1) == '&')) {
        out.add(constraints.substring(from, i));
        if (c == '&') {
          i++;
        }
        from = i + 1;
      }
    }
    out.add(constraints.substring(from));
    out.removeIf(String::isBlank);
    return out;
  }

  /**
   * True when the rule cannot fire unless this pattern matches: the pattern is not negated, not
   * one branch of an {@code or}, and not inside {@code not}, {@code accumulate}, {@code forall}
   * and the like.
   */
  static boolean isRequired(String skeleton, int patternStart) {
    String before = skeleton.substring(0, patternStart).stripTrailing();
    before = before.replaceFirst("\\$\\w+\\s*:$", "").stripTrailing();
    if (precededBy(before, before.length(), "not") || precededBy(before, before.length(), "or")
        || before.endsWith("||")) {
      return false;
    }
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < patternStart; i++) {
      char c = skeleton.charAt(i);
      if (c == '(') {
        open.add(i);
      } else if (c == ')' && !open.isEmpty()) {
        open.remove(open.size() - 1);
      }
    }
    for (int o : open) {
      String keyword = wordBefore(skeleton, o);
      if (keyword.equals("exists")) {
        continue;
      }
      if (!keyword.isEmpty() && !keyword.equals("and") && !keyword.equals("or")) {
        return false; // not, accumulate, forall, collect, eval, a nested pattern...
      }
      int close = DrlReader.closingParen(skeleton, o);
      if (hasTopLevelOr(skeleton.substring(o + 1, close < 0 ? skeleton.length() : close))) {
        return false;
      }
    }
    return !hasTopLevelOr(skeleton);
  }

  private static String wordBefore(String s, int at) {
    int end = at;
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isJavaIdentifierPart(s.charAt(start - 1))) {
      start--;
    }
    return s.substring(start, end);
  }

  private static boolean hasTopLevelOr(String s) {
    StringBuilder top = new StringBuilder();
    int depth = 0;
    for (char c : s.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0) {
        top.append(c);
      }
    }
    return OR_TOKEN.matcher(top).find();
  }
}
