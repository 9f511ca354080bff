package org.spinefoot.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.spinefoot.Answer;
import org.spinefoot.Felt;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.Side;
import org.spinefoot.Sign;
import org.spinefoot.Site;

/** QuestionnaireResponse + Patient to record: three-valued, strict, errors naming the field. */
class FhirRecordReaderTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  @Test
  void answersBecomeTheRecordAndLeftOutOrUnknownStayNotAsked() {
    ObjectNode qr = Fhir.response("qr-1");
    Fhir.yesNo(qr, "signs.fever", true);
    Fhir.yesNo(qr, "signs.diabetes", false);
    Fhir.felt(qr, "numbness.foot", "left");
    Fhir.felt(qr, "pain.lowBack", "yes");
    Fhir.felt(qr, "pain.neck", "no");
    Fhir.unknown(qr, "signs.slurredSpeech");
    qr.withArray("item").addObject().put("linkId", "signs.visionChange"); // shown, not answered
    FhirRecord r = FhirRecordReader.read(qr, Fhir.patient("p", "1970-12-02"), TODAY);
    Patient p = r.patient();
    assertThat(p.id()).isEqualTo("qr-1");
    assertThat(p.answer(Sign.of("fever"))).isEqualTo(Answer.PRESENT);
    assertThat(p.answer(Sign.of("diabetes"))).isEqualTo(Answer.ABSENT);
    assertThat(p.answer(Sign.of("slurredSpeech"))).isEqualTo(Answer.NOT_ASKED);
    assertThat(p.answer(Sign.of("visionChange"))).isEqualTo(Answer.NOT_ASKED);
    assertThat(p.answer(Sign.of("bladderOrBowelControlLost"))).isEqualTo(Answer.NOT_ASKED);
    assertThat(p.numbness().get(Site.of("foot"))).isEqualTo(Felt.on(Side.LEFT));
    assertThat(p.pain().get(Site.of("lowBack"))).isEqualTo(Felt.on(Side.UNSPECIFIED));
    assertThat(p.pain().get(Site.of("neck"))).isEqualTo(Felt.NO);
    assertThat(p.age()).isEqualTo(55); // birthday tomorrow
    assertThat(r.askedUnknown()).containsExactly("signs.slurredSpeech");
    assertThat(r.asked()).contains("signs.fever", "signs.slurredSpeech")
        .doesNotContain("signs.visionChange");
  }

  @Test
  void aPartialOrMissingBirthDateLeavesTheAgeUnknown() {
    assertThat(FhirRecordReader.read(Fhir.response(null), Fhir.patient("p", "1970"), TODAY)
        .patient().age()).isNull();
    assertThat(FhirRecordReader.read(Fhir.response(null), Fhir.patient("p", null), TODAY)
        .patient().age()).isNull();
    assertThat(FhirRecordReader.read(Fhir.response(null), null, TODAY).patient().age()).isNull();
  }

  @Test
  void anUnknownLinkIdIsAnErrorNamingIt() {
    ObjectNode qr = Fhir.yesNo(Fhir.response(null), "signs.bladerLoss", true);
    assertThatThrownBy(() -> FhirRecordReader.read(qr, null, TODAY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("item[0]").hasMessageContaining("linkId")
        .hasMessageContaining("'signs.bladerLoss' is not a question");
  }

  @Test
  void aWrongAnswerTypeIsAnError() {
    ObjectNode qr = Fhir.response(null);
    qr.withArray("item").addObject().put("linkId", "signs.fever").putArray("answer").addObject()
        .put("valueBoolean", true);
    assertThatThrownBy(() -> FhirRecordReader.read(qr, null, TODAY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("valueBoolean").hasMessageContaining("expected valueCoding");
  }

  @Test
  void aCodeOutsideTheOptionsIsAnErrorListingThem() {
    ObjectNode qr = Fhir.felt(Fhir.response(null), "signs.fever", "left");
    assertThatThrownBy(() -> FhirRecordReader.read(qr, null, TODAY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not an answer to 'signs.fever'")
        .hasMessageContaining("|Y");
  }

  @Test
  void aResponseToAnotherQuestionnaireIsAnError() {
    ObjectNode qr = Fhir.response(null);
    qr.put("questionnaire", "http://example.org/Questionnaire/phq-9");
    assertThatThrownBy(() -> FhirRecordReader.read(qr, null, TODAY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("questionnaire").hasMessageContaining("another questionnaire");
    qr.put("questionnaire", SpinefootQuestionnaire.URL + "|0.0.1");
    assertThat(FhirRecordReader.read(qr, null, TODAY).patient()).isNotNull();
  }

  @Test
  void anAdaptiveResponseAnswersTheContainedQuestionnaireDerivedFromOurs() {
    ObjectNode adaptive = Fhir.yesNo(Fhir.response(null), "signs.fever", true);
    adaptive.put("questionnaire", "#adaptive");
    ObjectNode contained = adaptive.putArray("contained").addObject();
    contained.put("resourceType", "Questionnaire").put("id", "adaptive");
    contained.putArray("derivedFrom").add(SpinefootQuestionnaire.URL + "|3.0.0+abc");
    assertThat(FhirRecordReader.read(adaptive, null, TODAY).patient()
        .answer(org.spinefoot.Sign.of("fever"))).isEqualTo(org.spinefoot.Answer.PRESENT);

    contained.putArray("derivedFrom").add("http://example.org/Questionnaire/other");
    assertThatThrownBy(() -> FhirRecordReader.read(adaptive, null, TODAY))
        .hasMessageContaining("another questionnaire");
    adaptive.put("questionnaire", "#elsewhere");
    assertThatThrownBy(() -> FhirRecordReader.read(adaptive, null, TODAY))
        .hasMessageContaining("'#elsewhere' names no contained Questionnaire");
  }

  @Test
  void strictStructure() {
    ObjectNode dup = Fhir.yesNo(Fhir.yesNo(Fhir.response(null), "signs.fever", true),
        "signs.fever", false);
    assertThatThrownBy(() -> FhirRecordReader.read(dup, null, TODAY))
        .hasMessageContaining("answered twice");
    ObjectNode modifier = Fhir.response(null);
    modifier.putArray("modifierExtension").addObject().put("url", "x");
    assertThatThrownBy(() -> FhirRecordReader.read(modifier, null, TODAY))
        .hasMessageContaining("modifierExtension");
    ObjectNode typo = Fhir.response(null);
    typo.put("stauts", "completed");
    assertThatThrownBy(() -> FhirRecordReader.read(typo, null, TODAY))
        .hasMessageContaining("stauts").hasMessageContaining("unknown field");
    ObjectNode wrongType = Fhir.response(null);
    wrongType.put("resourceType", "Observation");
    assertThatThrownBy(() -> FhirRecordReader.read(wrongType, null, TODAY))
        .hasMessageContaining("resourceType").hasMessageContaining("expected QuestionnaireResponse");
    ObjectNode twoAnswers = Fhir.yesNo(Fhir.response(null), "signs.fever", true);
    ((ObjectNode) twoAnswers.withArray("item").get(0)).withArray("answer").addObject();
    assertThatThrownBy(() -> FhirRecordReader.read(twoAnswers, null, TODAY))
        .hasMessageContaining("takes one answer");
    assertThatThrownBy(() -> FhirRecordReader.parse("{\"a\":1,\"a\":2}", "body"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void numbersAreCheckedAndMustAgreeWithTheBirthDate() {
    ObjectNode qr = Fhir.response(null);
    qr.withArray("item").addObject().put("linkId", "durationDays").putArray("answer").addObject()
        .put("valueInteger", 40_000);
    assertThatThrownBy(() -> FhirRecordReader.read(qr, null, TODAY))
        .hasMessageContaining("out of range").hasMessageContaining("durationDays");
    ObjectNode aged = Fhir.response(null);
    aged.withArray("item").addObject().put("linkId", "age").putArray("answer").addObject()
        .put("valueInteger", 30);
    assertThatThrownBy(() -> FhirRecordReader.read(aged, Fhir.patient("p", "1950-01-01"), TODAY))
        .hasMessageContaining("Patient.birthDate gives 76");
    assertThatThrownBy(() -> FhirRecordReader.read(Fhir.response(null),
        Fhir.patient("p", "2030-01-01"), TODAY)).hasMessageContaining("birthDate")
        .hasMessageContaining("future");
  }
}
