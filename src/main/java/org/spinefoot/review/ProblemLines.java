package org.spinefoot.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.spinefoot.RuleBaseException;

/**
 * Finds the line of a load problem the rule compiler reports without one: some errors (an
 * unknown constant in a condition, for example) come with line -1 but quote the expression, and
 * the expression's place in the file is the line a reviewer needs.
 */
final class ProblemLines {
  private static final Pattern QUOTED_EXPRESSION = Pattern.compile(
      "Unable to Analyse Expression (.+?):\\s*(?:\\n|$)|Near : \\{\\.\\.\\. (.+?) \\.\\.\\.\\.\\}");

  private ProblemLines() {}

  /** The problems, each without a line given the line of the expression it quotes, if found. */
  static List<RuleBaseException.Problem> located(List<RuleBaseException.Problem> problems,
      Path rulesDir) {
    List<RuleBaseException.Problem> out = new ArrayList<>();
    for (RuleBaseException.Problem p : problems) {
      int line = p.line() > 0 || p.file() == null ? p.line() : find(p, rulesDir.resolve(p.file()));
      out.add(line == p.line() ? p : new RuleBaseException.Problem(p.file(), line, p.message()));
    }
    return out;
  }

  private static int find(RuleBaseException.Problem p, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return p.line();
    }
    Matcher quoted = QUOTED_EXPRESSION.matcher(p.message());
    while (quoted.find()) {
      String expression = (quoted.group(1) != null ? quoted.group(1) : quoted.group(2)).strip();
      // Whitespace in the file may differ from the compiler's quote of it.
      String pattern = Arrays.stream(expression.split("\\s+")).map(Pattern::quote)
          .collect(Collectors.joining("\\s*"));
      Matcher at = Pattern.compile(pattern).matcher(DrlReader.blankComments(text));
      if (!expression.isEmpty() && at.find()) {
        return (int) text.substring(0, at.start()).chars().filter(c -> c == '\n').count() + 1;
      }
    }
    return p.line();
  }
}
