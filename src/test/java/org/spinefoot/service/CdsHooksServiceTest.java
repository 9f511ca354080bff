package org.spinefoot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.fhir.Fhir;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/** The CDS Hooks service, driven over loopback HTTP as an EHR would drive it. */
class CdsHooksServiceTest {
  static final String HOOK_PATH = "/cds-services/" + SpinefootService.SERVICE_ID;
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

  static ObjectNode hookRequest(String hookInstance, ObjectNode patient, JsonNode responses) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("hook", "patient-view");
    r.put("hookInstance", hookInstance);
    r.putObject("context").put("userId", "Practitioner/7").put("patientId", "p1");
    ObjectNode prefetch = r.putObject("prefetch");
    if (patient != null) {
      prefetch.set("patient", patient);
    }
    if (responses != null) {
      prefetch.set("questionnaireResponse", responses);
    }
    return r;
  }

  static ObjectNode bundle(ObjectNode... responses) {
    ObjectNode b = JsonNodeFactory.instance.objectNode();
    b.put("resourceType", "Bundle");
    b.put("type", "searchset");
    for (ObjectNode qr : responses) {
      b.withArray("entry").addObject().set("resource", qr);
    }
    return b;
  }

  static ObjectNode emergencyResponse() {
    ObjectNode qr = Fhir.response("qr-e");
    qr.putObject("subject").put("reference", "Patient/p1");
    Fhir.yesNo(qr, "signs.bladderOrBowelControlLost", true);
    Fhir.unknown(qr, "signs.fever");
    return qr;
  }

  ServiceFixture.Reply hook(ObjectNode request) {
    return f.post(HOOK_PATH, f.token(HOOK_PATH), request);
  }

  @Test
  void healthAndDiscovery() {
    ServiceFixture.Reply health = f.get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("ready");
    assertThat(health.raw().headers().firstValue("Server-Timing").orElse("")).startsWith("app;dur=");
    assertThat(health.json().path("ruleset").path("contentHash").asText()).hasSize(64);
    JsonNode service = f.get("/cds-services").json().path("services").get(0);
    assertThat(service.path("id").asText()).isEqualTo(SpinefootService.SERVICE_ID);
    assertThat(service.path("hook").asText()).isEqualTo("patient-view");
    assertThat(service.path("title").asText()).isNotBlank();
    assertThat(service.path("description").asText()).isNotBlank();
    assertThat(service.path("prefetch").path("patient").asText())
        .isEqualTo("Patient/{{context.patientId}}");
    assertThat(service.path("prefetch").path("questionnaireResponse").asText())
        .startsWith("QuestionnaireResponse?subject=Patient/{{context.patientId}}")
        .contains(SpinefootQuestionnaire.URL).contains("_sort=-authored");
  }

  @Test
  void theQuestionnaireIsServedVersionedWithTheRules() {
    ServiceFixture.Reply q = f.get("/fhir/Questionnaire/spinefoot");
    assertThat(q.status()).isEqualTo(200);
    assertThat(q.raw().headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/fhir+json");
    String hash = f.get("/health").json().path("ruleset").path("contentHash").asText();
    assertThat(q.json().path("version").asText()).endsWith("+" + hash.substring(0, 12));
  }

  @Test
  void aHookCallWithPrefetchGetsACriticalCardPerEmergencyFindingAndAnAskNextCard() {
    String instance = UUID.randomUUID().toString();
    ServiceFixture.Reply r = hook(hookRequest(instance, Fhir.patient("p1", "1970-01-01"),
        bundle(emergencyResponse())));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> cards = new ArrayList<>();
    r.json().path("cards").forEach(cards::add);
    assertThat(cards).hasSize(2);
    JsonNode emergency = cards.get(0);
    assertThat(emergency.path("indicator").asText()).isEqualTo("critical");
    assertThat(emergency.path("summary").asText()).contains("Probe emergency").hasSizeLessThan(140);
    assertThat(emergency.path("detail").asText()).contains("call emergency services now")
        .contains("loss of bladder or bowel control")
        .contains("**Also found**"); // the lower finding for the unasked red flags
    assertThat(emergency.path("source").path("label").asText()).contains("spinefoot");
    assertThat(emergency.path("source").path("topic").path("code").asText()).isEqualTo("probe");
    assertThat(emergency.path("overrideReasons")).isNotEmpty();
    JsonNode askNext = cards.get(1);
    assertThat(askNext.path("indicator").asText()).isEqualTo("warning");
    assertThat(askNext.path("summary").asText()).startsWith("Ask ").contains("red-flag question");
    assertThat(askNext.path("detail").asText()).contains("`signs.fever`")
        .contains("asked: not known").contains("`signs.unexplainedWeightLoss`")
        .doesNotContain("`signs.bladderOrBowelControlLost`");

    // The same call gets the same uuids; another hook instance gets others.
    ServiceFixture.Reply again = hook(hookRequest(instance, Fhir.patient("p1", "1970-01-01"),
        bundle(emergencyResponse())));
    assertThat(again.json().path("cards").get(0).path("uuid").asText())
        .isEqualTo(emergency.path("uuid").asText());
    ServiceFixture.Reply other = hook(hookRequest(UUID.randomUUID().toString(),
        Fhir.patient("p1", "1970-01-01"), bundle(emergencyResponse())));
    assertThat(other.json().path("cards").get(0).path("uuid").asText())
        .isNotEqualTo(emergency.path("uuid").asText());
  }

  @Test
  void everyRedFlagAnsweredGivesNoAskNextCardAndUrgentIsAWarning() {
    ObjectNode qr = Fhir.redFlagsNo(Fhir.response("qr-u"), "signs.fever", "numbness.foot");
    Fhir.yesNo(qr, "signs.fever", true);
    Fhir.felt(qr, "numbness.foot", "right");
    ServiceFixture.Reply r = hook(hookRequest(UUID.randomUUID().toString(),
        Fhir.patient("p1", null), qr));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode cards = r.json().path("cards");
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).path("indicator").asText()).isEqualTo("warning");
    assertThat(cards.get(0).path("summary").asText()).contains("Probe urgent");
  }

  @Test
  void noResponseYetMeansNothingAskedNeverSelfCare() {
    ServiceFixture.Reply r = hook(hookRequest(UUID.randomUUID().toString(),
        Fhir.patient("p1", null), bundle()));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode cards = r.json().path("cards");
    assertThat(cards.findValuesAsText("summary")).noneMatch(t -> t.contains("self-care"));
    assertThat(cards.get(cards.size() - 1).path("summary").asText()).startsWith("Ask ");
    assertThat(cards.get(cards.size() - 1).path("detail").asText())
        .contains("`signs.bladderOrBowelControlLost`");
  }

  /**
   * A FHIR server on loopback answering GETs under /fhir with what {@code answer} gives for the
   * path (404 for null), each request noted in {@code seen} as "URI Authorization".
   */
  static HttpServer fakeFhirServer(List<String> seen,
      java.util.function.Function<String, JsonNode> answer) throws java.io.IOException {
    HttpServer fhir = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fhir.createContext("/fhir", ex -> {
      seen.add(ex.getRequestURI().toString() + " " + ex.getRequestHeaders().getFirst("Authorization"));
      JsonNode body = answer.apply(ex.getRequestURI().getPath());
      byte[] bytes = body == null ? new byte[0]
          : ServiceFixture.JSON.writeValueAsBytes(body);
      ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    fhir.start();
    return fhir;
  }

  /** The request with this FHIR server and an access token for it, as an EHR sends them. */
  static ObjectNode withFhirServer(ObjectNode request, HttpServer fhir, String accessToken) {
    request.put("fhirServer", "http://127.0.0.1:" + fhir.getAddress().getPort() + "/fhir");
    request.putObject("fhirAuthorization").put("access_token", accessToken)
        .put("token_type", "Bearer").put("expires_in", 300).put("scope", "patient/*.read")
        .put("subject", "spinefoot");
    return request;
  }

  @Test
  void missingPrefetchIsFetchedFromTheFhirServerWithTheGivenToken() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer fhir = fakeFhirServer(seen, path -> path.endsWith("/Patient/p1")
        ? Fhir.patient("p1", "1980-05-05")
        : path.endsWith("/QuestionnaireResponse") ? bundle(emergencyResponse()) : null);
    try {
      ObjectNode request = withFhirServer(hookRequest(UUID.randomUUID().toString(), null, null),
          fhir, "ehr-token-42");
      ServiceFixture.Reply r = hook(request);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().path("cards").get(0).path("indicator").asText()).isEqualTo("critical");
      assertThat(seen).hasSize(2).allMatch(s -> s.endsWith(" Bearer ehr-token-42"));
      assertThat(seen).anyMatch(s -> s.startsWith("/fhir/QuestionnaireResponse?subject=Patient%2Fp1"));

      ObjectNode unknownPatient = hookRequest(UUID.randomUUID().toString(), null, null);
      unknownPatient.put("fhirServer", request.get("fhirServer").asText());
      ((ObjectNode) unknownPatient.get("context")).put("patientId", "nobody");
      ServiceFixture.Reply missing = hook(unknownPatient);
      assertThat(missing.status()).isEqualTo(412);
      assertThat(missing.json().path("field").asText()).isEqualTo("prefetch.patient");
    } finally {
      fhir.stop(0);
    }
  }

  @Test
  void missingPrefetchWithoutAFhirServerIsPreconditionFailed() {
    ServiceFixture.Reply r = hook(hookRequest(UUID.randomUUID().toString(),
        Fhir.patient("p1", null), null));
    assertThat(r.status()).isEqualTo(412);
    assertThat(r.json().path("field").asText()).isEqualTo("prefetch.questionnaireResponse");
    assertThat(r.json().path("error").asText()).contains("not prefetched")
        .contains("no fhirServer");
  }

  @Test
  void aNullQuestionnaireResponseMeansNothingAskedYetAndTheCardSaysWhatToAsk() {
    ObjectNode request = hookRequest(UUID.randomUUID().toString(), Fhir.patient("p1", null),
        null);
    ((ObjectNode) request.get("prefetch")).putNull("questionnaireResponse");
    ServiceFixture.Reply r = hook(request);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode cards = r.json().path("cards");
    assertThat(cards.findValuesAsText("summary")).noneMatch(t -> t.contains("self-care"));
    JsonNode ask = cards.get(cards.size() - 1);
    assertThat(ask.path("summary").asText()).startsWith("Ask ").contains("red-flag question");
    assertThat(ask.path("detail").asText()).contains("`signs.bladderOrBowelControlLost`")
        .contains("`signs.fever`");
  }

  static ObjectNode operationOutcome() {
    ObjectNode oo = JsonNodeFactory.instance.objectNode();
    oo.put("resourceType", "OperationOutcome");
    oo.withArray("issue").addObject().put("severity", "error").put("code", "timeout")
        .put("diagnostics", "the prefetch query timed out");
    return oo;
  }

  @Test
  void aFailedPrefetchIsFetchedFromTheFhirServerOrSaidToBeMissing() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer fhir = fakeFhirServer(seen, path -> bundle(emergencyResponse()));
    try {
      ObjectNode request = withFhirServer(hookRequest(UUID.randomUUID().toString(),
          Fhir.patient("p1", "1980-05-05"), operationOutcome()), fhir, "ehr-token-7");
      ServiceFixture.Reply r = hook(request);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().path("cards").get(0).path("indicator").asText()).isEqualTo("critical");
      assertThat(seen).singleElement().asString().startsWith("/fhir/QuestionnaireResponse?")
          .endsWith(" Bearer ehr-token-7");
    } finally {
      fhir.stop(0);
    }

    ObjectNode noServer = hookRequest(UUID.randomUUID().toString(), operationOutcome(),
        bundle(emergencyResponse()));
    ServiceFixture.Reply missing = hook(noServer);
    assertThat(missing.status()).isEqualTo(412);
    assertThat(missing.json().path("field").asText()).isEqualTo("prefetch.patient");
    assertThat(missing.json().path("error").asText()).contains("prefetch failed")
        .contains("OperationOutcome").contains("no fhirServer");
  }

  @Test
  void feedbackOnIssuedCardsIsStoredAndAudited() throws Exception {
    ServiceFixture.Reply r = hook(hookRequest(UUID.randomUUID().toString(),
        Fhir.patient("p1", null), bundle(emergencyResponse())));
    String card = r.json().path("cards").get(0).path("uuid").asText();
    String askNext = r.json().path("cards").get(1).path("uuid").asText();
    ObjectNode fb = JsonNodeFactory.instance.objectNode();
    fb.withArray("feedback").addObject().put("card", card).put("outcome", "overridden")
        .put("outcomeTimestamp", "2026-12-01T10:00:00Z");
    ObjectNode overridden = fb.withArray("feedback").addObject().put("card", askNext)
        .put("outcome", "overridden").put("outcomeTimestamp", "2026-12-01T10:00:01Z");
    overridden.putObject("overrideReason").putObject("reason")
        .put("system", CdsCards.OVERRIDE_SYSTEM).put("code", "already-addressed");
    String path = HOOK_PATH + "/feedback";
    ServiceFixture.Reply stored = f.post(path, f.token(path), fb);
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(f.service.feedback()).anySatisfy(s -> {
      assertThat(s.path("card").asText()).isEqualTo(askNext);
      assertThat(s.path("outcome").asText()).isEqualTo("overridden");
      assertThat(s.path("overrideReason").asText()).isEqualTo("already-addressed");
    });
    assertThat(Files.readString(f.auditLog)).contains("\"event\":\"feedback\"")
        .contains(askNext);

    ObjectNode unknown = JsonNodeFactory.instance.objectNode();
    unknown.withArray("feedback").addObject().put("card", UUID.randomUUID().toString())
        .put("outcome", "accepted").put("outcomeTimestamp", "2026-12-01T10:00:00Z");
    ServiceFixture.Reply refused = f.post(path, f.token(path), unknown);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("field").asText()).isEqualTo("feedback[0].card");

    // CDS Hooks 2.0: "accepted" names the suggestions taken; these cards offer none.
    ObjectNode acceptedFeedback = JsonNodeFactory.instance.objectNode();
    acceptedFeedback.withArray("feedback").addObject().put("card", card).put("outcome", "accepted")
        .put("outcomeTimestamp", "2026-12-01T10:00:00Z").putArray("acceptedSuggestions")
        .addObject().put("id", UUID.randomUUID().toString());
    ServiceFixture.Reply noSuggestions = f.post(path, f.token(path), acceptedFeedback);
    assertThat(noSuggestions.status()).isEqualTo(400);
    assertThat(noSuggestions.json().path("field").asText()).isEqualTo("feedback[0].outcome");
    assertThat(noSuggestions.json().path("error").asText()).contains("offer none")
        .contains("allowed: overridden");
  }

  @Test
  void theAuditLogRecordsEachCallWithoutPatientData() throws Exception {
    String instance = UUID.randomUUID().toString();
    hook(hookRequest(instance, Fhir.patient("p1", "1970-01-01"), bundle(emergencyResponse())));
    String line = Files.readAllLines(f.auditLog, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains(instance)).findFirst().orElseThrow();
    JsonNode entry = ServiceFixture.JSON.readTree(line);
    assertThat(entry.path("event").asText()).isEqualTo("hook");
    assertThat(entry.path("issuer").asText()).isEqualTo(ServiceFixture.ISSUER);
    assertThat(entry.path("disposition").asText()).isEqualTo("EMERGENCY");
    assertThat(entry.path("ruleset").path("contentHash").asText()).hasSize(64);
    assertThat(entry.path("cards")).hasSize(2);
    assertThat(entry.path("time").asText()).isNotBlank();
    assertThat(line).doesNotContain("p1").doesNotContain("1970");
  }

  @Test
  void nextQuestionAsksRedFlagsFirstAndCompletesWhenSettled() {
    String path = "/fhir/Questionnaire/$next-question";
    ObjectNode empty = Fhir.response("qr-n");
    empty.put("status", "in-progress");
    ServiceFixture.Reply first = f.post(path, f.token(path), empty);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    JsonNode out = first.json();
    assertThat(out.path("status").asText()).isEqualTo("in-progress");
    String asked = out.path("item").get(0).path("linkId").asText();
    assertThat(org.spinefoot.Fixture.assessor().redFlagQuestions()).contains(asked);
    assertThat(out.path("contained").get(0).path("item").get(0).path("linkId").asText())
        .isEqualTo(asked);
    // SDC adaptive: the response answers its own contained Questionnaire, derived from the
    // published one, and says when it was authored.
    JsonNode adaptive = out.path("contained").get(0);
    assertThat(out.path("questionnaire").asText()).isEqualTo("#" + adaptive.path("id").asText());
    assertThat(adaptive.has("url")).as("not the published Questionnaire's identity").isFalse();
    assertThat(adaptive.has("version")).isFalse();
    assertThat(adaptive.path("derivedFrom").get(0).asText())
        .startsWith(SpinefootQuestionnaire.URL + "|");
    assertThat(adaptive.at("/extension/0/url").asText())
        .isEqualTo(NextQuestionEndpoint.ADAPTIVE_EXTENSION);
    assertThat(adaptive.at("/extension/0/valueBoolean").asBoolean()).isTrue();
    assertThat(java.time.Instant.parse(out.path("authored").asText())).isNotNull();

    // The client answers and sends the response back as it came: it still reads.
    ObjectNode answered = (ObjectNode) out.deepCopy();
    boolean yesNo = asked.startsWith("signs.");
    ((ObjectNode) answered.path("item").get(0)).putArray("answer").addObject()
        .putObject("valueCoding").put("system", yesNo ? SpinefootQuestionnaire.YES_NO_SYSTEM
            : SpinefootQuestionnaire.FELT_SYSTEM).put("code", yesNo ? "N" : "no");
    ServiceFixture.Reply again = f.post(path, f.token(path), answered);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("item").size()).isGreaterThan(1);

    // Every red flag answered no: no red-flag question is asked again; either another question
    // could still change the outcome, or the record is settled and the response completed.
    ObjectNode allNo = Fhir.redFlagsNo(Fhir.response("qr-n"));
    JsonNode second = f.post(path, f.token(path), allNo).json();
    if (!second.path("status").asText().equals("completed")) {
      String next = second.path("item").get(second.path("item").size() - 1).path("linkId").asText();
      assertThat(org.spinefoot.Fixture.assessor().redFlagQuestions()).doesNotContain(next);
    }

    // An emergency is settled: completed, nothing appended.
    ObjectNode emergency = Fhir.yesNo(Fhir.response("qr-n"), "signs.bladderOrBowelControlLost", true);
    ObjectNode parameters = JsonNodeFactory.instance.objectNode();
    parameters.put("resourceType", "Parameters");
    parameters.withArray("parameter").addObject().put("name", "questionnaire-response")
        .set("resource", emergency);
    JsonNode done = f.post(path, f.token(path), parameters).json();
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(done.path("item")).hasSize(1);
    assertThat(done.path("extension").get(0).path("valueCode").asText()).isEqualTo("EMERGENCY");
  }

  @Test
  void badTokensAreRefusedAndTheServiceKeepsServing() throws Exception {
    ObjectNode request = hookRequest(UUID.randomUUID().toString(), Fhir.patient("p1", null),
        bundle(emergencyResponse()));
    Instant now = Instant.now();
    JWTClaimsSet good = new JWTClaimsSet.Builder().issuer(ServiceFixture.ISSUER).subject("c")
        .audience(f.base + HOOK_PATH).issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), good);
    hmac.sign(new MACSigner("0123456789abcdef0123456789abcdef0123456789abcdef"));
    String replayed = f.token(HOOK_PATH);
    assertThat(f.post(HOOK_PATH, replayed, request).status()).isEqualTo(200);
    String tampered = f.token(HOOK_PATH);
    tampered = tampered.substring(0, tampered.length() - 4)
        + (tampered.endsWith("AAAA") ? "BBBB" : "AAAA");
    String[][] cases = {
        {null, "missing"},
        {"not-a-jwt", "not a JWT"},
        {new PlainJWT(good).serialize(), "alg none"},
        {hmac.serialize(), "HMAC"},
        {f.token(HOOK_PATH, b -> b.issuer("https://evil.test")), "not a trusted issuer"},
        {f.token(HOOK_PATH, b -> b.audience("https://other.test/cds-services/x")), "aud"},
        {f.token(HOOK_PATH, b -> b.expirationTime(Date.from(now.minusSeconds(600)))), "xpired"},
        {f.token(HOOK_PATH, b -> b.jwtID(null)), "jti"},
        {f.token(HOOK_PATH, b -> b.issueTime(null)), "iat"},
        {replayed, "replay"},
        {tampered, "ignature"},
        {ServiceFixture.sign(good, new RSAKeyGenerator(2048).keyID("k1").generate()), "ignature"},
        {ServiceFixture.signWithoutKid(good, f.key), "kid missing"},
        {ServiceFixture.sign(good, f.key, null), "typ missing"},
        {ServiceFixture.sign(good, f.key, new com.nimbusds.jose.JOSEObjectType("at+jwt")),
            "typ 'at+jwt'"},
    };
    for (String[] c : cases) {
      ServiceFixture.Reply r = f.post(HOOK_PATH, c[0], request);
      assertThat(r.status()).as(c[1] + ": " + r.body()).isEqualTo(401);
      assertThat(r.raw().headers().firstValue("WWW-Authenticate").orElse(""))
          .startsWith("Bearer");
      // The caller learns only that the token was refused; the audit log says why.
      assertThat(r.json().path("field").asText()).isEqualTo("Authorization");
      assertThat(r.json().path("error").asText()).isEqualTo("the bearer token was not accepted");
      JsonNode rejected = lastAuditLine();
      assertThat(rejected.path("event").asText()).isEqualTo("rejected");
      assertThat(rejected.path("reason").asText()).as(c[1]).containsIgnoringCase(c[1]);
    }
    assertThat(hook(request).status()).isEqualTo(200);
  }

  static JsonNode lastAuditLine() throws java.io.IOException {
    List<String> lines = Files.readAllLines(f.auditLog, StandardCharsets.UTF_8);
    return ServiceFixture.JSON.readTree(lines.get(lines.size() - 1));
  }

  @Test
  void aTokenWithoutSubIsAcceptedAndTenantAndSubAreAudited() throws Exception {
    ObjectNode request = hookRequest(UUID.randomUUID().toString(), Fhir.patient("p1", null),
        bundle(emergencyResponse()));
    ServiceFixture.Reply noSub = f.post(HOOK_PATH, f.token(HOOK_PATH, b -> b.subject(null)),
        request);
    assertThat(noSub.status()).as(noSub.body()).isEqualTo(200);
    JsonNode line = lastAuditLine();
    assertThat(line.path("event").asText()).isEqualTo("hook");
    assertThat(line.has("client")).isFalse();
    assertThat(line.has("tenant")).isFalse();

    ServiceFixture.Reply tenant = f.post(HOOK_PATH, f.token(HOOK_PATH,
        b -> b.subject("client-9").claim("tenant", "hospital-a")), request);
    assertThat(tenant.status()).as(tenant.body()).isEqualTo(200);
    line = lastAuditLine();
    assertThat(line.path("client").asText()).isEqualTo("client-9");
    assertThat(line.path("tenant").asText()).isEqualTo("hospital-a");
  }

  @Test
  void malformedFhirIsAClearErrorNamingTheFieldAndTheServiceKeepsServing() throws Exception {
    ObjectNode badLink = Fhir.yesNo(Fhir.response(null), "signs.bladerLoss", true);
    ServiceFixture.Reply r = hook(hookRequest(UUID.randomUUID().toString(),
        Fhir.patient("p1", null), badLink));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").asText()).contains("signs.bladerLoss");
    assertThat(r.json().path("field").asText()).isEqualTo("QuestionnaireResponse.item[0].linkId");

    ObjectNode wrongType = Fhir.response(null);
    wrongType.withArray("item").addObject().put("linkId", "signs.fever").putArray("answer")
        .addObject().put("valueString", "yes");
    r = hook(hookRequest(UUID.randomUUID().toString(), Fhir.patient("p1", null), wrongType));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").asText()).contains("valueString").contains("valueCoding");

    ObjectNode other = Fhir.response(null);
    other.put("questionnaire", "http://example.org/Questionnaire/other");
    r = hook(hookRequest(UUID.randomUUID().toString(), Fhir.patient("p1", null), other));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo("QuestionnaireResponse.questionnaire");

    r = f.post(HOOK_PATH, f.token(HOOK_PATH), "{\"hook\": \"patient-view\", ");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at com.");

    ObjectNode typo = hookRequest(UUID.randomUUID().toString(), Fhir.patient("p1", null),
        bundle());
    typo.put("hookInstanse", "x");
    r = hook(typo);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo("hookInstanse");

    ObjectNode wrongPatient = hookRequest(UUID.randomUUID().toString(),
        Fhir.patient("p2", null), bundle());
    r = hook(wrongPatient);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo("prefetch.patient.id");

    r = f.post(HOOK_PATH, f.token(HOOK_PATH), "{\"x\":\"" + "a".repeat(1 << 20) + "\"}");
    assertThat(r.status()).isEqualTo(413);

    assertThat(hook(hookRequest(UUID.randomUUID().toString(), Fhir.patient("p1", null),
        bundle(emergencyResponse()))).status()).isEqualTo(200);
    assertThat(Files.readString(f.auditLog))
        .contains("\"event\":\"refused\"").contains("\"field\":\"prefetch.patient.id\"")
        .doesNotContain("'p2'");
  }

  static ServiceFixture.Reply preflight(ServiceFixture service, String origin) {
    return service.send(HttpRequest.newBuilder(URI.create(service.base + HOOK_PATH))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST"));
  }

  @Test
  void corsIsOffByDefaultAndUnknownPathsAndMethods() {
    ServiceFixture.Reply pre = preflight(f, "https://sandbox.cds-hooks.org");
    assertThat(pre.status()).isEqualTo(403);
    assertThat(pre.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(f.send(HttpRequest.newBuilder(URI.create(f.base + "/cds-services"))
        .header("Origin", "https://sandbox.cds-hooks.org").GET()).raw().headers()
        .firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(f.get("/cds-services/nope").status()).isEqualTo(404);
    assertThat(f.get(HOOK_PATH).status()).isEqualTo(405);
  }
}
