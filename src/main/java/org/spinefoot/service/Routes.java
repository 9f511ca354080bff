package org.spinefoot.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.spinefoot.InvalidInputException;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/**
 * The service's one HTTP handler: sends each call to its endpoint by path and method, and turns
 * what an endpoint throws into the error answer (and audit line) for it. Kept apart from the
 * endpoints so that the checks every call goes through (stopping, CORS, knowledge ready, token)
 * run in one place and in one order; it also counts the calls in flight for a graceful stop.
 */
final class Routes implements HttpHandler {
  /** A POST endpoint, called once the knowledge base is loaded and the caller is known. */
  @FunctionalInterface
  interface Endpoint {
    void answer(HttpExchange ex, Knowledge k, JwtVerifier.Caller caller) throws IOException;
  }

  private final CorsPolicy cors;
  private final ServiceAudit audit;
  private final KnowledgeLoading knowledge;
  private final WorkerPool pool;
  private final RequestAuthenticator authenticator;
  private final Endpoint hook;
  private final Endpoint feedback;
  private final Endpoint nextQuestion;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean stopping;

  Routes(CorsPolicy cors, ServiceAudit audit, KnowledgeLoading knowledge, WorkerPool pool,
      RequestAuthenticator authenticator, Endpoint hook, Endpoint feedback,
      Endpoint nextQuestion) {
    this.cors = cors;
    this.audit = audit;
    this.knowledge = knowledge;
    this.pool = pool;
    this.authenticator = authenticator;
    this.hook = hook;
    this.feedback = feedback;
    this.nextQuestion = nextQuestion;
  }

  /**
   * Answers new calls with 503 from now on, and waits up to {@code graceSeconds} for those in
   * flight to finish.
   */
  void drain(int graceSeconds) {
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
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    JsonResponses.markArrival(ex);
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
        JsonResponses.sendError(ex, e.status, e.field, e.getMessage());
      } catch (InvalidInputException e) {
        // FHIR input: the field is its path in the resource, e.g. QuestionnaireResponse.item[0].linkId
        String field = e.source().startsWith("QuestionnaireResponse") || e.source().startsWith("Patient")
            ? e.source() + (e.path().isEmpty() ? "" : "." + e.path()) : e.path();
        audit.refused(ex, 400, field);
        JsonResponses.sendError(ex, 400, field, e.source()
            + (e.path().isEmpty() ? "" : ": " + e.path()) + ": " + e.detail());
      } catch (AuthException e) {
        // Why goes to the server's log and the audit log only: telling a caller which check its
        // token failed helps whoever is forging one.
        System.err.println("spinefoot serve: 401 on " + method + " " + path + ": "
            + e.getMessage());
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        audit.rejected(ex, e.getMessage());
        JsonResponses.sendError(ex, 401, "Authorization", "the bearer token was not accepted");
      } catch (RuntimeException e) {
        String ref = UUID.randomUUID().toString();
        System.err.println("spinefoot serve: internal error " + ref + " on " + method + " " + path);
        e.printStackTrace(System.err);
        JsonResponses.sendError(ex, 500, "", "internal error (reference " + ref
            + " in the server log)");
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
        JsonResponses.sendJson(ex, 200, HookEndpoint.discovery());
        return;
      case "/cds-services/" + SpinefootService.SERVICE_ID:
        requireMethod(method, "POST");
        post(ex, hook);
        return;
      case "/cds-services/" + SpinefootService.SERVICE_ID + "/feedback":
        requireMethod(method, "POST");
        post(ex, feedback);
        return;
      case "/fhir/Questionnaire/" + SpinefootQuestionnaire.ID:
        requireMethod(method, "GET");
        JsonResponses.send(ex, 200, JsonResponses.FHIR_JSON, knowledge.ready().questionnaire());
        return;
      case "/fhir/Questionnaire/$next-question":
        requireMethod(method, "POST");
        post(ex, nextQuestion);
        return;
      default:
        if (path.startsWith("/cds-services/")) {
          throw new HttpError(404, "path", "no CDS service '" + path.substring(14)
              + "'; this server offers " + SpinefootService.SERVICE_ID);
        }
        throw new HttpError(404, "path", "no such endpoint: " + path);
    }
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
    JsonResponses.sendJson(ex, status, body);
  }

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
}
