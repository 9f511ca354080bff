package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live reload on a copy of the fixture knowledge base's rules and cases. */
class WatcherTest {
  private static final String LIMB = "Observation( sign == \"cannotControlLimb\", present )";
  private static final String PERSISTING = "SymptomDuration( days >= 14 )";
  private static final String FOURTEEN_DAYS = "pain-lasting-fourteen-days-needs-a-clinician";

  @TempDir Path dir;

  @Test
  void aBrokenRuleKeepsTheLastGoodRulesAndAChangedThresholdShowsTheNewFailure() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Watcher watcher = new Watcher(copy.rules(), copy.cases());

    Watcher.Report first = watcher.onChange();
    assertThat(first.rulesLoaded()).isTrue();
    assertThat(first.failing()).isEmpty();
    assertThat(first.cases()).isEqualTo(org.spinefoot.cases.CaseRunner.findCases(copy.cases()).size()).isPositive();
    assertThat(first.healthy()).isTrue();
    int rules = first.rules();

    copy.replace("rules/redflags/red-flags.drl", LIMB, LIMB.replace("Limb", "Lim"));
    int line = LintTest.lineOf(copy.rules().resolve("redflags/red-flags.drl"), "cannotControlLim\"");
    Watcher.Report broken = watcher.onChange();
    assertThat(broken.rulesLoaded()).isFalse();
    assertThat(broken.usingPreviousRules()).isTrue();
    assertThat(broken.ruleProblems()).anySatisfy(p -> {
      assertThat(p.file()).isEqualTo("redflags/red-flags.drl");
      assertThat(p.line()).isEqualTo(line);
    });
    assertThat(broken.rules()).as("the last good knowledge base is still in use").isEqualTo(rules);
    assertThat(broken.failing()).isEmpty();
    assertThat(broken.toText()).contains("RULES BROKEN")
        .contains("still using the last good knowledge base")
        .contains("redflags/red-flags.drl:" + line + ": ");

    copy.replace("rules/redflags/red-flags.drl", LIMB.replace("Limb", "Lim"), LIMB);
    Watcher.Report recovered = watcher.onChange();
    assertThat(recovered.rulesLoaded()).isTrue();
    assertThat(recovered.recovered()).isTrue();
    assertThat(recovered.toText()).contains("RECOVERED").contains("no change in the results");

    copy.replace("rules/referral/referral.drl", PERSISTING, PERSISTING.replace("14", "30"));
    Watcher.Report stricter = watcher.onChange();
    assertThat(stricter.newFailures()).contains(FOURTEEN_DAYS);
    assertThat(stricter.failing().get(FOURTEEN_DAYS)).isNotEmpty();
    assertThat(stricter.healthy()).isFalse();
    assertThat(stricter.toText()).contains("NEW FAILURE " + FOURTEEN_DAYS)
        .contains("expected rule referral-symptoms-persisting to fire")
        .doesNotContain("RECOVERED");

    copy.replace("rules/referral/referral.drl", PERSISTING.replace("14", "30"), PERSISTING);
    Watcher.Report fixed = watcher.onChange();
    assertThat(fixed.fixed()).contains(FOURTEEN_DAYS);
    assertThat(fixed.failing()).isEmpty();
    assertThat(fixed.toText()).contains("FIXED " + FOURTEEN_DAYS);
  }

  @Test
  void reportsNewAndRemovedCasesRulesAndCoverageGaps() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Watcher watcher = new Watcher(copy.rules(), copy.cases());
    watcher.onChange();

    copy.addProbeRules("probe.drl", """
        rule "Probe: fever with pelvic floor pain"
            @id("probe-fever-pelvic-floor")
            @inventory("RF-10")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            Observation( sign == "fever", present )
            Pain( site == "pelvicFloor", present )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-finding", "Probe"));
        end
        """);
    Watcher.Report withRule = watcher.onChange();
    assertThat(withRule.rulesAdded()).containsExactly("probe-fever-pelvic-floor");
    assertThat(withRule.newGaps()).anySatisfy(g -> assertThat(g)
        .startsWith("rule probe-fever-pelvic-floor (probe/probe.drl:").endsWith("fires in no case"));

    ProjectCopy.write(copy.cases().resolve("probe-fever-pelvic-floor-pain.yaml"), """
        name: Probe fires
        description: Fever with pelvic floor pain.
        checks: [RF-10]
        patientFile: ../facts/baseline-no-red-flags.yaml
        patient: {signs: {fever: yes}, pain: {pelvicFloor: yes}}
        expect: {rulesFired: [probe-fever-pelvic-floor]}
        """);
    Watcher.Report withCase = watcher.onChange();
    assertThat(withCase.addedCases()).containsExactly("probe-fever-pelvic-floor-pain");
    assertThat(withCase.closedGaps()).anySatisfy(g -> assertThat(g).endsWith("fires in no case"));
    assertThat(withCase.toText()).contains("new case probe-fever-pelvic-floor-pain")
        .contains("coverage gap closed: rule probe-fever-pelvic-floor");
  }

  @Test
  void aBadCitationAndACaseFailingForANewReasonAreReportedNotNoChange() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Watcher watcher = new Watcher(copy.rules(), copy.cases());
    assertThat(watcher.onChange().sourceProblems()).isEmpty();

    copy.replace("rules/referral/referral.drl",
        "@source(\"003_a4bae2cf7cb8373c.txt#Initial Steps and Seeking Professional Help\")\nwhen\n"
            + "    SymptomDuration",
        "@source(\"003_a4bae2cf7cb8373c.txt#Initial Steps\")\nwhen\n    SymptomDuration");
    Watcher.Report cited = watcher.onChange();
    assertThat(cited.rulesLoaded()).isTrue();
    assertThat(cited.healthy()).isFalse();
    assertThat(cited.newSourceProblems()).singleElement().asString()
        .contains("referral/referral.drl:").contains("error [source] referral-symptoms-persisting:")
        .contains("'Initial Steps' is not a section heading");
    assertThat(cited.toText()).contains("SOURCE PROBLEM ").doesNotContain("no change");
    assertThat(watcher.onChange().toText()).contains("still a source problem ")
        .contains("no change in the results");

    copy.replace("rules/referral/referral.drl", PERSISTING, PERSISTING.replace("14", "30"));
    assertThat(watcher.onChange().newFailures()).contains(FOURTEEN_DAYS);
    copy.replace("test-cases/" + FOURTEEN_DAYS + ".yaml", "disposition: SOON",
        "disposition: URGENT");
    Watcher.Report differently = watcher.onChange();
    assertThat(differently.failingDifferently()).containsExactly(FOURTEEN_DAYS);
    assertThat(differently.toText()).contains("FAILING DIFFERENTLY " + FOURTEEN_DAYS)
        .contains("URGENT").doesNotContain("still failing " + FOURTEEN_DAYS)
        .doesNotContain("no change");
  }

  @Test
  void theWatchLoopReloadsAfterASave() throws Exception {
    ProjectCopy copy = ProjectCopy.of(dir);
    Watcher watcher = new Watcher(copy.rules(), copy.cases());
    BlockingQueue<Watcher.Report> reports = new LinkedBlockingQueue<>();
    Thread loop = new Thread(() -> {
      try {
        watcher.watch(reports::add, 1);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, "watch-test");
    loop.start();
    try {
      Watcher.Report first = reports.poll(60, TimeUnit.SECONDS);
      assertThat(first).as("first run").isNotNull();
      assertThat(first.failing()).isEmpty();

      copy.replace("rules/referral/referral.drl", PERSISTING, PERSISTING.replace("14", "30"));
      Watcher.Report afterSave = reports.poll(60, TimeUnit.SECONDS);
      assertThat(afterSave).as("report after the save").isNotNull();
      assertThat(afterSave.changed()).containsExactly("rules/referral/referral.drl");
      assertThat(afterSave.newFailures()).contains(FOURTEEN_DAYS);
      loop.join(10_000);
      assertThat(loop.isAlive()).as("the loop stops after its bounded reloads").isFalse();
    } finally {
      loop.interrupt();
    }
  }
}
