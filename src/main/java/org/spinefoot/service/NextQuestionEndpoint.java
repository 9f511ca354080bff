package org.spinefoot.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spinefoot.Assessment;
import org.spinefoot.fhir.FhirRecord;
import org.spinefoot.fhir.FhirRecordReader;
import org.spinefoot.fhir.QuestionnaireItem;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/**
 * SDC adaptive questioning ({@code POST /fhir/Questionnaire/$next-question}): the answers so far
 * in, the same response back with the next question added and the adaptive Questionnaire it
 * answers contained. Separate from the hook: it speaks FHIR SDC, not CDS Hooks, and answers with
 * a resource rather than cards.
 */
final class NextQuestionEndpoint {
  /** The contained adaptive Questionnaire of a {@code $next-question} response. */
  static final String ADAPTIVE_ID = "adaptive";
  /** SDC: marks a Questionnaire as adaptive. */
  static final String ADAPTIVE_EXTENSION =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-questionnaireAdaptive";
  static final String DISPOSITION_EXTENSION =
      "https://spinefoot.org/fhir/StructureDefinition/disposition";

  private final ServiceConfig config;
  private final RequestBody requestBody;
  private final WorkerPool pool;
  private final ServiceAudit audit;

  NextQuestionEndpoint(ServiceConfig config, RequestBody requestBody, WorkerPool pool,
      ServiceAudit audit) {
    this.config = config;
    this.requestBody = requestBody;
    this.pool = pool;
    this.audit = audit;
  }

  void answer(HttpExchange ex, Knowledge k, JwtVerifier.Caller caller) throws IOException {
    JsonNode input = requestBody.readJson(ex, "QuestionnaireResponse");
    byte[] body = pool.computing(() -> nextQuestion(k, caller, input));
    JsonResponses.send(ex, 200, JsonResponses.FHIR_JSON, body);
  }

  private byte[] nextQuestion(Knowledge k, JwtVerifier.Caller caller, JsonNode input)
      throws IOException {
    JsonNode qr = questionnaireResponse(input);
    FhirRecord record = FhirRecordReader.read(qr, null, LocalDate.now(config.clock),
        k.assessor().vocabulary());
    Assessment assessment = k.assessor().assess(record.patient());
    Set<String> asked = new LinkedHashSet<>(record.asked());
    List<String> next = config.nextQuestions.next(k.assessor(), record.patient(), assessment,
        asked, 1);
    ObjectNode out = qr.deepCopy();
    // SDC adaptive: the response answers its contained Questionnaire, which is an instance of
    // its own (no url or version of the published one) derived from the published Questionnaire.
    out.put("questionnaire", "#" + ADAPTIVE_ID);
    out.put("status", next.isEmpty() ? "completed" : "in-progress");
    out.put("authored", config.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    // The questions shown so far and the next ones, as the adaptive Questionnaire (SDC).
    ObjectNode contained = adaptiveQuestionnaire(k);
    ArrayNode qItems = contained.putArray("item");
    ArrayNode rItems = out.has("item") ? (ArrayNode) out.get("item") : out.putArray("item");
    Set<String> shown = new LinkedHashSet<>();
    rItems.forEach(i -> shown.add(i.path("linkId").asText()));
    Map<String, QuestionnaireItem> marked = new HashMap<>();
    SpinefootQuestionnaire.items(k.assessor().vocabulary())
        .forEach(i -> marked.put(i.linkId(), i));
    for (String linkId : shown) {
      qItems.add(SpinefootQuestionnaire.toFhir(marked.get(linkId)));
    }
    for (String linkId : next) {
      QuestionnaireItem item = marked.get(linkId);
      if (shown.add(linkId)) {
        qItems.add(SpinefootQuestionnaire.toFhir(item));
        rItems.addObject().put("linkId", linkId).put("text", item.text());
      }
    }
    ArrayNode containedArray = JsonNodeFactory.instance.arrayNode();
    containedArray.add(contained);
    for (JsonNode c : qr.path("contained")) {
      if (!ADAPTIVE_ID.equals(c.path("id").asText())) {
        containedArray.add(c);
      }
    }
    out.set("contained", containedArray);
    ArrayNode ext = JsonNodeFactory.instance.arrayNode();
    for (JsonNode e : qr.path("extension")) {
      if (!DISPOSITION_EXTENSION.equals(e.path("url").asText())) {
        ext.add(e);
      }
    }
    ext.addObject().put("url", DISPOSITION_EXTENSION)
        .put("valueCode", assessment.disposition().name());
    out.set("extension", ext);
    ObjectNode line = audit.line("next-question", caller, k.version());
    line.put("disposition", assessment.disposition().name());
    ArrayNode nextArray = line.putArray("next");
    next.forEach(nextArray::add);
    line.put("status", 200);
    audit.write(line);
    return JsonResponses.JSON.writeValueAsBytes(out);
  }

  /** The response sent: the body itself, or its parameter of the operation's Parameters. */
  private static JsonNode questionnaireResponse(JsonNode input) {
    if (!"Parameters".equals(input.path("resourceType").asText())) {
      return input;
    }
    JsonNode qr = null;
    for (JsonNode p : input.path("parameter")) {
      if ("questionnaire-response".equals(p.path("name").asText())) {
        qr = p.get("resource");
      }
    }
    if (qr == null) {
      throw new HttpError(400, "Parameters.parameter", "no parameter 'questionnaire-response'"
          + " with a resource");
    }
    return qr;
  }

  /** The adaptive Questionnaire's header, derived from the published one; items follow. */
  private static ObjectNode adaptiveQuestionnaire(Knowledge k) {
    ObjectNode contained = JsonNodeFactory.instance.objectNode();
    contained.put("resourceType", "Questionnaire");
    contained.put("id", ADAPTIVE_ID);
    contained.putArray("extension").addObject().put("url", ADAPTIVE_EXTENSION)
        .put("valueBoolean", true);
    contained.putArray("derivedFrom").add(SpinefootQuestionnaire.URL + "|"
        + k.version().questionnaireVersion());
    contained.put("title", "Back-related foot numbness and pain: the questions asked so far");
    contained.put("status", k.version().knowledge().status().code());
    contained.putArray("subjectType").add("Patient");
    return contained;
  }
}
