package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety net's time and list come from the rules and the vocabulary (SC-10, INT-09): on a
 * fixture rule set whose review time is a DRL function and whose safety net is built the way the
 * shipped one is, changing the function changes the days the text names, the shortest window
 * that stands wins, and a red-flag observation added to the vocabulary joins the list without
 * being written in any rule.
 */
class SafetyNetTest {
  private static final String RULES = """
      import org.spinefoot.Urgency;

      // The review time, defined once: the rule below and the safety net read it.
      function int probeReviewDays() {
          return %d;
      }

      rule "Probe: low back pain is watched for a set time"
          @id("probe-review-window") @inventory("RF-03") @urgency("NONE") @source("x#y")
      when
          Pain( site == "lowBack", present )
      then
          insertLogical(new ReviewWindow(kcontext, probeReviewDays(), "low back pain"));
      end

      rule "Probe: diabetes is watched for a shorter set time"
          @id("probe-shorter-window") @inventory("RF-04") @urgency("NONE") @source("x#y")
      when
          Observation( sign == "diabetes", present )
      then
          insertLogical(new ReviewWindow(kcontext, 2, "diabetes"));
      end

      rule "Probe: with self-care, the safety net names the red flags and the shortest window"
          @id("probe-safety-net") @inventory("RF-05") @urgency("SELF_CARE") @source("x#y")
      when
          Disposition( urgency == Urgency.SELF_CARE )
          $signs : SafetyNetSigns()
          exists ReviewWindow()
          accumulate( ReviewWindow( $days : days ); $within : min( $days ) )
      then
          insertLogical(new Advice(kcontext, "safety-net", $signs.getText()
              + " See a clinician if you are not better " + $within.intValue()
              + " days after it began."));
      end
      """;

  @TempDir Path dir;

  @Test
  void changingTheThresholdChangesTheDaysTheSafetyNetNames() {
    Patient backPain = everyQuestionNo().with("pain.lowBack", Felt.on(Side.UNSPECIFIED));
    assertThat(safetyNet(rulesWithReviewDays(5), backPain))
        .contains("not better 5 days after it began").doesNotContain("9 days");
    Assessor nineDays = Assessor.fromDirectory(rulesWithReviewDays(9));
    assertThat(safetyNet(nineDays, backPain))
        .contains("not better 9 days after it began").doesNotContain("5 days");
    // The shortest window that stands is the one named.
    Patient alsoDiabetes = backPain.with("signs.diabetes", Answer.PRESENT);
    assertThat(safetyNet(nineDays, alsoDiabetes)).contains("not better 2 days after it began");
  }

  @Test
  void everyRedFlagObservationOfTheVocabularyIsListedAndANewOneJoinsWithoutARuleChange()
      throws IOException {
    Path rules = rulesWithReviewDays(5);
    Patient backPain = everyQuestionNo().with("pain.lowBack", Felt.on(Side.UNSPECIFIED));
    Assessor before = Assessor.fromDirectory(rules);
    String text = safetyNet(before, backPain);
    for (Vocabulary.Entry e : before.vocabulary().entries()) {
      if (e.redFlag()) {
        assertThat(text).as(e.path()).contains(e.safetyNetWords());
      }
    }
    assertThat(text).doesNotContain("the probe sign");

    Path vocabulary = rules.resolve(Vocabulary.FILE);
    String entry = "  signs.slurredSpeech:\n";
    Files.writeString(vocabulary, Files.readString(vocabulary).replace(entry, entry
        + "    redFlag: true\n    safetyNet: emergency\n    safetyNetWords: the probe sign\n"));
    Assessor after = Assessor.fromDirectory(rules);
    assertThat(safetyNet(after, backPain.with("signs.slurredSpeech", Answer.ABSENT)))
        .contains("Call emergency services now if any of these start: ")
        .contains("the probe sign");
  }

  private Patient everyQuestionNo() {
    return Patient.everyQuestion(Fixture.assessor().vocabulary(), Answer.ABSENT, Felt.NO, 40, 1);
  }

  private Path rulesWithReviewDays(int days) {
    Path rules = dir.resolve("days-" + days);
    return RuleDirs.withDispositionAnd(rules, "safety-net.drl", RULES.formatted(days));
  }

  private static String safetyNet(Path rules, Patient p) {
    return safetyNet(Assessor.fromDirectory(rules), p);
  }

  private static String safetyNet(Assessor assessor, Patient p) {
    Assessment a = assessor.assess(p);
    assertThat(a.disposition()).isEqualTo(Urgency.SELF_CARE);
    return a.advice().stream().filter(v -> v.id().equals("safety-net"))
        .map(Assessment.Advice::text).findFirst().orElseThrow();
  }
}
