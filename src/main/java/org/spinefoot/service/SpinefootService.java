package org.spinefoot.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.spinefoot.Assessor;
import org.spinefoot.fhir.RuleSetVersion;

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
 *
 * <p>This class starts and stops the service and wires its parts from the configuration; {@code
 * Routes} dispatches the calls, and each endpoint is a class of its own.
 */
public final class SpinefootService implements AutoCloseable {
  public static final String SERVICE_ID = "spinefoot-triage";
  public static final String HOOK = "patient-view";

  private final HttpServer server;
  private final WorkerPool pool;
  private final ServiceAudit audit;
  private final String publicUrl;
  private final KnowledgeLoading knowledge;
  private final FeedbackEndpoint feedback;
  private final Routes routes;

  private SpinefootService(ServiceConfig config, Supplier<Assessor> loader) throws IOException {
    // Before the port is bound: an unusable configuration must not leave it taken.
    JwtVerifier verifier = RequestAuthenticator.verifier(config);
    CorsPolicy cors = CorsPolicy.allowing(config.corsOrigins);
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
    FhirFetcher fetcher = new FhirFetcher(Duration.ofSeconds(config.fetchTimeoutSeconds),
        config.maxRequestBytes);
    this.server = HttpServer.create(new InetSocketAddress(config.bind, config.port), 128);
    this.pool = new WorkerPool(config.threads, config.cpuConcurrency);
    server.setExecutor(pool.executor());
    this.publicUrl = config.publicUrl != null ? config.publicUrl
        : "http://" + hostForUrl(config.bind) + ":" + server.getAddress().getPort();
    RequestBody requestBody = new RequestBody(config.maxRequestBytes, pool);
    IssuedCards issuedCards = new IssuedCards();
    this.knowledge = new KnowledgeLoading();
    this.feedback = new FeedbackEndpoint(requestBody, issuedCards, audit);
    HookEndpoint hook = new HookEndpoint(config, requestBody, pool, new Prefetch(fetcher),
        issuedCards, audit);
    NextQuestionEndpoint nextQuestion = new NextQuestionEndpoint(config, requestBody, pool,
        audit);
    this.routes = new Routes(cors, audit, knowledge, pool,
        new RequestAuthenticator(verifier, config, publicUrl), hook::answer, feedback::answer,
        nextQuestion::answer);
    // Every part is made before the server starts: handlers run on other threads at once.
    server.createContext("/", routes);
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
    routes.drain(graceSeconds);
    server.stop(0);
    pool.shutdown(graceSeconds);
    audit.close();
  }

  @Override
  public void close() {
    stop(0);
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
