package org.spinefoot.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link ReplayStore}: this process's memory, each {@code jti} kept until its token
 * expires, at most {@code capacity} live tokens (beyond that, tokens are refused rather than
 * replays let through). Thread-safe.
 */
public final class InMemoryReplayStore implements ReplayStore {
  /** Live tokens remembered at most by default (the verifier accepts tokens up to an hour long). */
  public static final int DEFAULT_CAPACITY = 200_000;
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int capacity;

  public InMemoryReplayStore(Clock clock, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: at least 1, got " + capacity);
    }
    this.clock = clock;
    this.capacity = capacity;
  }

  @Override
  public boolean firstUse(String issuer, String jti, Instant expires) {
    String key = issuer + "\u0000" + jti;
    Instant now = clock.instant();
    Instant previous = seen.get(key);
    if (previous != null && !previous.isBefore(now)) {
      return false; // a replay, full or not
    }
    if (previous == null && seen.size() >= capacity) {
      forgetExpired();
      if (seen.size() >= capacity) {
        throw new AuthException("too many live tokens (" + capacity + ") to track replays");
      }
    }
    // An expired entry not yet purged is not a replay: the token is dead anyway, and the
    // verifier refuses expired tokens before it gets here. The atomic put or replace decides
    // between two concurrent first uses.
    return previous == null ? seen.putIfAbsent(key, expires) == null
        : seen.replace(key, previous, expires);
  }

  /** How many tokens are remembered now (expired ones included until purged). */
  int size() {
    return seen.size();
  }

  private void forgetExpired() {
    Instant now = clock.instant();
    for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
      if (it.next().isBefore(now)) {
        it.remove();
      }
    }
  }
}
