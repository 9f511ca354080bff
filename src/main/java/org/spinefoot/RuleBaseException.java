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

  /** One problem, at a file and line (0 when the line is not known). */
  public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
      return (file == null ? "rules" : file) + (line > 0 ? ":" + line : "") + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  public RuleBaseException(String summary, List<Problem> problems, Throwable cause) {
    super(summary + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")),
        cause);
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<Problem> problems() {
    return problems;
  }
}
