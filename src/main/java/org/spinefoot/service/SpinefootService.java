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
  private final HookEndpoint hook;
  private final FeedbackEndpoint feedback;
  private final NextQuestionEndpoint nextQuestion;
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
    IssuedCards issuedCards = new IssuedCards();
    this.hook = new HookEndpoint(config, requestBody, pool, new Prefetch(fetcher), issuedCards,
        audit);
    this.feedback = new FeedbackEndpoint(requestBody, issuedCards, audit);
    this.nextQuestion = new NextQuestionEndpoint(config, requestBody, pool, audit);
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
    return feedback.stored();
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
        sendJson(ex, 200, HookEndpoint.discovery());
        return;
      case "/cds-services/" + SERVICE_ID:
        requireMethod(method, "POST");
        post(ex, hook::answer);
        return;
      case "/cds-services/" + SERVICE_ID + "/feedback":
        requireMethod(method, "POST");
        post(ex, feedback::answer);
        return;
      case "/fhir/Questionnaire/" + SpinefootQuestionnaire.ID:
        requireMethod(method, "GET");
        send(ex, 200, FHIR_JSON, knowledge.ready().questionnaire());
        return;
      case "/fhir/Questionnaire/$next-question":
        requireMethod(method, "POST");
        post(ex, nextQuestion::answer);
        return;
      default:
        if (path.startsWith("/cds-services/")) {
          throw new HttpError(404, "path", "no CDS service '" + path.substring(14)
              + "'; this server offers " + SERVICE_ID);
        }
        throw new HttpError(404, "path", "no such endpoint: " + path);
    }
  }

  /** A POST endpoint, called once the knowledge base is loaded and the caller is known. */
  @FunctionalInterface
  private interface Endpoint {
    void answer(HttpExchange ex, Knowledge k, JwtVerifier.Caller caller) throws IOException;
  }

  private void post(HttpExchange ex, Endpoint endpoint) throws IOException {
    Knowledge k = knowledge.ready(); // before the token is checked: a 503 must not use up its jti
    JwtVerifier.Caller caller = pool.computing(() -> authenticator.authenticate(ex));
    endpoint.answer(ex, k, caller);
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
