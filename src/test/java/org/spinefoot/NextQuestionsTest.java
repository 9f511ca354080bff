package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.RecordAnswers;
import org.spinefoot.engine.facts.Question;

class NextQuestionsTest {
  private final Assessor fixture = QuestionFixture.assessor();

  private static NextQuestions.Question question(NextQuestions n, String path) {
    List<NextQuestions.Question> all = new ArrayList<>(n.ranked());
    all.addAll(n.settled());
    return all.stream().filter(q -> q.path().equals(path)).findFirst().orElseThrow();
  }

  private static Urgency outcome(NextQuestions.Question q, Reply reply) {
    return q.outcomes().stream().filter(o -> o.answer() == reply).findFirst().orElseThrow()
        .disposition();
  }

  @Test
  void anEmptyRecordAsksWhatCouldRaiseItFirstHighestFirst() {
    NextQuestions n = fixture.askNext(Patient.builder("empty").build());
    assertThat(n.disposition()).isEqualTo(Urgency.SOON); // unanswered red flags (INT-03)
    assertThat(n.isSettled()).isFalse();
    assertThat(n.ranked()).extracting(NextQuestions.Question::path).startsWith(
        "signs.bladderOrBowelControlLost", "signs.fever", "numbness.foot");
    assertThat(n.ranked().get(0).effect()).isEqualTo(NextQuestions.Effect.RAISES);
    assertThat(n.ranked().get(0).highest()).isEqualTo(Urgency.EMERGENCY);
    assertThat(n.ranked().get(0).reason()).contains("if yes: EMERGENCY");
    assertThat(n.toAsk()).map(NextQuestions.Question::path)
        .contains("signs.bladderOrBowelControlLost");

    NextQuestions.Question foot = question(n, "numbness.foot");
    assertThat(foot.site()).isTrue();
    assertThat(foot.outcomes()).extracting(NextQuestions.Outcome::answer)
        .containsExactlyInAnyOrder(Reply.YES, Reply.NO, Reply.LEFT, Reply.RIGHT, Reply.BOTH);
    assertThat(outcome(foot, Reply.BOTH)).isEqualTo(Urgency.URGENT);
    assertThat(outcome(foot, Reply.LEFT)).isEqualTo(Urgency.SOON);
    assertThat(outcome(foot, Reply.YES)).isEqualTo(Urgency.SOON);

    NextQuestions.Question diabetes = question(n, "signs.diabetes");
    assertThat(diabetes.effect()).isEqualTo(NextQuestions.Effect.ADDS_FINDING);
    assertThat(diabetes.outcomes()).filteredOn(o -> o.answer() == Reply.YES)
        .singleElement().satisfies(o -> assertThat(o.addsFindings()).containsExactly("probe-diabetes"));
    // Findings-only questions come after every question that can change the disposition.
    assertThat(n.ranked().indexOf(diabetes)).isGreaterThan(n.ranked().indexOf(foot));
    assertThat(n.settled()).extracting(NextQuestions.Question::path).contains("signs.overweight");
  }

  @Test
  void aQuestionThatCouldLowerItIsRankedAndAnsweredOnesGiveTheCounterfactuals() {
    Patient p = RecordAnswers.with(QuestionFixture.noRedFlags("back"), "pain.lowBack",
        Reply.LEFT);
    NextQuestions n = fixture.askNext(p);
    assertThat(n.disposition()).isEqualTo(Urgency.SOON);
    assertThat(n.isSettled()).isFalse();
    NextQuestions.Question first = n.ranked().get(0);
    assertThat(first.path()).isEqualTo("signs.resolvedWithinMinutes");
    assertThat(first.effect()).isEqualTo(NextQuestions.Effect.LOWERS);
    assertThat(first.reason()).contains("if yes: SELF_CARE");
    assertThat(n.wouldChange()).extracting(c -> c.path() + " " + c.instead() + " " + c.disposition())
        .containsExactlyInAnyOrder(
            "signs.bladderOrBowelControlLost yes EMERGENCY",
            "signs.fever yes URGENT",
            "numbness.foot both URGENT",
            "pain.lowBack no SELF_CARE");
    NextQuestions.Counterfactual bladder = n.wouldChange().stream()
        .filter(c -> c.path().equals("signs.bladderOrBowelControlLost")).findFirst().orElseThrow();
    assertThat(bladder.answer()).isEqualTo(Reply.NO);
    assertThat(bladder.stopExercises()).isTrue();
    assertThat(bladder.text())
        .isEqualTo("if yes to \"loss of bladder or bowel control\" (now no): EMERGENCY");
  }

  @Test
  void aRecordNoSingleAnswerCanChangeIsSettledAndAsksNothingMore() {
    Patient p = RecordAnswers.with(RecordAnswers.with(QuestionFixture.noRedFlags("settled"),
        "pain.lowBack", Reply.RIGHT), "signs.resolvedWithinMinutes", Reply.NO);
    NextQuestions n = fixture.askNext(p);
    assertThat(n.disposition()).isEqualTo(Urgency.SOON);
    assertThat(n.isSettled()).isTrue();
    assertThat(n.ranked()).allMatch(q -> !q.changesOutcome());
    assertThat(n.toAsk()).isEmpty();

    NextQuestions emergency = fixture.askNext(Patient.builder("e")
        .present(org.spinefoot.Sign.of("bladderOrBowelControlLost")).build());
    assertThat(emergency.disposition()).isEqualTo(Urgency.EMERGENCY);
    assertThat(emergency.isSettled()).isTrue();
    assertThat(emergency.toAsk()).isEmpty(); // red flags left, but nothing is above EMERGENCY
  }

  @Test
  void belowEmergencyEveryRedFlagQuestionIsAskedThoughNoSingleOneChangesTheOutcome() {
    Patient p = Patient.builder("held").absent(org.spinefoot.Sign.of("bladderOrBowelControlLost"),
        org.spinefoot.Sign.of("fever")).noNumbness(org.spinefoot.Site.of("foot")).build();
    NextQuestions n = fixture.askNext(p);
    assertThat(n.disposition()).isEqualTo(Urgency.SOON);
    assertThat(n.isSettled()).isTrue(); // no single "no" lifts INT-03 while others stay unasked
    assertThat(n.toAsk()).hasValueSatisfying(q -> assertThat(q.redFlag()).isTrue());
    Set<String> allRedFlags = new java.util.HashSet<>(fixture.unansweredRedFlagQuestions(p));
    assertThat(n.toAsk(allRedFlags)).isEmpty();
  }

  @Test
  void theSessionIsAsItWasAfterwards() {
    Patient p = RecordAnswers.with(QuestionFixture.noRedFlags("s"), "pain.lowBack", Reply.LEFT);
    try (PatientSession session = fixture.openSession(p)) {
      Assessment before = session.assessment();
      session.nextQuestions();
      assertThat(session.assessment()).isEqualTo(before);
      Patient changed = RecordAnswers.with(p, "signs.fever", Reply.YES);
      assertThat(session.update(changed)).isEqualTo(fixture.assess(changed));
      Patient back = RecordAnswers.with(changed, "signs.fever", Reply.UNKNOWN);
      assertThat(session.update(back)).isEqualTo(fixture.assess(back));
      assertThat(session.nextQuestions()).isEqualTo(fixture.askNext(back));
    }
  }

  /**
   * The session's set-run-take-back gives what a fresh assessment of each changed record
   * gives, on the live knowledge base and varied records (the engine, not the knowledge, is
   * under test: no outcome is pinned).
   */
  @Test
  void everyOutcomeIsWhatAFreshAssessmentOfTheChangedRecordGives() {
    Assessor live = TestAssessor.get();
    List<Patient> records = new ArrayList<>(VariedPatients.fixturePatients(4, 900));
    records.add(Patient.builder("empty").build());
    for (Patient p : records) {
      NextQuestions n = live.askNext(p);
      Assessment now = live.assess(p);
      try (PatientSession session = live.openSession(p)) {
        NextQuestions light = session.nextQuestions(false); // what a questionnaire works from
        assertThat(light.ranked()).isEqualTo(n.ranked());
        assertThat(light.settled()).isEqualTo(n.settled());
        assertThat(light.wouldChange()).isEmpty();
      }
      assertThat(n.disposition()).isEqualTo(now.disposition());
      List<NextQuestions.Question> open = new ArrayList<>(n.ranked());
      open.addAll(n.settled());
      assertThat(open).extracting(NextQuestions.Question::path).containsExactlyInAnyOrderElementsOf(
          PatientFacts.of(live.vocabulary()).questions(p).stream().filter(Question::isNotAsked)
              .filter(q -> live.vocabulary().isDue(
                  live.vocabulary().entry(q.getPath()).orElseThrow(), p))
              .map(Question::getPath).toList());
      for (NextQuestions.Question q : open) {
        for (NextQuestions.Outcome o : q.outcomes()) {
          Assessment then = live.assess(RecordAnswers.with(p, q.path(), o.answer()));
          assertThat(o.disposition()).as(p.id() + " " + q.path() + " " + o.answer())
              .isEqualTo(then.disposition());
          assertThat(o.stopExercises()).isEqualTo(then.stopExercises());
        }
      }
      for (Question q : PatientFacts.packaged().questions(p)) {
        if (q.isNotAsked()) {
          continue;
        }
        for (Reply r : RecordAnswers.choices(q)) {
          if (r == RecordAnswers.current(q)) {
            continue;
          }
          Assessment then = live.assess(RecordAnswers.with(p, q.getPath(), r));
          boolean changes = then.disposition() != now.disposition()
              || then.stopExercises() != now.stopExercises();
          assertThat(n.wouldChange().stream()
              .anyMatch(c -> c.path().equals(q.getPath()) && c.instead() == r))
              .as(p.id() + " " + q.getPath() + " " + r).isEqualTo(changes);
        }
      }
    }
  }

  @Test
  void everyQuestionOfTheRecordModelTakesEachOfItsReplies() {
    Patient empty = Patient.builder("all").build();
    for (Question q : PatientFacts.packaged().questions(empty)) {
      for (Reply r : RecordAnswers.choices(q)) {
        Patient p = RecordAnswers.with(empty, q.getPath(), r);
        assertThat(RecordAnswers.current(RecordAnswers.question(org.spinefoot.engine.PatientFacts.packaged(), p, q.getPath()).orElseThrow()))
            .as(q.getPath()).isEqualTo(r);
        assertThat(RecordAnswers.with(p, q.getPath(), Reply.UNKNOWN)).isEqualTo(empty);
      }
    }
    assertThatThrownBy(() -> RecordAnswers.with(empty, "signs.fever", Reply.LEFT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signs.fever");
    assertThatThrownBy(() -> RecordAnswers.with(empty, "signs.nope", Reply.YES))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signs.nope");
  }
}
