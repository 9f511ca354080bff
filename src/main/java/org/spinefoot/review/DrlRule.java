package org.spinefoot.review;

import java.util.List;
import java.util.Optional;

/**
 * One rule as written in a DRL file, read from the text itself rather than from the compiled
 * knowledge base, so that lint can check the rules of a rule base that does not load.
 *
 * @param file the rule file, relative to the rules root, e.g. {@code redflags/red-flags.drl}
 * @param line the line of {@code rule "name"}
 * @param name the rule's name
 * @param annotations its metadata ({@code @id}, {@code @inventory}, ...) in the order written
 * @param when the condition part, comments removed ("" when the rule has none)
 * @param whenLine the line of {@code when} (the rule's line when it has none)
 * @param then the action part, comments removed
 * @param thenLine the line of {@code then}
 * @param text the rule's text from {@code rule} to {@code end}, as written
 * @param descr the rule as Drools' parser read it; null when its file does not parse (the rule
 *     was found by its keywords, and loading the rules reports why the file does not parse)
 */
public record DrlRule(
    String file,
    int line,
    String name,
    List<Annotation> annotations,
    String when,
    int whenLine,
    String then,
    int thenLine,
    String text,
    org.drools.drl.ast.descr.RuleDescr descr) {

  public DrlRule {
    annotations = List.copyOf(annotations);
  }

  /** One {@code @key(value)} annotation; the value without the quotes of a string literal. */
  public record Annotation(String key, String value, int line) {}

  /** The first annotation with this key. */
  public Optional<Annotation> annotation(String key) {
    return annotations.stream().filter(a -> a.key().equals(key)).findFirst();
  }

  /** Every annotation with this key (more than one is a mistake lint reports). */
  public List<Annotation> annotations(String key) {
    return annotations.stream().filter(a -> a.key().equals(key)).toList();
  }

  /** The value of the first annotation with this key, or null. */
  public String value(String key) {
    return annotation(key).map(Annotation::value).orElse(null);
  }

  /** The rule's {@code @id}, or its name when it has none: how lint messages name it. */
  public String label() {
    String id = value("id");
    return id == null || id.isBlank() ? "\"" + name + "\"" : id;
  }

  /** The line of a position in {@link #when()}. */
  public int lineInWhen(int offset) {
    return whenLine + newlines(when, offset);
  }

  /** The line of a position in {@link #then()}. */
  public int lineInThen(int offset) {
    return thenLine + newlines(then, offset);
  }

  private static int newlines(String s, int offset) {
    return (int) s.substring(0, Math.min(offset, s.length())).chars().filter(c -> c == '\n').count();
  }

  /** {@code file:line}, for messages. */
  public String location() {
    return file + ":" + line;
  }
}
