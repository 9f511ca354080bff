package org.spinefoot.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.spinefoot.TestAssessor;

/**
 * Runs every regression case in {@code test-cases/} as its own test, named after its file, against
 * the rules packaged on the classpath.
 */
class CaseFilesTest {
  static final Path CASES = Path.of("test-cases");

  @TestFactory
  Stream<DynamicTest> everyCaseFile() {
    CaseRunner runner = new CaseRunner(TestAssessor.shipped());
    List<Path> files = CaseRunner.findCases(CASES);
    assertThat(files).as("case files in %s", CASES).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(CaseRunner.nameOf(file),
        file.toUri(), () -> {
          CaseResult result = runner.run(file);
          assertThat(result.failures())
              .withFailMessage(() -> file + " failed:\n" + String.join("\n", result.failures()))
              .isEmpty();
        }));
  }
}
