package org.spinefoot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Fixture;
import org.spinefoot.cli.Main;
import org.spinefoot.fhir.Fhir;
import org.spinefoot.fhir.QuestionnaireItem;
import org.spinefoot.fhir.R4Validator;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/**
 * Every FHIR resource the project emits, made through its real code paths (the command line,
 * the service over HTTP), passes the HL7 FHIR validator against the R4 definitions and their
 * invariants ({@link R4Validator}) with no error. Records of several shapes go through {@code
 * $next-question}: nothing answered, a red flag, every red flag denied, everything answered, and
 * the response the service returned, answered and sent back.
 */
class EmittedFhirValidationTest {
  static final String NEXT = "/fhir/Questionnaire/$next-question";
  @TempDir static Path dir;
  static ServiceFixture f;

  @BeforeAll
  static void start() {
    f = new ServiceFixture(dir, c -> c);
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  static void assertValid(String what, String json) {
    List<String> errors = R4Validator.get().errors(json);
    assertThat(errors).as(what + " has validation errors:\n" + String.join("\n", errors) + "\n"
        + json).isEmpty();
  }

  @Test
  void theQuestionnaireOfTheCommandLineValidates() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"questionnaire"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertValid("spinefoot questionnaire", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theQuestionnaireOfTheServiceValidates() {
    ServiceFixture.Reply q = f.get("/fhir/Questionnaire/" + SpinefootQuestionnaire.ID);
    assertThat(q.status()).isEqualTo(200);
    assertValid("GET /fhir/Questionnaire/spinefoot", q.body());
  }

  @Test
  void nextQuestionOnNothingAnsweredValidates() {
    ObjectNode empty = Fhir.response("qr-empty");
    empty.put("status", "in-progress");
    ServiceFixture.Reply r = next(empty);
    assertThat(r.json().path("status").asText()).isEqualTo("in-progress");
    assertValid("$next-question, nothing answered", r.body());

    // The client answers the question it was given and sends the response back as it came.
    ObjectNode answered = (ObjectNode) r.json().deepCopy();
    ObjectNode asked = (ObjectNode) answered.path("item").get(0);
    QuestionnaireItem item = SpinefootQuestionnaire.item(Fixture.assessor().vocabulary(),
        asked.path("linkId").asText());
    answerNo(asked, item);
    assertValid("$next-question, its own output answered and sent back", next(answered).body());
  }

  @Test
  void nextQuestionOnARedFlagValidates() {
    ObjectNode emergency = Fhir.yesNo(Fhir.response("qr-red"), "signs.bladderOrBowelControlLost",
        true);
    Fhir.unknown(emergency, "signs.fever");
    ServiceFixture.Reply r = next(emergency);
    assertThat(r.json().path("status").asText()).isEqualTo("completed");
    assertValid("$next-question, a red flag", r.body());
  }

  @Test
  void nextQuestionOnEveryRedFlagDeniedValidates() {
    // Sent the way SDC also allows: in Parameters.
    ObjectNode parameters = JsonNodeFactory.instance.objectNode();
    parameters.put("resourceType", "Parameters");
    parameters.withArray("parameter").addObject().put("name", "questionnaire-response")
        .set("resource", Fhir.redFlagsNo(Fhir.response("qr-no")));
    assertValid("$next-question, every red flag denied", next(parameters).body());
  }

  @Test
  void nextQuestionOnEverythingAnsweredValidates() {
    ObjectNode all = Fhir.response("qr-all");
    all.putObject("subject").put("reference", "Patient/p1");
    for (QuestionnaireItem item : SpinefootQuestionnaire.items(Fixture.assessor().vocabulary())) {
      answerNo(((com.fasterxml.jackson.databind.node.ArrayNode) all.get("item")).addObject()
          .put("linkId", item.linkId()), item);
    }
    ServiceFixture.Reply r = next(all);
    assertThat(r.json().path("status").asText()).isEqualTo("completed");
    assertValid("$next-question, everything answered", r.body());
  }

  @Test
  void theValidatorFindsABrokenInvariant() {
    // Shows the checks above can fail: the adaptive Questionnaire no longer referenced (dom-3)
    // and a group item without items (que-1).
    ObjectNode empty = Fhir.response("qr-broken");
    empty.put("status", "in-progress");
    ObjectNode out = (ObjectNode) next(empty).json();
    out.put("questionnaire", SpinefootQuestionnaire.URL);
    ((ObjectNode) out.path("contained").get(0).path("item").get(0)).put("type", "group")
        .remove("answerOption");
    List<String> errors = R4Validator.get().errors(out.toString());
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("dom-3"))
        .anySatisfy(e -> assertThat(e).contains("que-1"));
  }

  @Test
  void theValidatorChecksTheAnswersAgainstTheContainedQuestionnaire() {
    // Shows the response is read against the adaptive Questionnaire it names: a text answer to
    // a choice question is refused.
    ObjectNode empty = Fhir.response("qr-text");
    empty.put("status", "in-progress");
    ObjectNode out = (ObjectNode) next(empty).json();
    ((ObjectNode) out.path("item").get(0)).putArray("answer").addObject()
        .put("valueString", "perhaps");
    assertThat(R4Validator.get().errors(out.toString()))
        .anySatisfy(e -> assertThat(e).startsWith("QuestionnaireResponse.item[0].answer[0]")
            .contains("option"));
  }

  ServiceFixture.Reply next(JsonNode body) {
    ServiceFixture.Reply r = f.post(NEXT, f.token(NEXT), body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  /** Answers an item the least alarming way its type allows. */
  static void answerNo(ObjectNode responseItem, QuestionnaireItem item) {
    ObjectNode answer = responseItem.putArray("answer").addObject();
    switch (item.kind()) {
      case INTEGER -> answer.put("valueInteger", item.minValue());
      case SIDED -> answer.putObject("valueCoding")
          .put("system", SpinefootQuestionnaire.FELT_SYSTEM).put("code", "no");
      case YES_NO -> answer.putObject("valueCoding")
          .put("system", SpinefootQuestionnaire.YES_NO_SYSTEM).put("code", "N");
    }
  }
}
