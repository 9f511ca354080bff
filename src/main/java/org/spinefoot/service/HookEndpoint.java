package org.spinefoot.service;

import static org.spinefoot.service.RequestFields.checkFields;
import static org.spinefoot.service.RequestFields.optionalUrl;
import static org.spinefoot.service.RequestFields.requiredText;
import static org.spinefoot.service.RequestFields.textAt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.spinefoot.Assessment;
import org.spinefoot.fhir.FhirRecord;
import org.spinefoot.fhir.FhirRecordReader;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/**
 * The CDS hook ({@code POST /cds-services/spinefoot-triage}) and its discovery entry: checks the
 * CDS Hooks request, gets the patient's answers, assesses them and answers with cards. Its own
 * class because it is the one endpoint that maps a CDS Hooks request onto the FHIR record.
 */
final class HookEndpoint {
  private final ServiceConfig config;
  private final RequestBody requestBody;
  private final WorkerPool pool;
  private final Prefetch prefetch;
  private final IssuedCards issuedCards;
  private final ServiceAudit audit;

  HookEndpoint(ServiceConfig config, RequestBody requestBody, WorkerPool pool, Prefetch prefetch,
      IssuedCards issuedCards, ServiceAudit audit) {
    this.config = config;
    this.requestBody = requestBody;
    this.pool = pool;
    this.prefetch = prefetch;
    this.issuedCards = issuedCards;
    this.audit = audit;
  }

  /** The discovery document. */
  static ObjectNode discovery() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode s = root.putArray("services").addObject();
    s.put("hook", SpinefootService.HOOK);
    s.put("id", SpinefootService.SERVICE_ID);
    s.put("title", "spinefoot: back-related foot numbness and pain");
    s.put("description", "Triage of foot numbness and pain that may come from the back, from the "
        + "patient's answers to the spinefoot Questionnaire: red flags first (cauda equina, "
        + "stroke-like signs, trauma), then likely causes and what to do, each with its reasons.");
    ObjectNode prefetch = s.putObject("prefetch");
    prefetch.put("patient", "Patient/{{context.patientId}}");
    prefetch.put("questionnaireResponse", "QuestionnaireResponse?subject=Patient/"
        + "{{context.patientId}}&questionnaire=" + SpinefootQuestionnaire.URL
        + "&_sort=-authored&_count=1");
    s.put("usageRequirements", "Send the patient's latest QuestionnaireResponse to "
        + SpinefootQuestionnaire.URL + " (GET /fhir/Questionnaire/spinefoot).");
    return root;
  }

  void answer(HttpExchange ex, Knowledge k, JwtVerifier.Caller caller) throws IOException {
    JsonNode request = requestBody.readJson(ex, "request");
    checkFields(request, Set.of("hook", "hookInstance", "fhirServer", "fhirAuthorization",
        "context", "prefetch", "extension"), "");
    String hook = requiredText(request, "hook");
    if (!hook.equals(SpinefootService.HOOK)) {
      throw new HttpError(400, "hook", "'" + hook + "' is not served here; this service answers "
          + SpinefootService.HOOK);
    }
    String hookInstance = requiredText(request, "hookInstance");
    JsonNode context = request.get("context");
    if (context == null || !context.isObject()) {
      throw new HttpError(400, "context", "missing; expected an object with patientId");
    }
    String patientId = textAt(context, "patientId", "context.patientId");
    String fhirServer = optionalUrl(request, "fhirServer");
    String token = null;
    JsonNode auth = request.get("fhirAuthorization");
    if (auth != null && !auth.isNull()) {
      if (!auth.isObject()) {
        throw new HttpError(400, "fhirAuthorization", "expected an object");
      }
      token = textAt(auth, "access_token", "fhirAuthorization.access_token");
      String type = textAt(auth, "token_type", "fhirAuthorization.token_type");
      if (!type.equalsIgnoreCase("Bearer")) {
        throw new HttpError(400, "fhirAuthorization.token_type", "'" + type
            + "'; only Bearer is supported");
      }
    }
    Prefetch.Resources about = prefetch.resolve(request.get("prefetch"), fhirServer, token,
        patientId);
    HookAnswer answer = pool.computing(() -> cards(k, about, patientId, hookInstance));
    ObjectNode line = audit.line("hook", caller, k.version());
    line.put("hookInstance", hookInstance);
    line.put("hook", hook);
    if (config.auditPatientId) {
      line.put("patientId", patientId);
    }
    line.put("disposition", answer.disposition());
    line.set("cards", answer.uuids());
    line.put("status", 200);
    audit.write(line);
    JsonResponses.send(ex, 200, JsonResponses.JSON_TYPE, answer.body());
  }

  /** A hook call's answer: the response body, and for the audit the disposition and card uuids. */
  private record HookAnswer(byte[] body, String disposition, ArrayNode uuids) {}

  private HookAnswer cards(Knowledge k, Prefetch.Resources about, String patientId,
      String hookInstance) throws IOException {
    FhirRecord record = read(about.response(), about.patient(), patientId);
    Assessment assessment = k.assessor().assess(record.patient());
    List<ObjectNode> cards = CdsCards.cards(assessment, record, k.version(), hookInstance,
        k.topicsByRule(), config.cardLinks);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode cardArray = body.putArray("cards");
    ArrayNode uuids = JsonNodeFactory.instance.arrayNode();
    for (ObjectNode c : cards) {
      cardArray.add(c);
      uuids.add(c.get("uuid").asText());
      issuedCards.remember(c.get("uuid").asText(), hookInstance);
    }
    return new HookAnswer(JsonResponses.JSON.writeValueAsBytes(body),
        assessment.disposition().name(), uuids);
  }

  /** The record assessed: the patient's answers, none yet when there is no response. */
  private FhirRecord read(JsonNode response, JsonNode patient, String patientId) {
    LocalDate today = LocalDate.ofInstant(config.clock.instant(), ZoneOffset.UTC);
    JsonNode qr = response;
    if (qr == null) {
      ObjectNode empty = JsonNodeFactory.instance.objectNode();
      empty.put("resourceType", "QuestionnaireResponse");
      empty.put("questionnaire", SpinefootQuestionnaire.URL);
      empty.put("status", "in-progress");
      qr = empty;
    }
    JsonNode subject = qr.path("subject").path("reference");
    if (subject.isTextual() && !subject.asText().equals("Patient/" + patientId)) {
      throw new HttpError(400, "prefetch.questionnaireResponse.subject", "'" + subject.asText()
          + "' is not the patient in context (Patient/" + patientId + ")");
    }
    return FhirRecordReader.read(qr, patient, today);
  }
}
