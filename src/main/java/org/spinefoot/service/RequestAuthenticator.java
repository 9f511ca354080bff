package org.spinefoot.service;

import com.sun.net.httpserver.HttpExchange;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is calling: checks a call's bearer JWT against the trusted issuers, for the audiences this
 * service answers to at the path called. Separate from {@link JwtVerifier}, which knows tokens
 * but not this service's URLs or its developer-only unauthenticated mode.
 */
final class RequestAuthenticator {
  private final JwtVerifier verifier;
  private final boolean allowUnauthenticated;
  private final Set<String> audiences;
  private final String publicUrl;

  /**
   * @param verifier from {@link #verifier}; made before the port is bound, {@code publicUrl}
   *     only after, as it may name the port bound
   */
  RequestAuthenticator(JwtVerifier verifier, ServiceConfig config, String publicUrl) {
    this.verifier = verifier;
    this.allowUnauthenticated = config.allowUnauthenticated;
    this.audiences = config.audiences;
    this.publicUrl = publicUrl;
  }

  /**
   * The verifier for the configured issuers.
   *
   * @throws IllegalArgumentException when no issuer is trusted and unauthenticated calls are not
   *     allowed either
   */
  static JwtVerifier verifier(ServiceConfig config) {
    if (config.trustedIssuers.isEmpty() && config.trustedJku.isEmpty()
        && !config.allowUnauthenticated) {
      throw new IllegalArgumentException("no trusted issuer: give --trust ISSUER=JWKS (or, on a "
          + "developer's machine only, --allow-unauthenticated)");
    }
    return JwtVerifier.forIssuers(config.trustedIssuers, config.trustedJku,
        config.clock, config.replayStore != null ? config.replayStore
            : new InMemoryReplayStore(config.clock, InMemoryReplayStore.DEFAULT_CAPACITY),
        JwksSource.retriever(Duration.ofSeconds(config.fetchTimeoutSeconds)));
  }

  /**
   * The caller of this exchange.
   *
   * @throws AuthException when the token is missing or not accepted
   */
  JwtVerifier.Caller authenticate(HttpExchange ex) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    if (allowUnauthenticated && header == null) {
      return JwtVerifier.Caller.ANONYMOUS;
    }
    Set<String> accepted = new LinkedHashSet<>(audiences);
    accepted.add(publicUrl + ex.getRequestURI().getPath());
    // Feedback is about the hook's cards: a token for the hook may send it.
    if (ex.getRequestURI().getPath().endsWith("/feedback")) {
      accepted.add(publicUrl + "/cds-services/" + SpinefootService.SERVICE_ID);
    }
    return verifier.verify(header, accepted);
  }
}
