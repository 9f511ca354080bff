package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipped cases notice enough changes to the shipped rules: the mutation score stays at or
 * above the floor the build sets ({@code spinefoot.mutation.floor} in the {@code mutation}
 * profile, which CI runs). About six minutes on two cores, so it is not part of a plain
 * {@code mvn verify}.
 */
@Tag("mutation")
class MutationScoreTest {
  @Test
  void theCasesKillEnoughMutantsOfTheShippedRules() {
    double floor = Double.parseDouble(System.getProperty("spinefoot.mutation.floor", "0"));
    Mutation.Report report = Mutation.run(Path.of("rules"), Path.of("test-cases"),
        Runtime.getRuntime().availableProcessors(), o -> { });
    System.out.print(report.toText());
    assertThat(report.mutants()).isPositive();
    assertThat(report.score()).as(report.toText()).isGreaterThanOrEqualTo(floor);
  }
}
