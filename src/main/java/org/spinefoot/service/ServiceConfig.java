package org.spinefoot.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the service runs. Fluent setters; build one, pass it to {@link SpinefootService#start}.
 * Not thread-safe; the service copies what it needs.
 */
public final class ServiceConfig {
  String bind = "127.0.0.1";
  int port = 8080;
  String publicUrl;
  final Map<String, String> trustedIssuers = new LinkedHashMap<>();
  final Map<String, Set<String>> trustedJku = new LinkedHashMap<>();
  final Set<String> audiences = new LinkedHashSet<>();
  boolean allowUnauthenticated;
  Path auditLog;
  boolean auditPatientId;
  List<String> corsOrigins = List.of();
  CdsCards.Links cardLinks = CdsCards.Links.NONE;
  int maxRequestBytes = 1 << 20;
  int requestTimeoutSeconds = 10;
  int fetchTimeoutSeconds = 5;
  int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
  int cpuConcurrency = Runtime.getRuntime().availableProcessors();
  Clock clock = Clock.systemUTC();
  NextQuestionPolicy nextQuestions = NextQuestionPolicy.RANKED;
  ReplayStore replayStore;

  /** The address to listen on (default 127.0.0.1: loopback only). */
  public ServiceConfig bind(String address) {
    this.bind = address;
    return this;
  }

  /** The port; 0 picks a free one. */
  public ServiceConfig port(int port) {
    this.port = port;
    return this;
  }

  /**
   * The URL clients reach the service by (behind a proxy it differs from the bind address); the
   * JWT {@code aud} must name this URL plus the endpoint's path. Default: {@code http://bind:port}.
   */
  public ServiceConfig publicUrl(String url) {
    this.publicUrl = url == null ? null : url.replaceAll("/+$", "");
    return this;
  }

  /**
   * Where the cards lead: the app that asks the open questions ({@code smart} for a SMART app
   * launched with the EHR's context, else a plain page), and the published catalog of the
   * knowledge behind the cards. Either URL may be null (no link).
   *
   * @throws IllegalArgumentException when a URL is not an absolute http or https URL
   */
  public ServiceConfig cardLinks(String launchUrl, boolean smart, String knowledgeUrl) {
    this.cardLinks = new CdsCards.Links(absolute("launch URL", launchUrl), smart,
        absolute("knowledge URL", knowledgeUrl));
    return this;
  }

  private static String absolute(String what, String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      if (uri.isAbsolute() && uri.getHost() != null && uri.getFragment() == null
          && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        return url;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(what + ": '" + url + "' is not an absolute URL; allowed: "
        + "an http or https URL without a #fragment, e.g. https://apps.example.org/spinefoot");
  }

  /** Trusts tokens signed by this issuer with a key from this JWK Set (file path or URL). */
  public ServiceConfig trust(String issuer, String jwks) {
    trustedIssuers.put(issuer, jwks);
    return this;
  }

  /**
   * Lets tokens of this issuer name this JWK Set URL in their {@code jku} header, as an EHR that
   * publishes its rotating keys there does; the URL must match exactly. An issuer given only
   * this way is trusted for tokens that carry an allowed {@code jku}.
   */
  public ServiceConfig trustJku(String issuer, String jwksUrl) {
    trustedJku.computeIfAbsent(issuer, i -> new LinkedHashSet<>()).add(jwksUrl);
    return this;
  }

  /** Accepts this {@code aud} too, besides the endpoint's own URL. */
  public ServiceConfig audience(String aud) {
    audiences.add(aud);
    return this;
  }

  /** Serves CDS calls without a token: for a developer's machine only. */
  public ServiceConfig allowUnauthenticated(boolean allow) {
    this.allowUnauthenticated = allow;
    return this;
  }

  /** Appends an NDJSON audit line per call to this file (none when null). */
  public ServiceConfig auditLog(Path file) {
    this.auditLog = file;
    return this;
  }

  /** Records the patient ID of the hook context in the audit log (default: no patient data). */
  public ServiceConfig auditPatientId(boolean record) {
    this.auditPatientId = record;
    return this;
  }

  /** Browser origins allowed by CORS, each exact ({@code https://host[:port]}); default none. */
  public ServiceConfig corsOrigins(List<String> origins) {
    this.corsOrigins = List.copyOf(origins);
    return this;
  }

  /** Largest request body accepted, in bytes (default 1 MiB). */
  public ServiceConfig maxRequestBytes(int bytes) {
    this.maxRequestBytes = bytes;
    return this;
  }

  /** Longest a client may take to send a request or read a response, in seconds. */
  public ServiceConfig requestTimeoutSeconds(int seconds) {
    this.requestTimeoutSeconds = seconds;
    return this;
  }

  /** Longest a fetch of missing prefetch data from the FHIR server may take, in seconds. */
  public ServiceConfig fetchTimeoutSeconds(int seconds) {
    this.fetchTimeoutSeconds = seconds;
    return this;
  }

  /** Worker threads serving requests. */
  public ServiceConfig threads(int threads) {
    this.threads = threads;
    return this;
  }

  /**
   * How many calls may do CPU-bound work (token check, parsing, assessment, cards) at once;
   * default one per processor. The other worker threads wait for I/O or for a turn.
   */
  public ServiceConfig cpuConcurrency(int calls) {
    if (calls < 1) {
      throw new IllegalArgumentException("cpuConcurrency: at least 1, got " + calls);
    }
    this.cpuConcurrency = calls;
    return this;
  }

  /** The clock for token expiry and ages (tests fix it). */
  public ServiceConfig clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * Where token {@code jti}s are remembered against replay. Default: this process's memory
   * ({@link InMemoryReplayStore}); replicas behind a load balancer share one store to refuse a
   * token replayed to another replica.
   */
  public ServiceConfig replayStore(ReplayStore store) {
    this.replayStore = store;
    return this;
  }

  /** How $next-question chooses questions. */
  public ServiceConfig nextQuestions(NextQuestionPolicy policy) {
    this.nextQuestions = policy;
    return this;
  }
}
