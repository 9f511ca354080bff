package org.spinefoot.cases;

import java.nio.file.Path;
import java.util.List;
import org.spinefoot.Assessment;

/**
 * The outcome of running one test case.
 *
 * @param name the case's name: its file name without the extension
 * @param file the case file
 * @param testCase the parsed case, or null when the file is not a valid case
 * @param assessments the assessment after each step (the first is the initial record)
 * @param failures what did not hold, or why the case is invalid; empty when it passed
 * @param millis how long the case took
 */
public record CaseResult(
    String name,
    Path file,
    TestCase testCase,
    List<Assessment> assessments,
    List<String> failures,
    long millis) {
  public CaseResult {
    assessments = List.copyOf(assessments);
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }
}
