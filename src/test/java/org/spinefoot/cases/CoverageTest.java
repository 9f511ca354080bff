package org.spinefoot.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spinefoot.Assessor;
import org.spinefoot.TestAssessor;

/**
 * The regression cases must cover the knowledge base: every rule fires in a case and is the
 * near-miss of another, and every inventory item is encoded and has both kinds of case.
 */
class CoverageTest {
  @Test
  void everyRuleAndInventoryItemIsCoveredBothWays() {
    Assessor assessor = TestAssessor.shipped();
    CaseRunner runner = new CaseRunner(assessor);
    List<CaseResult> results = runner.runAll(CaseFilesTest.CASES);
    Coverage coverage = Coverage.of(assessor, results);
    assertThat(coverage.gaps()).as(coverage.report()).isEmpty();
  }
}
