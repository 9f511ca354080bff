package org.spinefoot.review;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/** DRL read with Drools' own parser, as the reviewer tools read it. */
final class DrlDescrs {
  private DrlDescrs() {}

  /**
   * The file's package as Drools' parser reads it; null when the text does not parse. The
   * tools then skip the file: loading the rules reports why, with file and line.
   */
  static PackageDescr parse(String text) {
    return org.spinefoot.vocabulary.VocabularyUse.parse(text);
  }

  /** The value of a rule's metadata ({@code @urgency("URGENT")}), or null without it. */
  static String annotation(RuleDescr rule, String name) {
    AnnotationDescr a = rule.getAnnotation(name);
    if (a == null) {
      return null;
    }
    Object v = a.getSingleValueStripped();
    return v == null ? null : v.toString().strip();
  }
}
