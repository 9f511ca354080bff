package org.spinefoot.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.spinefoot.Fixture;

/**
 * What the project emits as FHIR is read by HAPI's strict R4 parser, which fails on unknown
 * elements, wrong types, bad primitives and wrong choice types, instead of hand-written checks.
 * The HL7 validator with the R4 invariants checks every emitted resource as well: {@link
 * R4Validator}, in {@code service.EmittedFhirValidationTest}.
 */
class FhirValidationTest {
  static final FhirContext CTX = FhirContext.forR4();

  static IBaseResource strict(String json) {
    return CTX.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
        .parseResource(json);
  }

  @Test
  void thePublishedQuestionnaireParsesStrictlyAsR4() {
    String json = SpinefootQuestionnaire.toFhir(
        RuleSetVersion.of(Fixture.assessor()), Fixture.assessor().vocabulary()).toString();
    org.hl7.fhir.r4.model.Questionnaire q = (org.hl7.fhir.r4.model.Questionnaire) strict(json);
    // Every question survives the parse: none was dropped as unknown content.
    assertThat(q.getItem()).hasSize(
        SpinefootQuestionnaire.items(Fixture.assessor().vocabulary()).size());
  }

  @Test
  void theStrictParserRejectsAnUnknownElement() {
    // Shows the check above can fail.
    assertThatThrownBy(() -> strict(
        "{\"resourceType\":\"Questionnaire\",\"status\":\"active\",\"colour\":\"red\"}"))
        .isInstanceOf(DataFormatException.class);
  }
}
