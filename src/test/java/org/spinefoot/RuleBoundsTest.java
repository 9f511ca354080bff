package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a rule that never returns, overflows the stack, exhausts memory or loops fails one
 * assessment, named, and the assessor goes on with the next patient.
 */
@Timeout(120)
class RuleBoundsTest {
  private static final Duration BUDGET = Duration.ofMillis(700);

  @TempDir Path dir;

  private Assessor load(String drl) {
    return load(drl, Assessor.DEFAULT_MAX_FIRINGS);
  }

  private Assessor load(String drl, int maxFirings) {
    return Assessor.fromDirectory(RuleDirs.withDispositionAnd(dir.resolve("rules"), "probe.drl",
        drl), maxFirings, BUDGET);
  }

  private static Patient lasting(int days) {
    return new Patient("p" + days, null, 40, days, Map.of(), Map.of(), Map.of());
  }

  private static void assertGoesOn(Assessor assessor) {
    assertThat(assessor.assess(lasting(10)).disposition()).isInstanceOf(Urgency.class);
  }

  private static AssessmentException failure(Assessor assessor) {
    long started = System.nanoTime();
    AssessmentException e = catchThrowableOfType(AssessmentException.class,
        () -> assessor.assess(lasting(36499)));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(e).isNotNull();
    return e;
  }

  @Test
  void anActionThatNeverReturnsIsStoppedAndNamed() {
    Assessor assessor = load(MisbehavingRules.actionSpins(36499));
    AssessmentException e = failure(assessor);
    assertThat(e.ruleName()).isEqualTo("Probe: spins for ever");
    assertThat(e.getMessage()).contains("did not finish within 700 ms");
    assertGoesOn(assessor);
    assertThat(failure(assessor).ruleName()).isEqualTo("Probe: spins for ever");
  }

  @Test
  void aConditionThatNeverReturnsIsStoppedAndNamed() {
    Assessor assessor = load(MisbehavingRules.conditionSpins(36499));
    AssessmentException e = failure(assessor);
    assertThat(e.getMessage()).contains("did not finish within");
    assertThat(e.ruleName()).isEqualTo("Probe: condition spins for ever");
    assertGoesOn(assessor);
  }

  @Test
  void aStackOverflowInAnActionIsARuleNamedFailure() {
    Assessor assessor = load("""
        function int deeper(int n) { return deeper(n + 1) + 1; }

        rule "Probe: recurses without end"
            @id("probe-deep") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            SymptomDuration( days == 36499 )
        then
            deeper(0);
        end
        """);
    AssessmentException e = failure(assessor);
    assertThat(e.ruleName()).isEqualTo("Probe: recurses without end");
    assertThat(e.getMessage()).contains("StackOverflowError");
    assertGoesOn(assessor);
  }

  @Test
  void runningOutOfMemoryInAnActionIsARuleNamedFailure() {
    Assessor assessor = load("""
        rule "Probe: asks for all the memory"
            @id("probe-oom") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            SymptomDuration( days == 36499 )
        then
            long[] all = new long[Integer.MAX_VALUE - 16];
            System.err.println(all.length);
        end
        """);
    AssessmentException e = failure(assessor);
    assertThat(e.ruleName()).isEqualTo("Probe: asks for all the memory");
    assertThat(e.getMessage()).contains("OutOfMemoryError");
    assertGoesOn(assessor);
  }

  @Test
  void aLoopNamesTheRulesInTheCycleAndNotTheOnesThatStartedIt() {
    Assessor assessor = load(MisbehavingRules.pingPong(36499), 500);
    AssessmentException e = failure(assessor);
    assertThat(e.getMessage()).contains("loops")
        .contains("Probe: ping answers pong").contains("Probe: pong answers ping")
        .doesNotContain("starts the rally");
    assertGoesOn(assessor);
  }

  @Test
  void aRuleThatHangsOnEveryPatientFailsLoadingNamedInsteadOfHanging() {
    long started = System.nanoTime();
    RuleBaseException e = catchThrowableOfType(RuleBaseException.class, () -> load("""
        rule "Probe: always spins"
            @id("probe-always") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            Age()
        then
            long n = 0;
            while (n >= 0) { n = (n + 1) % 1000; }
        end
        """));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("Probe: always spins").contains("did not finish");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
  }
}
