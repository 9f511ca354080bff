package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.cases.CaseResult;
import org.spinefoot.cases.CaseRunner;
import org.spinefoot.knowledge.ExecutableModelGenerator;
import org.spinefoot.knowledge.PackagedModel;
import org.spinefoot.knowledge.RuleFiles;

/**
 * The executable-model path keeps the engine's guards: the fixture rules plus probe rules that
 * misbehave, compiled to the executable model as the build compiles the packaged rules, and
 * loaded as {@link Assessor#fromClasspath()} loads them. Also which loader serves which rules.
 */
@Timeout(300)
class ExecutableModelTest {
  private static final Duration BUDGET = Duration.ofMillis(700);
  private static final int MAX_FIRINGS = 500;

  @TempDir static Path dir;
  private static Path rules;
  private static Assessor model;
  private static Assessor drl;

  @BeforeAll
  static void compile() throws IOException {
    rules = RuleDirs.withRules(dir.resolve("rules"), "probe.drl", PROBES);
    try (var files = Files.walk(Fixture.rules())) {
      for (Path drlFile : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
        Path target = rules.resolve(Fixture.rules().relativize(drlFile).toString());
        Files.createDirectories(target.getParent());
        Files.copy(drlFile, target);
      }
    }
    model = ExecutableModels.load(rules, dir.resolve("model"), MAX_FIRINGS, BUDGET);
    drl = Assessor.fromDirectory(rules, MAX_FIRINGS, BUDGET);
  }

  /** An action and a condition that never return, and a loop, each on its own record. */
  private static final String PROBES = MisbehavingRules.actionSpins(36499)
      + "\n" + MisbehavingRules.conditionSpins(36498)
      + "\n" + MisbehavingRules.pingPong(36497);

  private static Patient lasting(int days) {
    return new Patient("p" + days, null, 40, days, Map.of(), Map.of(), Map.of());
  }

  @Test
  void theModelIsUsedAndKeepsEveryRulesMetadataFileAndLine() {
    assertThat(model.precompiled()).isTrue();
    assertThat(drl.precompiled()).isFalse();
    assertThat(model.rules()).isNotEmpty().isEqualTo(drl.rules());
    assertThat(model.rules()).allSatisfy(r -> {
      assertThat(r.file()).isNotNull();
      assertThat(r.line()).isPositive();
      assertThat(r.inventory()).isNotEmpty();
      assertThat(r.sources()).isNotEmpty();
    });
  }

  @Test
  void theFixtureCasesGiveWhatTheDrlGives() {
    CaseRunner fromModel = new CaseRunner(model);
    CaseRunner fromDrl = new CaseRunner(drl);
    for (Path file : CaseRunner.findCases(Fixture.cases())) {
      CaseResult a = fromModel.run(file);
      assertThat(a.failures()).as("%s", file).isEmpty();
      assertThat(a.assessments()).as("%s", file).isEqualTo(fromDrl.run(file).assessments());
    }
  }

  @Test
  void explainTracesFiringsAndWithdrawals() {
    Patient p = new CaseRunner(model).initialPatient(
        CaseRunner.findCases(Fixture.cases()).get(0));
    Explanation e = model.explain(p);
    assertThat(e.assessment()).isEqualTo(drl.explain(p).assessment());
    assertThat(e.trace().firings()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.ruleName()).isNotBlank());
    // Which rules fire on the way may differ (the two agendas order ties differently, and a
    // conclusion drawn early can be withdrawn again); every firing is of a known rule.
    assertThat(e.trace().firings()).extracting(Trace.Fired::rule)
        .isSubsetOf(model.rules().stream().map(RuleInfo::id).toList());
  }

  @Test
  void anActionThatNeverReturnsIsStoppedAndNamed() {
    AssessmentException e = catchThrowableOfType(AssessmentException.class,
        () -> model.assess(lasting(36499)));
    assertThat(e).isNotNull();
    assertThat(e.ruleName()).isEqualTo("Probe: spins for ever");
    assertThat(e.getMessage()).contains("did not finish within 700 ms");
    assertThat(model.assess(lasting(10)).disposition()).isNotNull();
  }

  @Test
  void aConditionThatNeverReturnsIsStoppedAndNamed() {
    AssessmentException e = catchThrowableOfType(AssessmentException.class,
        () -> model.assess(lasting(36498)));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("did not finish within");
    assertThat(e.ruleName()).isEqualTo("Probe: condition spins for ever");
    assertThat(model.assess(lasting(10)).disposition()).isNotNull();
  }

  @Test
  void aLoopIsStoppedAtTheFiringBoundAndNamed() {
    AssessmentException e = catchThrowableOfType(AssessmentException.class,
        () -> model.assess(lasting(36497)));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("loops")
        .contains("Probe: ping answers pong").contains("Probe: pong answers ping")
        .doesNotContain("starts the rally");
    assertThat(model.assess(lasting(10)).disposition()).isNotNull();
  }

  @Test
  void aRuleDirectoryIsServedByThePackagedModelOnlyWhenItHoldsThePackagedRules(
      @TempDir Path copy) throws IOException {
    Path shipped = copy.resolve("rules");
    copyTree(Path.of("rules"), shipped);
    assertThat(Assessor.fromClasspath().precompiled()).isTrue();
    assertThat(Assessor.fromDirectoryPreferPackaged(shipped, Assessor.DEFAULT_MAX_FIRINGS,
        Assessor.DEFAULT_TIME_BUDGET).precompiled()).isTrue();

    Path someDrl;
    try (var files = Files.walk(shipped)) {
      someDrl = files.filter(f -> f.toString().endsWith(".drl")).sorted().findFirst()
          .orElseThrow();
    }
    Files.writeString(someDrl, Files.readString(someDrl) + "\n// a reviewer's note\n");
    Assessor edited = Assessor.fromDirectoryPreferPackaged(shipped,
        Assessor.DEFAULT_MAX_FIRINGS, Assessor.DEFAULT_TIME_BUDGET);
    assertThat(edited.precompiled()).isFalse();
    assertThat(edited.rules()).isNotEmpty();
  }

  @Test
  void aBrokenRuleFileIsStillAnErrorWithFileAndLine(@TempDir Path copy) throws IOException {
    Path broken = copy.resolve("rules");
    copyTree(rules, broken);
    Files.writeString(broken.resolve("probe/probe.drl"), RuleDirs.HEADER + """
        rule "Probe: broken"
            @id("probe-broken") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            SymptomDuration( dayz == 3 )
        then
        end
        """);
    RuleBaseException e = catchThrowableOfType(RuleBaseException.class,
        () -> Assessor.fromDirectoryPreferPackaged(broken, MAX_FIRINGS, BUDGET));
    assertThat(e).isNotNull();
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.file()).isEqualTo("probe/probe.drl");
      assertThat(p.line()).isPositive();
    });
  }

  @Test
  void theBuildStepStopsOnABrokenRuleFileWithFileAndLine(@TempDir Path tmp) throws IOException {
    Path broken = RuleDirs.withDispositionAnd(tmp.resolve("rules"), "probe.drl", """
        rule "Probe: broken"
            @id("probe-broken") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            SymptomDuration( dayz == 3 )
        then
        end
        """);
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = ExecutableModelGenerator.run(broken, tmp.resolve("sources"),
        tmp.resolve("classes"), new java.io.PrintStream(err, true, "UTF-8"));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString("UTF-8")).containsPattern("probe/probe\\.drl:[1-9][0-9]*: ");
    assertThat(tmp.resolve("classes").resolve(PackagedModel.INDEX)).doesNotExist();
  }

  @Test
  void theBuildStepWritesTheModelAndTheHashOfItsRules(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("classes");
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    assertThat(ExecutableModelGenerator.run(rules, tmp.resolve("sources"), out,
        new java.io.PrintStream(err, true, "UTF-8"))).as("%s", err).isZero();
    String index = Files.readString(out.resolve(PackagedModel.INDEX));
    assertThat(index).contains(PackagedModel.RULES_HASH + "="
        + RuleFiles.fromDirectory(rules).contentHash());
    try (var sources = Files.walk(tmp.resolve("sources"))) {
      assertThat(sources.filter(f -> f.toString().endsWith(".java"))).isNotEmpty();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
