package org.spinefoot.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spinefoot.Answer;
import org.spinefoot.Patient;
import org.spinefoot.Sign;
import org.spinefoot.Site;

/**
 * Records written for revision 1 of the knowledge stay valid: every site they could name for
 * numbness and for pain still reads, and a question they leave out (the face, weakness by site,
 * the side pain runs down) is "not asked".
 */
class RecordCompatibilityTest {
  private static final String REVISION_1_RECORD = """
      signs: {painRadiatesDownLeg: yes, weaknessOrParalysis: no}
      numbness: {foot: left, toes: no, bigToe: no, lowerLeg: no, thigh: no, buttock: no,
                 saddle: no, hand: no, arm: no}
      pain: {foot: no, toes: no, bigToe: no, lowerLeg: right, thigh: no, buttock: no, saddle: no,
             hand: no, arm: no, lowBack: yes, neck: no, forearm: no, fingers: no, pelvicFloor: no}
      """;

  @Test
  void aRevisionOneRecordStillReads() {
    Patient p = PatientReader.parse(StrictJson.yaml(), REVISION_1_RECORD, "revision-1.yaml");
    assertThat(p.answer(Sign.of("painRadiatesDownLeg"))).isEqualTo(Answer.PRESENT);
    assertThat(p.pain()).hasSize(14);
    assertThat(p.numbness()).hasSize(9);
    assertThat(p.weakness()).isEmpty();
    assertThat(p.numbness()).doesNotContainKey(Site.of("face"));
  }
}
