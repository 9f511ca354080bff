package org.spinefoot.service;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A JWK Set at a URL (a configured JWKS URL, or a {@code jku} on an issuer's allow-list),
 * fetched when first needed and cached. It is fetched again when a token names a key the cached
 * set does not hold (the issuer rotated its keys), at most once per {@link #MIN_REFRESH}, so
 * that tokens with made-up {@code kid}s cannot make the service hammer the issuer; and when the
 * cached set is older than {@link #MAX_AGE}, so that a key the issuer withdrew stops being
 * trusted. A set that cannot be fetched again after {@code MAX_AGE} is dropped: tokens are
 * refused until it can. Thread-safe.
 */
final class JwksSource implements JWKSource<SecurityContext> {
  static final Duration MIN_REFRESH = Duration.ofMinutes(1);
  static final Duration MAX_AGE = Duration.ofHours(1);
  /** A JWK Set of a few keys is a few kilobytes; anything much larger is not one. */
  static final int MAX_BYTES = 256 * 1024;

  private final URL url;
  private final ResourceRetriever retriever;
  private final Clock clock;
  private JWKSet cached; // guarded by this
  private Instant fetchedAt; // guarded by this: when cached was fetched
  private Instant triedAt; // guarded by this: the last fetch begun, successful or not

  JwksSource(URL url, ResourceRetriever retriever, Clock clock) {
    this.url = url;
    this.retriever = retriever;
    this.clock = clock;
  }

  /** Fetches with nimbus's retriever: connect and read timeouts and a size limit. */
  static ResourceRetriever retriever(Duration timeout) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    DefaultResourceRetriever retriever = new DefaultResourceRetriever(millis, millis, MAX_BYTES);
    retriever.setDisconnectsAfterUse(true);
    return retriever;
  }

  URL url() {
    return url;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context)
      throws KeySourceException {
    Instant now;
    synchronized (this) {
      now = clock.instant();
      if (cached == null || !now.isBefore(fetchedAt.plus(MAX_AGE))) {
        // No usable set: every call waits for this fetch, as none can be verified without it.
        cached = null;
        if (triedAt != null && now.isBefore(triedAt.plus(MIN_REFRESH))) {
          throw new KeySourceException("the JWK Set at " + url + " could not be fetched at "
              + triedAt + "; not retried before " + triedAt.plus(MIN_REFRESH));
        }
        triedAt = now;
        cached = download();
        fetchedAt = now;
      }
      List<JWK> keys = selector.select(cached);
      if (!keys.isEmpty() || now.isBefore(triedAt.plus(MIN_REFRESH))) {
        return keys;
      }
      triedAt = now; // this call refreshes; the others go on with the cached set meanwhile
    }
    // Perhaps a rotated key. Fetched outside the lock, so that a slow issuer holds up only the
    // call that named the unknown key, not every call with a known one.
    JWKSet fresh;
    try {
      fresh = download();
    } catch (KeySourceException e) {
      // The cached set still stands until MAX_AGE; the unknown key is refused.
      System.err.println("spinefoot serve: " + e.getMessage());
      return List.of();
    }
    synchronized (this) {
      cached = fresh;
      fetchedAt = now;
    }
    return selector.select(fresh);
  }

  private JWKSet download() throws KeySourceException {
    String body;
    try {
      body = retriever.retrieveResource(url).getContent();
    } catch (IOException e) {
      throw new KeySourceException("cannot fetch the JWK Set at " + url + ": "
          + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    try {
      return JWKSet.parse(body);
    } catch (ParseException e) {
      throw new KeySourceException("the document at " + url + " is not a JWK Set: "
          + e.getMessage(), e);
    }
  }
}
