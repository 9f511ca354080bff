package org.spinefoot;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The knowledge base could not be loaded: a rule file does not compile, a rule lacks its
 * provenance metadata, or a rule fails when first evaluated. Lists every problem with file and
 * line. When this is thrown nothing was loaded: there is never a half-loaded knowledge base.
 */
public final class RuleBaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * One problem, at a file and line.
   *
   * @param file the rule file relative to the rules root (or another knowledge file); null when
   *     the problem is not in one file
   * @param line the line, from 1; 0 when it is not known
   * @param message what is wrong
   */
  public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
      return (file == null ? "rules" : file) + (line > 0 ? ":" + line : "") + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  /**
   * A knowledge base that could not be loaded. The message is the summary followed by every
   * problem, one a line.
   *
   * @param summary what failed, e.g. "the rule files do not compile"
   * @param problems every problem found, in file order
   * @param cause the underlying exception, or null
   */
  public RuleBaseException(String summary, List<Problem> problems, Throwable cause) {
    super(summary + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")),
        cause);
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem found, in file order.
   *
   * @return an unmodifiable list, not empty in practice (null after Java deserialization: the
   *     list is not serialized)
   */
  public List<Problem> problems() {
    return problems;
  }
}
