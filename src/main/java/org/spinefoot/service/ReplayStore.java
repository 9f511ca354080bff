package org.spinefoot.service;

import java.time.Instant;

/**
 * Where the JWT verifier remembers the {@code jti} of each token it accepted, so that a token is
 * good for one call only. The default, {@link InMemoryReplayStore}, sees the tokens of this
 * process only: behind a load balancer each replica refuses a token replayed to itself but not
 * one replayed to another replica. A store shared by every replica (a database or cache with an
 * atomic insert-if-absent and per-entry expiry) closes that gap; pass it with
 * {@link ServiceConfig#replayStore}. Implementations must be thread-safe.
 */
public interface ReplayStore {
  /**
   * Records that the token {@code jti} of {@code issuer} has been used, atomically with checking
   * that it had not been: two concurrent calls with one token must not both get {@code true}.
   *
   * @param expires when the token can no longer be accepted anyway; the entry may be forgotten
   *     after it
   * @return {@code true} the first time, {@code false} for a replay
   * @throws AuthException when the store cannot record the token (full, unreachable): the token
   *     is then refused, since it could not be protected against replay
   */
  boolean firstUse(String issuer, String jti, Instant expires);
}
