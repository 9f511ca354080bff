package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spinefoot.engine.PatientFacts;

/** Changing one answer of a record, as a questionnaire does, and how a record prints. */
class PatientEditTest {
  private static final Patient MARIA = Patient.builder("maria").description("walks a lot")
      .age(54).durationDays(10).present(Sign.PAIN_RADIATES_DOWN_LEG).absent(Sign.FEVER)
      .numbness(Site.FOOT, Side.LEFT).noPain(Site.LOW_BACK).weakness(Site.LEG, Side.BOTH).build();

  @Test
  void toBuilderKeepsEverything() {
    assertThat(MARIA.toBuilder().build()).isEqualTo(MARIA);
    assertThat(MARIA.toBuilder().age(60).build().age()).isEqualTo(60);
    assertThat(MARIA.age()).isEqualTo(54);
  }

  @Test
  void withChangesOneAnswerAndLeavesTheRest() {
    Patient changed = MARIA.with(Sign.FEVER, Answer.PRESENT);
    assertThat(changed.answer(Sign.FEVER)).isEqualTo(Answer.PRESENT);
    assertThat(changed.withdraw("signs.fever").signs()).doesNotContainKey(Sign.FEVER);
    assertThat(changed.with(Sign.FEVER, Answer.ABSENT)).isEqualTo(MARIA);
    assertThat(MARIA.with(Sign.FEVER, Answer.NOT_ASKED)).isEqualTo(MARIA.withdraw("signs.fever"));
  }

  @Test
  void pathsNameEveryQuestionOfTheRecord() {
    for (org.spinefoot.engine.facts.Question q : PatientFacts.questions(MARIA)) {
      Patient yes = MARIA.with(q.getPath(), Answer.PRESENT);
      Patient back = yes.withdraw(q.getPath());
      assertThat(PatientFacts.questions(yes)).filteredOn(x -> x.getPath().equals(q.getPath()))
          .allMatch(x -> !x.isNotAsked());
      assertThat(PatientFacts.questions(back)).filteredOn(x -> x.getPath().equals(q.getPath()))
          .allMatch(org.spinefoot.engine.facts.Question::isNotAsked);
    }
  }

  @Test
  void withAFeltSetsTheSideAndWithdrawTakesAgeAndDurationBack() {
    Patient p = MARIA.with("numbness.foot", Felt.on(Side.RIGHT)).with("pain.lowBack", Felt.NO);
    assertThat(p.numbness().get(Site.FOOT)).isEqualTo(Felt.on(Side.RIGHT));
    assertThat(p.withdraw("numbness.foot").numbness()).doesNotContainKey(Site.FOOT);
    assertThat(p.withdraw("age").age()).isNull();
    assertThat(p.withdraw("durationDays").durationDays()).isNull();
  }

  @Test
  void aPathThatNamesNothingIsRefusedWithWhatIsAllowed() {
    assertThatThrownBy(() -> MARIA.with("signs.fevr", Answer.PRESENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fevr").hasMessageContaining("fever");
    assertThatThrownBy(() -> MARIA.withdraw("temperature"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signs.fever");
    assertThatThrownBy(() -> MARIA.with("signs.fever", Felt.on(Side.LEFT)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MARIA.with("pain.leg", Felt.on(Side.LEFT)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringShowsWhatWasAnswered() {
    assertThat(MARIA.toString()).isEqualTo("Patient[maria: age=54, durationDays=10, "
        + "signs={painRadiatesDownLeg=yes, fever=no}, numbness={foot=left}, pain={lowBack=no}, "
        + "weakness={leg=both}]");
    assertThat(Patient.builder(null).build().toString()).isEqualTo("Patient[no id: nothing answered]");
  }
}
