package org.spinefoot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spinefoot.Answer;
import org.spinefoot.Assessment;
import org.spinefoot.Patient;
import org.spinefoot.Sign;
import org.spinefoot.Urgency;
import org.spinefoot.engine.facts.Observation;
import org.spinefoot.engine.facts.SpinalCause;

/** How a report arranges an assessment, on assessments built here rather than by the rules. */
class ReportBuilderTest {
  static final String BLADDER = new Observation(Sign.of("bladderOrBowelControlLost"), Answer.PRESENT)
      .describe();
  static final String FEVER_NOT_ASKED = new Observation(Sign.of("fever"), Answer.NOT_ASKED).describe();
  static final String NO_FEVER = new Observation(Sign.of("fever"), Answer.ABSENT).describe();

  final ReportBuilder builder = new ReportBuilder(SourceTitles.none());

  static Assessment.Finding finding(String id, Urgency u, String... observations) {
    return new Assessment.Finding(id, "title of " + id, u, List.of("INV-" + id), List.of(),
        List.of(new Assessment.Reason("rule-" + id, "name", List.of(observations))));
  }

  static Assessment.Advice advice(String id, String inventory) {
    return advice(id, inventory, false);
  }

  static Assessment.Advice advice(String id, String inventory, boolean exercise) {
    return new Assessment.Advice(id, "text of " + id, List.of(inventory), List.of(), List.of(),
        exercise);
  }

  static final org.spinefoot.KnowledgeVersion KNOWLEDGE = new org.spinefoot.KnowledgeVersion(
      "test knowledge", "1.0.0", org.spinefoot.KnowledgeVersion.Status.ACTIVE, "2026-01-01",
      "tests", "0".repeat(64), "0".repeat(64));

  static Assessment assessment(Urgency disposition, List<Assessment.Finding> findings,
      List<Assessment.Consideration> considerations, List<Assessment.Advice> advice,
      List<Assessment.Conclusion> conclusions) {
    return new Assessment("p", disposition, findings, considerations, advice,
        disposition.stopsSelfCare(), List.of(), conclusions, KNOWLEDGE);
  }

  static Assessment assessment(Urgency disposition, Assessment.Finding... findings) {
    return assessment(disposition, List.of(findings), List.of(), List.of(), List.of());
  }

  final Patient bladderLostFeverNotAsked = Patient.builder("p")
      .present(Sign.of("bladderOrBowelControlLost")).build();

  @Test
  void aCaudaEquinaFindingAbsorbsTheBareBladderSign() {
    ActionReport r = builder.build(bladderLostFeverNotAsked, assessment(Urgency.EMERGENCY,
        finding("bladder-bowel-control-lost", Urgency.EMERGENCY, BLADDER),
        finding("cauda-equina-suspected", Urgency.EMERGENCY, BLADDER)), List.of());
    assertThat(r.findings()).extracting(ActionReport.Item::id)
        .containsExactly("cauda-equina-suspected");
    assertThat(r.findings().get(0).merged()).containsExactly("bladder-bowel-control-lost");
    assertThat(r.findings().get(0).inventory())
        .contains("INV-cauda-equina-suspected", "INV-bladder-bowel-control-lost");
  }

  @Test
  void aFindingMoreUrgentThanItsAbsorberStaysOnItsOwn() {
    ActionReport r = builder.build(bladderLostFeverNotAsked, assessment(Urgency.URGENT,
        finding("numbness-without-obvious-cause", Urgency.URGENT, BLADDER),
        finding("serious-cause-suspected", Urgency.SOON, BLADDER)), List.of());
    assertThat(r.findings()).extracting(ActionReport.Item::id)
        .containsExactly("numbness-without-obvious-cause");
    assertThat(r.otherFindings()).extracting(ActionReport.Item::id)
        .containsExactly("serious-cause-suspected");
  }

  @Test
  void threeReferralsReadAsOneLineLedByTheMostSpecific() {
    ActionReport r = builder.build(bladderLostFeverNotAsked, assessment(Urgency.SOON,
        finding("see-a-clinician", Urgency.SOON, "symptoms for 30 days"),
        finding("lasting-numbness-needs-clinician", Urgency.SOON, BLADDER),
        finding("see-a-spine-clinician", Urgency.SOON, BLADDER)), List.of());
    assertThat(r.findings()).hasSize(1);
    ActionReport.Item line = r.findings().get(0);
    assertThat(line.id()).isEqualTo("see-a-spine-clinician");
    assertThat(line.merged()).containsExactlyInAnyOrder("see-a-clinician",
        "lasting-numbness-needs-clinician");
    assertThat(line.reason()).containsExactly(BLADDER, "symptoms for 30 days");
  }

  @Test
  void aFindingNamedInNoMergeIsShownOnItsOwn() {
    ActionReport r = builder.build(bladderLostFeverNotAsked, assessment(Urgency.SOON,
        finding("a-finding-added-tomorrow", Urgency.SOON, BLADDER),
        finding("see-a-clinician", Urgency.SOON, BLADDER)), List.of());
    assertThat(r.findings()).extracting(ActionReport.Item::id)
        .containsExactly("a-finding-added-tomorrow", "see-a-clinician");
  }

  @Test
  void aReasonNeverNamesAQuestionNobodyAsked() {
    ActionReport r = builder.build(bladderLostFeverNotAsked, assessment(Urgency.SOON,
        finding("see-a-clinician", Urgency.SOON, BLADDER, FEVER_NOT_ASKED)), List.of());
    assertThat(r.findings().get(0).reason()).containsExactly(BLADDER);
  }

  @Test
  void aConclusionInAReasonIsFollowedDownToTheAnswersBehindIt() {
    Patient p = Patient.builder("p").present(Sign.of("bladderOrBowelControlLost"))
        .absent(Sign.of("fever")).build();
    Assessment a = assessment(Urgency.SOON,
        List.of(finding("see-a-clinician", Urgency.SOON, "sciatica pattern")), List.of(),
        List.of(), List.of(new Assessment.Conclusion("SciaticaPattern", "sciatica pattern",
            "rule-x", List.of(), List.of(BLADDER, NO_FEVER, FEVER_NOT_ASKED))));
    assertThat(builder.build(p, a, List.of()).findings().get(0).reason())
        .containsExactly(BLADDER, NO_FEVER);
  }

  @Test
  void findingsBelowTheDispositionAreFoldedApart() {
    ActionReport r = builder.build(bladderLostFeverNotAsked, assessment(Urgency.EMERGENCY,
        finding("a", Urgency.SOON, BLADDER), finding("b", Urgency.EMERGENCY, BLADDER)),
        List.of());
    assertThat(r.findings()).extracting(ActionReport.Item::id).containsExactly("b");
    assertThat(r.otherFindings()).extracting(ActionReport.Item::id).containsExactly("a");
  }

  @Test
  void theUnansweredQuestionsFindingIsTheAskNextListNotAFinding() {
    List<ActionReport.Question> ask = List.of(
        new ActionReport.Question("signs.fever", "fever", Urgency.URGENT));
    ActionReport r = builder.build(bladderLostFeverNotAsked, assessment(Urgency.SOON,
        finding("red-flag-questions-unanswered", Urgency.SOON, FEVER_NOT_ASKED)), ask);
    assertThat(r.findings()).isEmpty();
    assertThat(r.askNext()).isEqualTo(ask);
  }

  @Test
  void safetyNetAdviceIsFoundByItsInventoryItemAndShownApart() {
    ActionReport r = builder.build(bladderLostFeverNotAsked, assessment(Urgency.SOON, List.of(),
        List.of(), List.of(advice("keep-moving", "SC-01"), advice("any-id", "SC-10")),
        List.of()), List.of());
    assertThat(r.safetyNet()).extracting(ActionReport.Item::id).containsExactly("any-id");
    assertThat(r.advice()).extracting(ActionReport.Item::id).containsExactly("keep-moving");
  }

  @Test
  void adviceReadsInClinicalOrderWhatToDoFirstThenExercisesThenGeneral() {
    ActionReport r = builder.build(bladderLostFeverNotAsked, assessment(Urgency.SELF_CARE,
        List.of(), List.of(), List.of(advice("a-new-one", "SC-99"), advice("keep-moving", "SC-01"),
            advice("a-new-stretch", "SC-98", true), advice("numb-feet-exercise", "SC-02", true),
            advice("plan-exercise-with-professional", "SC-08")), List.of()), List.of());
    assertThat(r.advice()).extracting(ActionReport.Item::id).containsExactly(
        "plan-exercise-with-professional", "numb-feet-exercise", "a-new-stretch", "keep-moving",
        "a-new-one");
  }

  @Test
  void causesNothingSupportsAreNamedInOneLine() {
    Assessment.Consideration disc = new Assessment.Consideration(
        SpinalCause.HERNIATED_DISC.considerationId(), "disc", 2, List.of(), List.of(), List.of());
    Assessment.Consideration stenosis = new Assessment.Consideration(
        SpinalCause.SPINAL_STENOSIS.considerationId(), "stenosis", 0, List.of(), List.of(),
        List.of());
    Assessment.Consideration note = new Assessment.Consideration(
        "a-note", "a note", 0, List.of(), List.of(), List.of());
    ActionReport r = builder.build(bladderLostFeverNotAsked, assessment(Urgency.SOON, List.of(),
        List.of(disc, stenosis, note), List.of(), List.of()), List.of());
    assertThat(r.causes()).extracting(ActionReport.Item::id)
        .containsExactly(SpinalCause.HERNIATED_DISC.considerationId(), "a-note");
    assertThat(r.unsupportedCauses()).containsExactly(SpinalCause.SPINAL_STENOSIS.getLabel());
  }
}
