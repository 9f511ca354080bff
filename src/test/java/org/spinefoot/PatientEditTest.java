package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spinefoot.engine.PatientFacts;

/** Changing one answer of a record, as a questionnaire does, and how a record prints. */
class PatientEditTest {
  private static final Patient MARIA = Patient.builder("maria").description("walks a lot")
      .age(54).durationDays(10).present(Sign.of("painRadiatesDownLeg")).absent(Sign.of("fever"))
      .numbness(Site.of("foot"), Side.LEFT).noPain(Site.of("lowBack")).weakness(Site.of("leg"), Side.BOTH).build();

  @Test
  void toBuilderKeepsEverything() {
    assertThat(MARIA.toBuilder().build()).isEqualTo(MARIA);
    assertThat(MARIA.toBuilder().age(60).build().age()).isEqualTo(60);
    assertThat(MARIA.age()).isEqualTo(54);
  }

  @Test
  void withChangesOneAnswerAndLeavesTheRest() {
    Patient changed = MARIA.with(Sign.of("fever"), Answer.PRESENT);
    assertThat(changed.answer(Sign.of("fever"))).isEqualTo(Answer.PRESENT);
    assertThat(changed.withdraw("signs.fever").signs()).doesNotContainKey(Sign.of("fever"));
    assertThat(changed.with(Sign.of("fever"), Answer.ABSENT)).isEqualTo(MARIA);
    assertThat(MARIA.with(Sign.of("fever"), Answer.NOT_ASKED)).isEqualTo(MARIA.withdraw("signs.fever"));
  }

  @Test
  void pathsNameEveryQuestionOfTheRecord() {
    for (org.spinefoot.engine.facts.Question q : PatientFacts.packaged().questions(MARIA)) {
      Patient yes = MARIA.with(q.getPath(), Answer.PRESENT);
      Patient back = yes.withdraw(q.getPath());
      assertThat(PatientFacts.packaged().questions(yes)).filteredOn(x -> x.getPath().equals(q.getPath()))
          .allMatch(x -> !x.isNotAsked());
      assertThat(PatientFacts.packaged().questions(back)).filteredOn(x -> x.getPath().equals(q.getPath()))
          .allMatch(org.spinefoot.engine.facts.Question::isNotAsked);
    }
  }

  @Test
  void withAFeltSetsTheSideAndWithdrawTakesAgeAndDurationBack() {
    Patient p = MARIA.with("numbness.foot", Felt.on(Side.RIGHT)).with("pain.lowBack", Felt.NO);
    assertThat(p.numbness().get(Site.of("foot"))).isEqualTo(Felt.on(Side.RIGHT));
    assertThat(p.withdraw("numbness.foot").numbness()).doesNotContainKey(Site.of("foot"));
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
