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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.drools.drl.parser.antlr4.DRL10Lexer;

/**
 * Reads rules from DRL text without compiling it: names, metadata, condition and action parts,
 * each with its line. Tolerant of what the compiler would reject, so that every rule of a broken
 * file is still checked.
 */
public final class DrlReader {
  private static final Pattern RULE_START = Pattern.compile("(?m)^[ \\t]*rule[ \\t]+([\"'])");
  private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end[ \\t]*$");

  private DrlReader() {}

  /** The {@code .drl} files under a rules root, by path relative to it, in path order. */
  public static Map<String, String> readFiles(Path root) {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(x -> x.toString().endsWith(".drl")).sorted().toList()) {
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
          continue; // loading the rules reports such a file by name
        }
        files.put(root.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules under " + root, e);
    }
    return files;
  }

  /** Every rule of one file, in the order written. */
  public static List<DrlRule> parse(String file, String text) {
    org.drools.drl.ast.descr.PackageDescr pkg = DrlDescrs.parse(text);
    if (pkg == null) {
      return scan(file, text); // a broken file: its rules are still checked
    }
    // Where each rule starts and ends comes from Drools' parser, so nothing in a comment, a
    // string or a name can be taken for a rule or its end.
    String code = blankComments(text);
    String skeleton = blankStrings(code);
    Lines lines = new Lines(text);
    List<Token> tokens = tokens(text);
    List<DrlRule> rules = new ArrayList<>();
    for (org.drools.drl.ast.descr.RuleDescr r : pkg.getRules()) {
      int ruleStart = r.getStartCharacter();
      int stop = Math.min(r.getEndCharacter(), text.length()); // just after "end"
      int nameStart = ruleStart + 4;
      while (nameStart < stop && skeleton.charAt(nameStart) != '"'
          && skeleton.charAt(nameStart) != '\'') {
        nameStart++;
      }
      int nameEnd = skeleton.indexOf(skeleton.charAt(nameStart), nameStart + 1);
      int bodyEnd = stop - 3;
      int lineStart = lines.startOfLine(lines.lineOf(bodyEnd));
      if (skeleton.substring(lineStart, bodyEnd).isBlank()) {
        bodyEnd = lineStart;
      }
      int after = stop;
      while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
        after++;
      }
      after = after < text.length() && text.charAt(after) == '\n' ? after + 1 : after;
      rules.add(rule(file, text, code, tokens, lines, ruleStart, nameStart + 1, nameEnd,
          bodyEnd, after, r));
    }
    return rules;
  }

  // The rules of a file Drools' parser rejects, found by their keywords.
  private static List<DrlRule> scan(String file, String text) {
    String code = blankComments(text);
    String skeleton = blankStrings(code);
    Lines lines = new Lines(text);
    List<Token> tokens = tokens(text);
    List<DrlRule> rules = new ArrayList<>();
    Matcher start = RULE_START.matcher(skeleton);
    int from = 0;
    while (from < skeleton.length() && start.find(from)) {
      int nameStart = start.end();
      int nameEnd = skeleton.indexOf(start.group(1), nameStart);
      if (nameEnd < 0) {
        break;
      }
      Matcher end = END.matcher(skeleton);
      int bodyEnd = skeleton.length();
      int after = skeleton.length();
      if (end.find(nameEnd)) {
        bodyEnd = end.start();
        after = end.end() < text.length() && text.charAt(end.end()) == '\n' ? end.end() + 1 : end.end();
      }
      rules.add(rule(file, text, code, tokens, lines, start.start(), nameStart, nameEnd,
          bodyEnd, after, null));
      from = after;
    }
    return rules;
  }

  /** A token of Drools' DRL lexer, at Java char positions of the file's text. */
  private record Token(int type, String text, int start, int end) {}

  // Drools' own lexer places when, then and the annotations: a keyword or an @ in a comment, a
  // string or a name is not a token of that type.
  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    try {
      DRL10Lexer lexer = new DRL10Lexer(CharStreams.fromString(text));
      lexer.removeErrorListeners(); // a broken file: loading the rules reports it
      int[] charAt = text.codePoints().map(Character::charCount).toArray();
      int[] offset = new int[charAt.length + 1];
      for (int i = 0; i < charAt.length; i++) {
        offset[i + 1] = offset[i] + charAt[i];
      }
      for (org.antlr.v4.runtime.Token t : lexer.getAllTokens()) {
        if (t.getChannel() == org.antlr.v4.runtime.Token.DEFAULT_CHANNEL && t.getStartIndex() >= 0
            && t.getStopIndex() < charAt.length) {
          out.add(new Token(t.getType(), t.getText(), offset[t.getStartIndex()],
              offset[t.getStopIndex() + 1]));
        }
      }
    } catch (RuntimeException lexerFailed) {
      return List.of(); // the rule is read without its parts; loading reports the file
    }
    return out;
  }

  // Tokens are in file order: the rule's own are found by binary search, not by a scan of the
  // whole file's for every rule.
  private static List<Token> within(List<Token> tokens, int from, int to) {
    return tokens.subList(firstAtOrAfter(tokens, from), firstAtOrAfter(tokens, to));
  }

  private static int firstAtOrAfter(List<Token> tokens, int position) {
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).start() < position) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static Token first(List<Token> tokens, int type) {
    return tokens.stream().filter(t -> t.type() == type).findFirst().orElse(null);
  }

  private static DrlRule rule(String file, String text, String code, List<Token> tokens,
      Lines lines, int ruleStart, int nameStart, int nameEnd, int bodyEnd, int after,
      org.drools.drl.ast.descr.RuleDescr descr) {
    String name = code.substring(nameStart, nameEnd);
    List<Token> body = within(tokens, nameEnd + 1, bodyEnd);
    Token when = first(body, DRL10Lexer.DRL_WHEN);
    Token then = first(body, DRL10Lexer.DRL_THEN);
    int thenStart = then == null ? bodyEnd : then.start();
    int thenEnd = then == null ? bodyEnd : then.end();
    boolean hasWhen = when != null && when.start() < thenStart;
    int headerEnd = hasWhen ? when.start() : thenStart;
    List<DrlRule.Annotation> annotations =
        annotations(code, within(body, nameEnd + 1, headerEnd), headerEnd, lines);
    String whenPart = hasWhen ? code.substring(when.end(), thenStart) : "";
    int ruleLine = lines.lineOf(ruleStart);
    return new DrlRule(file, ruleLine, name, annotations, whenPart,
        hasWhen ? lines.lineOf(when.start()) : ruleLine, code.substring(thenEnd, bodyEnd),
        lines.lineOf(Math.min(thenStart, Math.max(0, code.length() - 1))),
        text.substring(lines.startOfLine(ruleLine), Math.min(text.length(), after)), descr);
  }

  // @key( value ): the value runs to the parenthesis that closes the one after the key.
  private static List<DrlRule.Annotation> annotations(
      String code, List<Token> header, int to, Lines lines) {
    List<DrlRule.Annotation> out = new ArrayList<>();
    for (int i = 0; i + 2 < header.size(); i++) {
      Token at = header.get(i);
      Token key = header.get(i + 1);
      Token open = header.get(i + 2);
      if (at.type() != DRL10Lexer.AT || open.type() != DRL10Lexer.LPAREN
          || key.text().isEmpty() || !Character.isJavaIdentifierStart(key.text().charAt(0))) {
        continue;
      }
      int close = to;
      int depth = 0;
      for (int j = i + 2; j < header.size(); j++) {
        int type = header.get(j).type();
        depth += type == DRL10Lexer.LPAREN ? 1 : type == DRL10Lexer.RPAREN ? -1 : 0;
        if (depth == 0) {
          close = header.get(j).start();
          i = j;
          break;
        }
      }
      String raw = code.substring(open.end(), close).strip();
      out.add(new DrlRule.Annotation(key.text(), unquote(raw), lines.lineOf(at.start())));
      if (close == to) {
        break;
      }
    }
    return out;
  }

  private static String unquote(String raw) {
    // Several strings, @source("a", "b"): one value with the documented separator between.
    List<String> literals = org.spinefoot.engine.facts.RuleMetadata.literals(raw);
    if (raw.startsWith("\"") && literals.size() > 1) {
      return String.join("; ", literals.stream().map(String::strip).toList());
    }
    if (raw.length() >= 2 && (raw.startsWith("\"") && raw.endsWith("\"")
        || raw.startsWith("'") && raw.endsWith("'"))) {
      return raw.substring(1, raw.length() - 1).replace("\\\"", "\"").strip();
    }
    return raw;
  }

  /** The index of the parenthesis that closes the one at {@code open}, or -1. */
  static int closingParen(String skeleton, int open) {
    int depth = 0;
    for (int i = open; i < skeleton.length(); i++) {
      char c = skeleton.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The text with comments replaced by spaces (line breaks kept), so positions do not move. */
  static String blankComments(String text) {
    StringBuilder out = new StringBuilder(text);
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfString(text, i) + 1;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n') {
          out.setCharAt(i++, ' ');
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        int stop = close < 0 ? n : close + 2;
        for (; i < stop; i++) {
          if (text.charAt(i) != '\n') {
            out.setCharAt(i, ' ');
          }
        }
      } else {
        i++;
      }
    }
    return out.toString();
  }

  /** The code with the contents of string literals replaced by spaces (quotes kept). */
  static String blankStrings(String code) {
    StringBuilder out = new StringBuilder(code);
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c == '"' || c == '\'') {
        int close = endOfString(code, i);
        for (int j = i + 1; j < close && j < code.length(); j++) {
          if (code.charAt(j) != '\n') {
            out.setCharAt(j, ' ');
          }
        }
        i = close + 1;
      } else {
        i++;
      }
    }
    return out.toString();
  }

  // The index of the quote that closes the literal opened at {@code open}; a literal never spans
  // lines, so an unclosed one ends at the line's end.
  private static int endOfString(String s, int open) {
    char quote = s.charAt(open);
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i;
      }
    }
    return s.length();
  }

  /** Line numbers of character positions. */
  static final class Lines {
    private final int[] starts;

    Lines(String text) {
      List<Integer> s = new ArrayList<>();
      s.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          s.add(i + 1);
        }
      }
      starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineOf(int position) {
      int lo = 0;
      int hi = starts.length - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= position) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo + 1;
    }

    int startOfLine(int line) {
      return starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
    }
  }
}
