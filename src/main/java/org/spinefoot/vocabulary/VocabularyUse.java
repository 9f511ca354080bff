package org.spinefoot.vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.spinefoot.RuleBaseException;
import org.spinefoot.Vocabulary;
import org.spinefoot.engine.Spelling;

/**
 * Checks that every observation a rule names is one the vocabulary defines: a sign in {@code
 * Observation( sign == "..." )}, a site in {@code Numbness( site == "..." )} (and pain, weakness),
 * a question in {@code Question( path == "..." )}. A misspelt key would match nothing and the
 * rule would never fire, silently; here it is an error with file and line. The DRL is read with
 * Drools' own parser, patterns under {@code not} and {@code forall} included.
 */
public final class VocabularyUse {
  private static final Set<String> SITE_TYPES = Set.of("Numbness", "Pain", "Weakness",
      "LocatedSymptom");

  private final Vocabulary vocabulary;
  private final String file;
  private final List<RuleBaseException.Problem> problems;
  private final DrlExprParser exprParser =
      DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);

  private VocabularyUse(Vocabulary vocabulary, String file,
      List<RuleBaseException.Problem> problems) {
    this.vocabulary = vocabulary;
    this.file = file;
    this.problems = problems;
  }

  /**
   * The problems of the files (path to DRL text); a file that does not parse is left to the
   * compiler, which reports it.
   */
  public static List<RuleBaseException.Problem> check(Vocabulary vocabulary,
      Map<String, String> files) {
    return analyse(vocabulary, files).problems();
  }

  /**
   * What the rules read, from one parse of the files: the problems {@link #check} reports, and
   * the questions some rule can match while they are not asked ({@link NotAskedReads}).
   *
   * @param problems as {@link #check} gives them
   * @param readWhenNotAsked the paths of the questions whose "not asked" fact a rule can match
   * @param declared where each rule is declared, by its name (names are unique: all files are
   *     one package); a file that does not parse declares none
   * @param negatedTypes by rule name, the fact types of the patterns a rule requires to be
   *     absent ({@code not Type(...)}), which explain why a conclusion was withdrawn
   */
  public record Use(List<RuleBaseException.Problem> problems, Set<String> readWhenNotAsked,
      Map<String, Declared> declared, Map<String, Set<String>> negatedTypes) {}

  /**
   * Where a rule is declared, as Drools' parser places it.
   *
   * @param file the rule file's path under the rules root
   * @param line the line of {@code rule "name"}
   */
  public record Declared(String file, int line) {}

  /** As {@link #check}, with the questions read while not asked. */
  public static Use analyse(Vocabulary vocabulary, Map<String, String> files) {
    List<RuleBaseException.Problem> problems = new ArrayList<>();
    NotAskedReads notAsked = new NotAskedReads(vocabulary);
    Map<String, Declared> declared = new java.util.HashMap<>();
    Map<String, Set<String>> negatedTypes = new java.util.HashMap<>();
    files.forEach((path, text) -> {
      PackageDescr pkg = parse(text);
      if (pkg != null) {
        VocabularyUse use = new VocabularyUse(vocabulary, path, problems);
        for (RuleDescr rule : pkg.getRules()) {
          declared.putIfAbsent(rule.getName(), new Declared(path, rule.getLine()));
          Set<String> negated = new java.util.HashSet<>();
          negatedTypes(rule.getLhs(), false, negated);
          negatedTypes.putIfAbsent(rule.getName(), Set.copyOf(negated));
          List<NotAskedReads.PatternTrees> patterns = new ArrayList<>();
          use.walk(rule.getLhs(), rule, patterns);
          notAsked.rule(patterns);
        }
      }
    });
    return new Use(problems, notAsked.paths(), Map.copyOf(declared), Map.copyOf(negatedTypes));
  }

  private static void negatedTypes(BaseDescr d, boolean underNot, Set<String> out) {
    if (d instanceof PatternDescr p) {
      if (underNot && p.getObjectType() != null) {
        out.add(p.getObjectType().substring(p.getObjectType().lastIndexOf('.') + 1));
      }
    } else if (d instanceof ConditionalElementDescr ce) {
      boolean not = underNot || d instanceof org.drools.drl.ast.descr.NotDescr;
      for (Object child : ce.getDescrs()) {
        negatedTypes((BaseDescr) child, not, out);
      }
    }
  }

  /**
   * A DRL file as Drools' parser reads it; null when the text does not parse (loading the rules
   * reports why, with file and line). The reviewer tools read DRL through this too.
   */
  public static PackageDescr parse(String text) {
    DrlParser parser = new DrlParser();
    try {
      PackageDescr pkg = parser.parse(false, text);
      return pkg == null || parser.hasErrors() ? null : pkg;
    } catch (DroolsParserException | RuntimeException e) {
      return null;
    }
  }

  private void walk(BaseDescr d, RuleDescr rule, List<NotAskedReads.PatternTrees> patterns) {
    if (d instanceof ConditionalElementDescr ce) {
      for (Object child : ce.getDescrs()) {
        walk((BaseDescr) child, rule, patterns);
      }
    } else if (d instanceof PatternDescr p) {
      if (p.getSource() instanceof AccumulateDescr acc) {
        walk(acc.getInput(), rule, patterns);
      } else if (p.getSource() instanceof CollectDescr collect) {
        walk(collect.getInputPattern(), rule, patterns);
      } else if (p.getSource() instanceof FromDescr) {
        // a pattern over a collection's elements: nothing of the record
      }
      pattern(p, rule, patterns);
    }
  }

  private void pattern(PatternDescr p, RuleDescr rule, List<NotAskedReads.PatternTrees> patterns) {
    String type = p.getObjectType();
    if (type == null) {
      return;
    }
    String simple = type.substring(type.lastIndexOf('.') + 1);
    List<ConstraintConnectiveDescr> trees = new ArrayList<>();
    boolean unread = false;
    for (BaseDescr c : p.getDescrs()) {
      if (c instanceof ExprConstraintDescr e) {
        ConstraintConnectiveDescr tree = exprParser.parse(e.getExpression());
        if (tree != null && !exprParser.hasErrors()) {
          int line = e.getLine() > 0 ? e.getLine() : p.getLine() > 0 ? p.getLine() : rule.getLine();
          constraint(tree, simple, line, rule);
          trees.add(tree);
        } else {
          unread = true;
        }
      }
    }
    // A constraint the parser could not read might be the one that narrows the pattern: the
    // pattern then counts as reading every question of its type.
    patterns.add(new NotAskedReads.PatternTrees(simple, unread ? List.of() : trees));
  }

  private void constraint(BaseDescr d, String type, int line, RuleDescr rule) {
    if (d instanceof ConstraintConnectiveDescr c) {
      for (BaseDescr child : c.getDescrs()) {
        constraint(child, type, line, rule);
      }
    } else if (d instanceof RelationalExprDescr r
        && r.getLeft() instanceof AtomicExprDescr left
        && r.getRight() instanceof AtomicExprDescr right
        && right.isLiteral()) {
      String value = stripQuotes(right.getExpression());
      if (value == null) {
        return;
      }
      String field = left.getExpression().strip();
      if (field.equals("sign") && (type.equals("Observation"))) {
        if (vocabulary.findSign(value).isEmpty()) {
          report(line, rule, "sign \"" + value + "\" is not defined in " + Vocabulary.FILE
              + Spelling.didYouMean(value,
                  vocabulary.signs().stream().map(org.spinefoot.Sign::key).toList()));
        }
      } else if (field.equals("site") && SITE_TYPES.contains(type)) {
        String section = type.equals("LocatedSymptom") ? null
            : type.toLowerCase(java.util.Locale.ROOT);
        if (vocabulary.findSite(value).isEmpty()) {
          report(line, rule, "site \"" + value + "\" is not defined in " + Vocabulary.FILE
              + Spelling.didYouMean(value,
                  vocabulary.sites().stream().map(org.spinefoot.Site::key).toList()));
        } else if (section != null && vocabulary.entry(section + "." + value).isEmpty()) {
          report(line, rule, section + " is not recorded at \"" + value + "\": "
              + Vocabulary.FILE + " has no question " + section + "." + value);
        }
      } else if (field.equals("path") && vocabulary.entry(value).isEmpty()) {
        report(line, rule, "question \"" + value + "\" is not defined in " + Vocabulary.FILE
            + Spelling.didYouMean(value,
                vocabulary.entries().stream().map(Vocabulary.Entry::path).toList()));
      }
    }
  }

  private static String stripQuotes(String literal) {
    String s = literal.strip();
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"")
        || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return null;
  }

  private void report(int line, RuleDescr rule, String message) {
    problems.add(new RuleBaseException.Problem(file, line,
        "rule \"" + rule.getName() + "\": " + message));
  }
}
