package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken rule base fails to load as a whole, naming every problem with file and line. */
class AssessorLoadingTest {
  @TempDir Path dir;

  @Test
  void packagedRulesLoadAndEveryRuleCarriesItsProvenance() {
    Assessor assessor = TestAssessor.get();
    assertThat(assessor.rules()).isNotEmpty();
    assertThat(assessor.rules()).allSatisfy(r -> {
      assertThat(r.id()).isNotBlank();
      assertThat(r.inventory()).isNotEmpty();
      assertThat(r.urgency()).isIn("EMERGENCY", "URGENT", "SOON", "SELF_CARE", "NONE");
      assertThat(r.sources()).isNotEmpty();
      assertThat(r.file()).endsWith(".drl");
      assertThat(r.line()).isPositive();
      assertThat(r.name()).contains(": ");
    });
  }

  @Test
  void everyInventoryItemIsEncodedByARule() {
    Assessor assessor = TestAssessor.get();
    assertThat(assessor.inventory()).hasSize(53);
    for (InventoryItem item : assessor.inventory()) {
      assertThat(assessor.rules()).as("rules encoding %s", item.id())
          .anyMatch(r -> r.inventory().contains(item.id()));
    }
  }

  @Test
  void syntaxErrorIsReportedWithFileAndLine() {
    RuleDirs.withRules(dir, "broken.drl", """
        rule "Probe: a broken rule"
            @id("probe-broken") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            Observation( sign == Sign.FEVER, present
        then
        end
        """);
    RuleBaseException e = catchThrowableOfType(RuleBaseException.class,
        () -> Assessor.fromDirectory(dir));
    assertThat(e.problems()).isNotEmpty();
    assertThat(e.problems().get(0).file()).isEqualTo("probe/broken.drl");
    assertThat(e.problems().get(0).line()).isBetween(8, 11);
    assertThat(e.getMessage()).contains("probe/broken.drl:");
  }

  @Test
  void missingMetadataUnknownInventoryAndDuplicateIdsAreAllListed() {
    RuleDirs.withRules(dir, "meta.drl", """
        rule "Probe: no source"
            @id("probe-a") @inventory("RF-01") @urgency("NONE")
        when Observation( sign == Sign.FEVER, present ) then end

        rule "Probe: unknown inventory item"
            @id("probe-b") @inventory("RF-99") @urgency("NONE") @source("x#y")
        when Observation( sign == Sign.FEVER, present ) then end

        rule "Probe: duplicate id"
            @id("probe-a") @inventory("RF-01") @urgency("SOONISH") @source("x#y")
        when Observation( sign == Sign.FEVER, present ) then end
        """);
    RuleBaseException e = catchThrowableOfType(RuleBaseException.class,
        () -> Assessor.fromDirectory(dir));
    assertThat(e.getMessage())
        .contains("probe/meta.drl:5: rule \"Probe: no source\": missing @source")
        .contains("'RF-99' is not in the knowledge index")
        .contains("@id(probe-a) is already used")
        .contains("@urgency(SOONISH) is unknown");
  }

  @Test
  void typeErrorThatOnlyShowsWhenEvaluatedFailsTheLoad() {
    RuleDirs.withDispositionAnd(dir, "types.drl", """
        rule "Probe: an age compared with text"
            @id("probe-age-text") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            Age( years == "old" )
        then
        end
        """);
    assertThatThrownBy(() -> Assessor.fromDirectory(dir))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("Probe: an age compared with text");
  }

  @Test
  void findingWhoseUrgencyDiffersFromTheMetadataFailsTheLoad() {
    RuleDirs.withDispositionAnd(dir, "urgency.drl", """
        rule "Probe: says SOON, concludes EMERGENCY"
            @id("probe-urgency") @inventory("RF-04") @urgency("SOON") @source("x#y")
        when
            Observation( sign == Sign.BLADDER_OR_BOWEL_CONTROL_LOST, present )
        then
            insertLogical(new Finding(kcontext, Urgency.EMERGENCY, "x", "X"));
        end
        """);
    assertThatThrownBy(() -> Assessor.fromDirectory(dir))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("declares @urgency(SOON) but concludes a finding of urgency EMERGENCY");
  }

  @Test
  void aRuleThatLoopsIsStoppedAndNamed() {
    RuleDirs.withDispositionAnd(dir, "loop.drl", """
        rule "Probe: modifies its own fact forever"
            @id("probe-loop") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            $o : Observation( sign == Sign.FEVER )
        then
            update($o);
        end
        """);
    assertThatThrownBy(() -> Assessor.fromDirectory(dir, 500))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("Probe: modifies its own fact forever")
        .hasMessageContaining("loops");
  }

  @Test
  void emptyOrMissingRuleDirectoriesAreErrors() {
    assertThatThrownBy(() -> Assessor.fromDirectory(dir.resolve("nope")))
        .isInstanceOf(RuleBaseException.class).hasMessageContaining("not a directory");
    assertThatThrownBy(() -> Assessor.fromDirectory(dir))
        .isInstanceOf(RuleBaseException.class).hasMessageContaining("no .drl files");
  }
}
