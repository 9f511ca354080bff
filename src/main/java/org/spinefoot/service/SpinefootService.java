package org.spinefoot.service;

import static org.spinefoot.service.JsonResponses.FHIR_JSON;
import static org.spinefoot.service.JsonResponses.JSON;
import static org.spinefoot.service.JsonResponses.JSON_TYPE;
import static org.spinefoot.service.JsonResponses.markArrival;
import static org.spinefoot.service.JsonResponses.send;
import static org.spinefoot.service.JsonResponses.sendError;
import static org.spinefoot.service.JsonResponses.sendJson;

import static org.spinefoot.service.RequestFields.checkFields;
import static org.spinefoot.service.RequestFields.optionalUrl;
import static org.spinefoot.service.RequestFields.requiredText;
import static org.spinefoot.service.RequestFields.textAt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.InvalidInputException;
import org.spinefoot.RuleInfo;
import org.spinefoot.fhir.FhirRecord;
import org.spinefoot.fhir.FhirRecordReader;
import org.spinefoot.fhir.QuestionnaireItem;
import org.spinefoot.fhir.RuleSetVersion;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/**
 * The spinefoot CDS Hooks 2.0 service, on the JDK's built-in HTTP server.
 *
 * <ul>
 *   <li>{@code GET /health}: 200 when the knowledge base is loaded, 503 while loading or broken.
 *   <li>{@code GET /cds-services}: discovery.
 *   <li>{@code POST /cds-services/spinefoot-triage}: a {@code patient-view} call; cards back.
 *   <li>{@code POST /cds-services/spinefoot-triage/feedback}: accepted / overridden cards.
 *   <li>{@code GET /fhir/Questionnaire/spinefoot}: the Questionnaire.
 *   <li>{@code POST /fhir/Questionnaire/$next-question}: SDC adaptive questioning.
 * </ul>
 *
 * <p>The server listens at once and loads the knowledge base in the background, so it answers
 * health checks within a fraction of a second; calls that need the rules get 503 until then.
 * Every POST needs a bearer JWT from a trusted issuer (unless configured otherwise). Errors are
 * JSON naming the field, never a stack trace. Thread-safe.
 */
public final class SpinefootService implements AutoCloseable {
  public static final String SERVICE_ID = "spinefoot-triage";
  public static final String HOOK = "patient-view";
  /** The contained adaptive Questionnaire of a {@code $next-question} response. */
  static final String ADAPTIVE_ID = "adaptive";
  /** SDC: marks a Questionnaire as adaptive. */
  static final String ADAPTIVE_EXTENSION =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-questionnaireAdaptive";
  static final String DISPOSITION_EXTENSION =
      "https://spinefoot.org/fhir/StructureDefinition/disposition";
  private static final int MAX_REMEMBERED_CARDS = 100_000;
  private static final int MAX_STORED_FEEDBACK = 100_000;

  private final ServiceConfig config;
  private final HttpServer server;
  private final WorkerPool pool;
  private final RequestBody requestBody;
  private final RequestAuthenticator authenticator;
  private final CorsPolicy cors;
  private final ServiceAudit audit;
  private final FhirFetcher fetcher;
  private final String publicUrl;
  private final KnowledgeLoading knowledge;
  /** Card uuids issued, with their hook instance, so feedback can be checked (oldest dropped). */
  private final Map<String, String> issuedCards = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> e) {
          return size() > MAX_REMEMBERED_CARDS;
        }
      });
  private final List<ObjectNode> feedback = Collections.synchronizedList(new ArrayList<>());
  private final java.util.concurrent.atomic.AtomicInteger inFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean stopping;

  private SpinefootService(ServiceConfig config, Supplier<Assessor> loader) throws IOException {
    this.config = config;
    // Before the port is bound: an unusable configuration must not leave it taken.
    JwtVerifier verifier = RequestAuthenticator.verifier(config);
    this.cors = CorsPolicy.allowing(config.corsOrigins);
    // The JDK server reads its time limits once, from these properties, when first used.
    setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(config.requestTimeoutSeconds));
    setIfAbsent("sun.net.httpserver.maxRspTime", String.valueOf(config.requestTimeoutSeconds));
    setIfAbsent("sun.net.httpserver.maxReqHeaders", "100");
    // TCP_NODELAY on accepted connections. The server writes a response's headers and its body
    // in two writes; with Nagle's algorithm on (the JDK's default here) the body waits for the
    // client to acknowledge the headers, and a client delaying its ACK holds every response on
    // a kept-alive connection for about 40 ms. Under load that was most of each call's latency.
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    this.audit = new ServiceAudit(config.auditLog == null ? AuditLog.discarding()
        : AuditLog.appendingTo(config.auditLog), config.clock);
    this.fetcher = new FhirFetcher(Duration.ofSeconds(config.fetchTimeoutSeconds),
        config.maxRequestBytes);
    this.server = HttpServer.create(new InetSocketAddress(config.bind, config.port), 128);
    this.pool = new WorkerPool(config.threads, config.cpuConcurrency);
    server.setExecutor(pool.executor());
    this.requestBody = new RequestBody(config.maxRequestBytes, pool);
    server.createContext("/", this::handle);
    this.publicUrl = config.publicUrl != null ? config.publicUrl
        : "http://" + hostForUrl(config.bind) + ":" + server.getAddress().getPort();
    this.authenticator = new RequestAuthenticator(verifier, config, publicUrl);
    // Every field is set before the server starts: handlers run on other threads at once.
    this.knowledge = new KnowledgeLoading();
    server.start();
    knowledge.start(loader);
  }

  /**
   * Starts listening now and loads the knowledge base in the background.
   *
   * @throws IOException when the port cannot be bound
   * @throws IllegalArgumentException when the configuration is unusable (e.g. no trusted issuer)
   */
  public static SpinefootService start(ServiceConfig config, Supplier<Assessor> loader)
      throws IOException {
    return new SpinefootService(config, loader);
  }

  /** Waits until the knowledge base is loaded; rethrows what stopped it from loading. */
  public RuleSetVersion awaitReady() {
    return knowledge.await();
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The URL clients use, without a trailing slash. */
  public String publicUrl() {
    return publicUrl;
  }

  /** The feedback stored since start, oldest first. */
  public List<ObjectNode> feedback() {
    synchronized (feedback) {
      return List.copyOf(feedback);
    }
  }

  /**
   * Stops: new calls get 503, calls in flight may finish for up to {@code graceSeconds}, then
   * the server closes. (The JDK server's own {@code stop(delay)} waits the whole delay even when
   * nothing is in flight, so the wait is done here.)
   */
  public void stop(int graceSeconds) {
    stopping = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    server.stop(0);
    pool.shutdown(graceSeconds);
    audit.close();
  }

  @Override
  public void close() {
    stop(0);
  }

  // ---- dispatch -------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    markArrival(ex);
    inFlight.incrementAndGet();
    try (ex) {
      cors.addHeaders(ex.getRequestHeaders().getFirst("Origin"), ex.getResponseHeaders());
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      try {
        if (stopping) {
          ex.getResponseHeaders().set("Connection", "close");
          throw new HttpError(503, "", "the service is stopping");
        }
        if (method.equals("OPTIONS")) {
          preflight(ex);
          return;
        }
        route(ex, method, path);
      } catch (HttpError e) {
        audit.refused(ex, e.status, e.field);
        sendError(ex, e.status, e.field, e.getMessage());
      } catch (InvalidInputException e) {
        // FHIR input: the field is its path in the resource, e.g. QuestionnaireResponse.item[0].linkId
        String field = e.source().startsWith("QuestionnaireResponse") || e.source().startsWith("Patient")
            ? e.source() + (e.path().isEmpty() ? "" : "." + e.path()) : e.path();
        audit.refused(ex, 400, field);
        sendError(ex, 400, field, e.source() + (e.path().isEmpty() ? "" : ": " + e.path())
            + ": " + e.detail());
      } catch (AuthException e) {
        // Why goes to the server's log and the audit log only: telling a caller which check its
        // token failed helps whoever is forging one.
        System.err.println("spinefoot serve: 401 on " + method + " " + path + ": "
            + e.getMessage());
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        audit.rejected(ex, e.getMessage());
        sendError(ex, 401, "Authorization", "the bearer token was not accepted");
      } catch (RuntimeException e) {
        String ref = UUID.randomUUID().toString();
        System.err.println("spinefoot serve: internal error " + ref + " on " + method + " " + path);
        e.printStackTrace(System.err);
        sendError(ex, 500, "", "internal error (reference " + ref + " in the server log)");
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void route(HttpExchange ex, String method, String path) throws IOException {
    switch (path) {
      case "/health":
        requireMethod(method, "GET");
        health(ex);
        return;
      case "/cds-services":
        requireMethod(method, "GET");
        sendJson(ex, 200, discovery());
        return;
      case "/cds-services/" + SERVICE_ID:
        requireMethod(method, "POST");
        hook(ex);
        return;
      case "/cds-services/" + SERVICE_ID + "/feedback":
        requireMethod(method, "POST");
        feedback(ex);
        return;
      case "/fhir/Questionnaire/" + SpinefootQuestionnaire.ID:
        requireMethod(method, "GET");
        send(ex, 200, FHIR_JSON, knowledge.ready().questionnaire());
        return;
      case "/fhir/Questionnaire/$next-question":
        requireMethod(method, "POST");
        nextQuestion(ex);
        return;
      default:
        if (path.startsWith("/cds-services/")) {
          throw new HttpError(404, "path", "no CDS service '" + path.substring(14)
              + "'; this server offers " + SERVICE_ID);
        }
        throw new HttpError(404, "path", "no such endpoint: " + path);
    }
  }

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new HttpError(405, "method", method + " is not allowed here; use " + allowed);
    }
  }

  private void health(HttpExchange ex) throws IOException {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    int status;
    if (knowledge.isLoading()) {
      status = 503;
      body.put("status", "loading");
    } else if (knowledge.hasFailed()) {
      status = 503;
      body.put("status", "failed");
    } else {
      status = 200;
      body.put("status", "ready");
      ServiceAudit.putRuleset(body, knowledge.ready().version());
    }
    sendJson(ex, status, body);
  }

  // ---- discovery ------------------------------------------------------------------------------

  /** The discovery document. */
  static ObjectNode discovery() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode s = root.putArray("services").addObject();
    s.put("hook", HOOK);
    s.put("id", SERVICE_ID);
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

  // ---- the hook -------------------------------------------------------------------------------

  private void hook(HttpExchange ex) throws IOException {
    Knowledge k = knowledge.ready(); // before the token is checked: a 503 must not use up its jti
    JwtVerifier.Caller caller = pool.computing(() -> authenticator.authenticate(ex));
    JsonNode request = requestBody.readJson(ex, "request");
    checkFields(request, Set.of("hook", "hookInstance", "fhirServer", "fhirAuthorization",
        "context", "prefetch", "extension"), "");
    String hook = requiredText(request, "hook");
    if (!hook.equals(HOOK)) {
      throw new HttpError(400, "hook", "'" + hook + "' is not served here; this service answers "
          + HOOK);
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
    JsonNode prefetch = request.get("prefetch");
    if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
      throw new HttpError(400, "prefetch", "expected an object");
    }
    JsonNode patient = prefetched(prefetch, "patient");
    if (patient != null && patient.isNull()) {
      patient = null; // no Patient from the client: fetched, as the patient in context must exist
    }
    JsonNode responses = prefetched(prefetch, "questionnaireResponse");
    if (fhirServer == null) {
      requirePrefetched(prefetch, "patient", patient);
      requirePrefetched(prefetch, "questionnaireResponse", responses);
    }
    if (patient == null) {
      patient = fetcher.patient(fhirServer, token, patientId);
    }
    if (responses == null) {
      responses = fetcher.latestResponse(fhirServer, token, patientId);
    }
    JsonNode patientId2 = patient.get("id");
    if (patientId2 != null && patientId2.isTextual() && !patientId2.asText().equals(patientId)) {
      throw new HttpError(400, "prefetch.patient.id", "'" + patientId2.asText()
          + "' is not the patient in context ('" + patientId + "')");
    }
    JsonNode response = latest(responses);
    JsonNode patientResource = patient;
    HookAnswer answer = pool.computing(() -> answer(k, response, patientResource, patientId,
        hookInstance));
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
    send(ex, 200, JSON_TYPE, answer.body());
  }

  /** A hook call's answer: the response body, and for the audit the disposition and card uuids. */
  private record HookAnswer(byte[] body, String disposition, ArrayNode uuids) {}

  private HookAnswer answer(Knowledge k, JsonNode response, JsonNode patient, String patientId,
      String hookInstance) throws IOException {
    FhirRecord record = read(response, patient, patientId, k);
    Assessment assessment = k.assessor().assess(record.patient());
    List<ObjectNode> cards = CdsCards.cards(assessment, record, k.version(), hookInstance,
        k.topicsByRule(), config.cardLinks);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode cardArray = body.putArray("cards");
    ArrayNode uuids = JsonNodeFactory.instance.arrayNode();
    for (ObjectNode c : cards) {
      cardArray.add(c);
      uuids.add(c.get("uuid").asText());
      issuedCards.put(c.get("uuid").asText(), hookInstance);
    }
    return new HookAnswer(JSON.writeValueAsBytes(body), assessment.disposition().name(), uuids);
  }

  /**
   * A prefetch key's value, or null when it was not prefetched: absent, or a prefetch that
   * failed, which CDS Hooks 2.0 lets the client send as an {@code OperationOutcome}. A JSON
   * null is kept: the client says it found no such resource.
   */
  private static JsonNode prefetched(JsonNode prefetch, String key) {
    JsonNode v = prefetch == null || prefetch.isNull() ? null : prefetch.get(key);
    return v == null || isOperationOutcome(v) ? null : v;
  }

  private static boolean isOperationOutcome(JsonNode v) {
    return "OperationOutcome".equals(v.path("resourceType").asText());
  }

  /** A 412 saying what is missing and why, when it cannot be fetched (no fhirServer). */
  private static void requirePrefetched(JsonNode prefetch, String key, JsonNode value) {
    if (value != null) {
      return;
    }
    JsonNode sent = prefetch == null || prefetch.isNull() ? null : prefetch.get(key);
    throw new HttpError(412, "prefetch." + key, (sent != null && isOperationOutcome(sent)
        ? "the client's prefetch failed (an OperationOutcome came instead)"
        : sent != null && sent.isNull() ? "null (no resource found)" : "not prefetched")
        + ", and no fhirServer to fetch it from");
  }

  /**
   * The response in a search Bundle (the latest by {@code authored}), or the resource itself;
   * null when there is none (an empty Bundle, or the client's null), so nothing has been asked.
   */
  private static JsonNode latest(JsonNode responses) {
    if (responses.isNull()) {
      return null;
    }
    JsonNode type = responses.get("resourceType");
    if (type == null || !type.asText().equals("Bundle")) {
      return responses;
    }
    JsonNode entries = responses.get("entry");
    JsonNode best = null;
    String bestAuthored = "";
    if (entries != null && entries.isArray()) {
      for (JsonNode e : entries) {
        JsonNode r = e.get("resource");
        if (r == null || !"QuestionnaireResponse".equals(r.path("resourceType").asText())) {
          continue; // an OperationOutcome or an included resource
        }
        String authored = r.path("authored").asText("");
        if (best == null || authored.compareTo(bestAuthored) > 0) {
          best = r;
          bestAuthored = authored;
        }
      }
    }
    return best; // null: no response yet, so nothing has been asked
  }

  private FhirRecord read(JsonNode response, JsonNode patient, String patientId, Knowledge k) {
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

  // ---- feedback -------------------------------------------------------------------------------

  private void feedback(HttpExchange ex) throws IOException {
    Knowledge k = knowledge.ready(); // before the token is checked: a 503 must not use up its jti
    JwtVerifier.Caller caller = pool.computing(() -> authenticator.authenticate(ex));
    JsonNode request = requestBody.readJson(ex, "request");
    checkFields(request, Set.of("feedback"), "");
    JsonNode list = request.get("feedback");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new HttpError(400, "feedback", "expected a non-empty array of card outcomes");
    }
    List<ObjectNode> accepted = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "feedback[" + i + "]";
      JsonNode f = list.get(i);
      if (!f.isObject()) {
        throw new HttpError(400, at, "expected an object");
      }
      checkFields(f, Set.of("card", "outcome", "acceptedSuggestions", "overrideReason",
          "outcomeTimestamp"), at + ".");
      String card = textAt(f, "card", at + ".card");
      String hookInstance = issuedCards.get(card);
      if (hookInstance == null) {
        throw new HttpError(400, at + ".card", "'" + card + "' is not a card this service issued"
            + " (or it was issued too long ago)");
      }
      String outcome = textAt(f, "outcome", at + ".outcome");
      if (outcome.equals("accepted")) {
        // CDS Hooks 2.0: "accepted" names the suggestions taken, and these cards offer none.
        throw new HttpError(400, at + ".outcome", "'accepted' reports suggestions taken, and "
            + "spinefoot's cards offer none; allowed: overridden");
      }
      if (!outcome.equals("overridden")) {
        throw new HttpError(400, at + ".outcome", "'" + outcome + "'; allowed: overridden");
      }
      if (f.has("acceptedSuggestions")) {
        throw new HttpError(400, at + ".acceptedSuggestions", "only with outcome 'accepted', "
            + "and these cards offer no suggestions");
      }
      String timestamp = textAt(f, "outcomeTimestamp", at + ".outcomeTimestamp");
      try {
        Instant.parse(timestamp);
      } catch (java.time.format.DateTimeParseException e) {
        throw new HttpError(400, at + ".outcomeTimestamp", "'" + timestamp
            + "' is not an ISO 8601 instant");
      }
      ObjectNode stored = JsonNodeFactory.instance.objectNode();
      stored.put("card", card);
      stored.put("hookInstance", hookInstance);
      stored.put("outcome", outcome);
      stored.put("outcomeTimestamp", timestamp);
      JsonNode reason = f.path("overrideReason").path("reason");
      if (outcome.equals("overridden") && reason.isObject()) {
        String code = reason.path("code").asText("");
        boolean known = CdsCards.OVERRIDE_REASONS.stream().anyMatch(r -> r[0].equals(code));
        if (!known) {
          throw new HttpError(400, at + ".overrideReason.reason.code", "'" + code
              + "' is not one of the card's overrideReasons");
        }
        stored.put("overrideReason", code);
      }
      accepted.add(stored);
    }
    synchronized (feedback) {
      for (ObjectNode s : accepted) {
        if (feedback.size() >= MAX_STORED_FEEDBACK) {
          feedback.remove(0); // the audit log keeps every one
        }
        feedback.add(s);
      }
    }
    ObjectNode line = audit.line("feedback", caller, k.version());
    ArrayNode arr = line.putArray("feedback");
    accepted.forEach(arr::add);
    line.put("status", 200);
    audit.write(line);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("stored", accepted.size());
    sendJson(ex, 200, body);
  }

  // ---- $next-question -------------------------------------------------------------------------

  private void nextQuestion(HttpExchange ex) throws IOException {
    Knowledge k = knowledge.ready(); // before the token is checked: a 503 must not use up its jti
    JwtVerifier.Caller caller = pool.computing(() -> authenticator.authenticate(ex));
    JsonNode input = requestBody.readJson(ex, "QuestionnaireResponse");
    byte[] body = pool.computing(() -> nextQuestion(k, caller, input));
    send(ex, 200, FHIR_JSON, body);
  }

  private byte[] nextQuestion(Knowledge k, JwtVerifier.Caller caller, JsonNode input)
      throws IOException {
    JsonNode qr = input;
    if ("Parameters".equals(input.path("resourceType").asText())) {
      qr = null;
      for (JsonNode p : input.path("parameter")) {
        if ("questionnaire-response".equals(p.path("name").asText())) {
          qr = p.get("resource");
        }
      }
      if (qr == null) {
        throw new HttpError(400, "Parameters.parameter", "no parameter 'questionnaire-response'"
            + " with a resource");
      }
    }
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
    out.put("authored", config.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        .toString());
    // The questions shown so far and the next ones, as the adaptive Questionnaire (SDC).
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
    return JSON.writeValueAsBytes(out);
  }

  // ---- security, CORS, I/O --------------------------------------------------------------------

  /** A CORS preflight: granted to an allowed origin only. */
  private void preflight(HttpExchange ex) throws IOException {
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (!cors.allows(origin)) {
      throw new HttpError(403, "Origin", origin == null ? "missing: OPTIONS answers CORS "
          + "preflights only" : "'" + origin + "' is not an allowed origin (--cors-origins)");
    }
    cors.addPreflightHeaders(ex.getResponseHeaders());
    ex.sendResponseHeaders(204, -1);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  private static String hostForUrl(String bind) {
    if (bind.equals("0.0.0.0") || bind.equals("::")) {
      return "127.0.0.1";
    }
    return bind.contains(":") ? "[" + bind + "]" : bind;
  }
}
