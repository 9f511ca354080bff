package org.spinefoot.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spinefoot.vocabulary.RuleVocabulary;

/**
 * The rule compiler's messages in a reviewer's words: which word is wrong and what it could be,
 * without the compiler's internals (Java class names, parser error codes, expression dumps).
 */
public final class ReviewerWords {
  private static final String FACTS = "org.spinefoot.engine.facts.";
  private static final String API = "org.spinefoot.";
  private static final Pattern STRICT_MODE = Pattern.compile(
      "unable to resolve method using strict-mode: org\\.spinefoot\\.(?:engine\\.facts\\.)?(\\w+)\\.(\\w+)\\(\\)");
  private static final Pattern PARSER = Pattern.compile(
      "\\[ERR \\d+] Line (\\d+):(\\d+) (mismatched input|extraneous input|no viable alternative at input|missing \\S+ at) '([^']*)'(.*)",
      Pattern.DOTALL);
  private static final Pattern UNKNOWN_TYPE = Pattern.compile(
      "Unable to resolve ObjectType '([\\w.]+)'");
  /** A compiler message that only says that an error reported beside it stopped the file. */
  public static final String NULL_PACKAGE = "Parser returned a null Package";

  private ReviewerWords() {}

  /** The message in the reviewer's words; the message itself when it is already plain. */
  public static String compilerMessage(String message) {
    String m = message.strip();
    Matcher strict = STRICT_MODE.matcher(m);
    if (strict.find()) {
      return unknownMember(strict.group(1), strict.group(2));
    }
    Matcher parser = PARSER.matcher(m);
    if (parser.lookingAt()) {
      String word = parser.group(4);
      String where = "line " + parser.group(1) + ", column " + (Integer.parseInt(parser.group(2)) + 1);
      String rest = parser.group(5).strip();
      String inRule = rest.startsWith("in rule") ? " (" + rest.replaceAll("\\s+", " ") + ")" : "";
      if ("then".equals(word) || "end".equals(word)) {
        return "the rule cannot be read at '" + word + "' (" + where + "): a condition above it "
            + "is not complete; check that every '(' is closed and that conditions are separated "
            + "by ','" + inRule;
      }
      return "the rule cannot be read at '" + word + "' (" + where + "): check the spelling and "
          + "the brackets around it" + inRule;
    }
    Matcher type = UNKNOWN_TYPE.matcher(m);
    if (type.find()) {
      String name = type.group(1).substring(type.group(1).lastIndexOf('.') + 1);
      return "there is no fact type '" + name + "'"
          + Spelling.didYouMean(name, RuleVocabulary.factTypeNames())
          + " (fact types: docs/rule-vocabulary.md)";
    }
    return m.replace(FACTS, "").replace(API, "");
  }

  /** {@code Site.HANDS}: an enum constant or a field that does not exist, with the near ones. */
  public static String unknownMember(String type, String member) {
    Class<?> cls = RuleVocabulary.enums().stream()
        .filter(c -> c.getSimpleName().equals(type))
        .findFirst()
        .orElse(null);
    if (cls == null) {
      try {
        cls = Class.forName(FACTS + type);
      } catch (ClassNotFoundException e) {
        return type + "." + member + " does not exist";
      }
    }
    List<String> valid = new ArrayList<>();
    if (cls.isEnum()) {
      Arrays.stream(cls.getEnumConstants()).forEach(c -> valid.add(((Enum<?>) c).name()));
    } else {
      valid.addAll(RuleVocabulary.fieldsOf(cls));
    }
    List<String> near = Spelling.closest(member, valid).stream().map(v -> type + "." + v).toList();
    return type + "." + member + " does not exist; "
        + (near.isEmpty() ? "" : "did you mean " + String.join(" or ", near) + "? ")
        + "allowed: " + String.join(", ", valid);
  }
}
