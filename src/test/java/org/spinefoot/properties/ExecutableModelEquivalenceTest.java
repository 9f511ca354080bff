package org.spinefoot.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.cases.CaseResult;
import org.spinefoot.cases.CaseRunner;

/**
 * The shipped knowledge loaded both ways gives the same: the executable model compiled at build
 * time ({@link Assessor#fromClasspath()}) and the DRL of {@code rules/} compiled at start
 * ({@link Assessor#fromDirectory}). Compares the two loaders with each other, on every case in
 * {@code test-cases/} (each step too) and on generated records; it pins nothing of the
 * knowledge itself.
 */
class ExecutableModelEquivalenceTest {
  // Loaded once for the class, for JUnit's tests and jqwik's properties alike.
  private static final Assessor packaged = Assessor.fromClasspath();
  private static final Assessor drl = Assessor.fromDirectory(Path.of("rules"));

  @Provide
  Arbitrary<Patient> records() {
    return GeneratedRecords.records();
  }

  @Test
  void theRulesAndTheirMetadataAreTheSame() {
    assertThat(packaged.rules()).isNotEmpty().isEqualTo(drl.rules());
    assertThat(packaged.inventory()).isEqualTo(drl.inventory());
    assertThat(packaged.redFlagQuestions()).isEqualTo(drl.redFlagQuestions());
  }

  @Test
  void everyCaseGivesTheSameAssessments() {
    CaseRunner fromModel = new CaseRunner(packaged);
    CaseRunner fromDrl = new CaseRunner(drl);
    List<Path> files = CaseRunner.findCases(Path.of("test-cases"));
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      CaseResult a = fromModel.run(file);
      CaseResult b = fromDrl.run(file);
      assertThat(a.assessments()).as("%s", file).isNotEmpty().isEqualTo(b.assessments());
      assertThat(a.failures()).as("%s", file).isEqualTo(b.failures());
      // The order rules fire in may differ (both are valid agendas); what they conclude may not.
      Patient patient = fromModel.initialPatient(file);
      assertThat(packaged.explain(patient).assessment()).as("explained %s", file)
          .isEqualTo(drl.explain(patient).assessment());
    }
  }

  @Property(seed = Search.SEED)
  void generatedRecordsGetTheSameAssessment(@ForAll("records") Patient record) {
    assertThat(packaged.assess(record)).isEqualTo(drl.assess(record));
  }

  @Property(seed = Search.SEED, tries = 200)
  void generatedRecordsGetTheSameNextQuestions(@ForAll("records") Patient record) {
    assertThat(packaged.askNext(record)).isEqualTo(drl.askNext(record));
  }
}
