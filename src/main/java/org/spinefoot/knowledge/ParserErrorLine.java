package org.spinefoot.knowledge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.drools.drl.parser.antlr4.DRL10Lexer;

/**
 * The line a reviewer must fix for a DRL syntax error. Drools' parser reports the token where it
 * gave up, and when something is missing at the end of a line (a closing bracket, a comma's
 * condition, a rule's {@code end}) that token is the first of the next line or further on: the
 * error read one line (or a rule) after the mistake. The file is read again with Drools' own
 * lexer to find the mistake's line; the parser's position stays in the message.
 */
public final class ParserErrorLine {
  /**
   * Where the mistake is.
   *
   * @param line the line to fix
   * @param hint what is missing there, or empty when the parser's line stands
   */
  record Located(int line, String hint) {}

  private ParserErrorLine() {}

  /**
   * @param text the DRL file's text
   * @param line the parser's line, from 1
   * @param column the parser's column, from 0
   */
  static Located of(String text, int line, int column) {
    Located asReported = new Located(line, "");
    if (text == null || line <= 0) {
      return asReported;
    }
    List<? extends Token> tokens;
    try {
      tokens = new DRL10Lexer(CharStreams.fromString(text)).getAllTokens().stream()
          .filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL).toList();
    } catch (RuntimeException e) {
      return asReported; // the lexer failed too: nothing better to say than the parser
    }
    int at = 0;
    while (at < tokens.size() && (tokens.get(at).getLine() < line
        || tokens.get(at).getLine() == line && tokens.get(at).getCharPositionInLine() < column)) {
      at++;
    }
    Located missingEnd = missingEnd(tokens, at);
    if (missingEnd != null) {
      return missingEnd;
    }
    boolean firstOnItsLine = at > 0 && tokens.get(at - 1).getLine() < line;
    if (!firstOnItsLine) {
      return asReported; // the token itself is what is wrong
    }
    Deque<Token> open = new ArrayDeque<>();
    for (Token t : tokens.subList(0, at)) {
      if (t.getType() == DRL10Lexer.LPAREN) {
        open.push(t);
      } else if (t.getType() == DRL10Lexer.RPAREN && !open.isEmpty()) {
        open.pop();
      }
    }
    if (!open.isEmpty()) {
      return new Located(open.peek().getLine(),
          "the '(' on line " + open.peek().getLine() + " is not closed");
    }
    if (tokens.get(at - 1).getType() == DRL10Lexer.COMMA) {
      return new Located(tokens.get(at - 1).getLine(),
          "line " + tokens.get(at - 1).getLine() + " ends with ',' and no condition follows");
    }
    return asReported;
  }

  /**
   * A rule without its {@code end} swallows the next rule into its action, and the parser fails
   * somewhere inside that: the mistake is where the action should have ended, before the next
   * {@code rule} at the start of a line.
   */
  private static Located missingEnd(List<? extends Token> tokens, int at) {
    for (int i = Math.min(at, tokens.size() - 1); i > 0; i--) {
      Token t = tokens.get(i);
      if (t.getType() == DRL10Lexer.DRL_THEN || t.getType() == DRL10Lexer.DRL_RHS_END) {
        return null; // the error is not in an action that runs on into another rule
      }
      if (t.getType() == DRL10Lexer.RHS_CHUNK && t.getText().equals("rule")
          && tokens.get(i - 1).getLine() < t.getLine()) {
        int last = tokens.get(i - 1).getLine();
        return new Located(last, "'end' is missing after line " + last + ": the next rule "
            + "starts on line " + t.getLine());
      }
    }
    return null;
  }
}
