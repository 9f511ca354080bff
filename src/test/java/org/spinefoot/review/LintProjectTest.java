package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The project's own rule base passes lint, so a broken rule base cannot land. */
class LintProjectTest {
  @Test
  void theProjectRulesAndCasesPassLint() {
    Lint.Result result = Lint.run(Path.of("rules"), Path.of("test-cases"));
    assertThat(result.errors()).as(result.report()).isEmpty();
    assertThat(result.rules()).isPositive();
    assertThat(result.cases()).isPositive();
  }
}
