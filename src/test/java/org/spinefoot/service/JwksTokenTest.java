package org.spinefoot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CDS Hooks 2.0 token rules that involve the header, optional claims and keys fetched from
 * a JWK Set URL: a local HTTP server publishes the issuer's keys, a settable clock stands in for
 * time, and every fetch is counted.
 */
class JwksTokenTest {
  static final String ISSUER = "https://ehr.test";
  static final String AUD = "https://cds.test/cds-services/spinefoot-triage";
  static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  final AtomicReference<byte[]> published = new AtomicReference<>();
  final AtomicInteger served = new AtomicInteger();
  final AtomicInteger delayMillis = new AtomicInteger();
  final SettableClock clock = new SettableClock(START);
  HttpServer keys;
  String jwksUrl;
  String otherUrl;

  /** A clock the test moves. */
  static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @BeforeEach
  void startKeyServer() throws Exception {
    keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    keys.createContext("/", ex -> {
      served.incrementAndGet();
      try {
        Thread.sleep(delayMillis.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = published.get();
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    keys.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    keys.start();
    String base = "http://127.0.0.1:" + keys.getAddress().getPort();
    jwksUrl = base + "/jwks.json";
    otherUrl = base + "/elsewhere.json";
  }

  @AfterEach
  void stopKeyServer() {
    keys.stop(0);
  }

  void publish(ECKey... ecKeys) {
    JWKSet set = new JWKSet(java.util.Arrays.stream(ecKeys).map(k -> (com.nimbusds.jose.jwk.JWK)
        k.toPublicJWK()).toList());
    published.set(set.toString().getBytes(StandardCharsets.UTF_8));
  }

  static ECKey key(String kid) throws JOSEException {
    return new ECKeyGenerator(Curve.P_384).keyID(kid).generate();
  }

  JWTClaimsSet.Builder claims() {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUD).issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString());
  }

  static String bearer(ECKey key, UnaryOperator<JWSHeader.Builder> header, JWTClaimsSet claims)
      throws JOSEException {
    SignedJWT jwt = new SignedJWT(header.apply(new JWSHeader.Builder(JWSAlgorithm.ES384)
        .keyID(key.getKeyID()).type(com.nimbusds.jose.JOSEObjectType.JWT)).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return "Bearer " + jwt.serialize();
  }

  String bearer(ECKey key) throws JOSEException {
    return bearer(key, h -> h, claims().build());
  }

  JwtVerifier verifier(Map<String, String> jwks, Map<String, Set<String>> jku,
      ResourceRetriever retriever) {
    return JwtVerifier.forIssuers(jwks, jku, clock, new InMemoryReplayStore(clock, 1000),
        retriever);
  }

  JwtVerifier verifierOfConfiguredUrl() {
    return verifier(Map.of(ISSUER, jwksUrl), Map.of(), JwksSource.retriever(Duration.ofSeconds(5)));
  }

  @Test
  void kidIsRequiredSubIsOptionalAndTenantIsReported() throws Exception {
    ECKey k1 = key("k1");
    publish(k1);
    JwtVerifier v = verifierOfConfiguredUrl();
    assertThatThrownBy(() -> v.verify(bearer(k1, h -> h.keyID(null), claims().build()),
        Set.of(AUD))).isInstanceOf(AuthException.class).hasMessageContaining("kid missing");

    JwtVerifier.Caller noSub = v.verify(bearer(k1), Set.of(AUD));
    assertThat(noSub.issuer()).isEqualTo(ISSUER);
    assertThat(noSub.subject()).isNull();
    assertThat(noSub.tenant()).isNull();

    JwtVerifier.Caller withTenant = v.verify(bearer(k1, h -> h,
        claims().subject("client-7").claim("tenant", "hospital-a").build()), Set.of(AUD));
    assertThat(withTenant.subject()).isEqualTo("client-7");
    assertThat(withTenant.tenant()).isEqualTo("hospital-a");

    assertThatThrownBy(() -> v.verify(bearer(k1, h -> h, claims().claim("tenant", 42).build()),
        Set.of(AUD))).isInstanceOf(AuthException.class).hasMessageContaining("tenant");
    for (String required : JwtVerifier.REQUIRED_CLAIMS) {
      if (required.equals("iss")) {
        continue; // without iss no issuer's keys are even looked up: refused as untrusted
      }
      JWTClaimsSet.Builder without = claims().claim(required, null);
      assertThatThrownBy(() -> v.verify(bearer(k1, h -> h, without.build()), Set.of(AUD)))
          .as(required).isInstanceOf(AuthException.class).hasMessageContaining(required);
    }
  }

  @Test
  void aJkuIsFollowedOnlyWhenOnTheIssuersAllowList() throws Exception {
    ECKey k1 = key("k1");
    publish(k1);
    // Trusted through its jku allow-list only: no configured set.
    JwtVerifier v = verifier(Map.of(), Map.of(ISSUER, Set.of(jwksUrl)),
        JwksSource.retriever(Duration.ofSeconds(5)));
    assertThat(v.verify(bearer(k1, h -> h.jwkURL(URI.create(jwksUrl)), claims().build()),
        Set.of(AUD)).issuer()).isEqualTo(ISSUER);
    assertThat(served.get()).isEqualTo(1);

    assertThatThrownBy(() -> v.verify(bearer(k1, h -> h.jwkURL(URI.create(otherUrl)),
        claims().build()), Set.of(AUD))).isInstanceOf(AuthException.class)
        .hasMessageContaining("not on the allow-list");
    assertThatThrownBy(() -> v.verify(bearer(k1), Set.of(AUD)))
        .isInstanceOf(AuthException.class).hasMessageContaining("jku missing");
    assertThat(served.get()).as("a jku off the list is never fetched").isEqualTo(1);

    // An issuer with a configured set and no allow-list: a jku naming that same set is fine,
    // any other is refused unfetched.
    JwtVerifier configured = verifierOfConfiguredUrl();
    assertThat(configured.verify(bearer(k1, h -> h.jwkURL(URI.create(jwksUrl)),
        claims().build()), Set.of(AUD)).issuer()).isEqualTo(ISSUER);
    assertThatThrownBy(() -> configured.verify(bearer(k1, h -> h.jwkURL(URI.create(otherUrl)),
        claims().build()), Set.of(AUD))).isInstanceOf(AuthException.class)
        .hasMessageContaining("none configured");
    assertThat(served.get()).isEqualTo(2);
  }

  @Test
  void aRotatedKeyIsPickedUpByARefreshAtMostOnceAMinute() throws Exception {
    ECKey k1 = key("k1");
    ECKey k2 = key("k2");
    ECKey k3 = key("k3");
    publish(k1);
    JwtVerifier v = verifierOfConfiguredUrl();
    v.verify(bearer(k1), Set.of(AUD));
    v.verify(bearer(k1), Set.of(AUD));
    assertThat(served.get()).as("cached").isEqualTo(1);

    clock.advance(Duration.ofSeconds(61));
    publish(k1, k2); // the issuer rotates in k2
    assertThat(v.verify(bearer(k2), Set.of(AUD)).issuer()).isEqualTo(ISSUER);
    assertThat(served.get()).as("an unknown kid refreshes").isEqualTo(2);

    // Within the minute, another unknown kid (forged, or rotated again) does not refetch.
    publish(k1, k2, k3);
    clock.advance(Duration.ofSeconds(30));
    assertThatThrownBy(() -> v.verify(bearer(k3), Set.of(AUD)))
        .isInstanceOf(AuthException.class);
    assertThatThrownBy(() -> v.verify(bearer(key("made-up")), Set.of(AUD)))
        .isInstanceOf(AuthException.class);
    assertThat(served.get()).as("rate-limited").isEqualTo(2);
    assertThat(v.verify(bearer(k2), Set.of(AUD)).issuer()).isEqualTo(ISSUER);

    clock.advance(Duration.ofSeconds(31));
    assertThat(v.verify(bearer(k3), Set.of(AUD)).issuer()).isEqualTo(ISSUER);
    assertThat(served.get()).isEqualTo(3);

    // A key the issuer withdrew stops being trusted once the cached set is an hour old.
    publish(k3);
    clock.advance(JwksSource.MAX_AGE);
    assertThatThrownBy(() -> v.verify(bearer(k1), Set.of(AUD)))
        .isInstanceOf(AuthException.class);
    assertThat(served.get()).isEqualTo(4);
  }

  @Test
  void aSlowRefreshHoldsUpOnlyTheCallThatNamedTheUnknownKey() throws Exception {
    ECKey k1 = key("k1");
    ECKey k2 = key("k2");
    publish(k1);
    java.util.concurrent.CountDownLatch refreshing = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    AtomicInteger fetches = new AtomicInteger();
    ResourceRetriever gated = url -> {
      if (fetches.incrementAndGet() == 2) {
        refreshing.countDown();
        try {
          release.await(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new com.nimbusds.jose.util.Resource(
          new String(published.get(), StandardCharsets.UTF_8), "application/json");
    };
    JwtVerifier v = verifier(Map.of(ISSUER, jwksUrl), Map.of(), gated);
    v.verify(bearer(k1), Set.of(AUD));
    clock.advance(Duration.ofSeconds(61));
    publish(k1, k2);
    String rotated = bearer(k2);
    java.util.concurrent.CompletableFuture<JwtVerifier.Caller> waiting =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> v.verify(rotated, Set.of(AUD)));
    assertThat(refreshing.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    try {
      // The refresh is in flight: a call with a known key is served from the cached set.
      // (Bounded: with the set fetched under the lock, this call would wait for the refresh.)
      String known = bearer(k1);
      assertThat(java.util.concurrent.CompletableFuture.supplyAsync(
          () -> v.verify(known, Set.of(AUD))).get(5, java.util.concurrent.TimeUnit.SECONDS)
          .issuer()).isEqualTo(ISSUER);
      assertThat(waiting).isNotDone();
    } finally {
      release.countDown();
    }
    assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS).issuer()).isEqualTo(ISSUER);
    assertThat(fetches.get()).isEqualTo(2);
  }

  @Test
  void anOversizeOrSlowJwkSetIsRefused() throws Exception {
    ECKey k1 = key("k1");
    String padding = "x".repeat(JwksSource.MAX_BYTES);
    published.set(("{\"keys\":[" + k1.toPublicJWK().toJSONString() + "],\"pad\":\"" + padding
        + "\"}").getBytes(StandardCharsets.UTF_8));
    JwtVerifier big = verifierOfConfiguredUrl();
    assertThatThrownBy(() -> big.verify(bearer(k1), Set.of(AUD)))
        .isInstanceOf(AuthException.class).hasMessageContaining("cannot fetch the JWK Set");

    publish(k1);
    delayMillis.set(2_000);
    JwtVerifier slow = verifier(Map.of(ISSUER, jwksUrl), Map.of(),
        JwksSource.retriever(Duration.ofMillis(200)));
    long started = System.nanoTime();
    assertThatThrownBy(() -> slow.verify(bearer(k1), Set.of(AUD)))
        .isInstanceOf(AuthException.class).hasMessageContaining("cannot fetch the JWK Set");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    // A failed fetch is not retried at once either: no hammering of a struggling issuer.
    int fetches = served.get();
    assertThatThrownBy(() -> slow.verify(bearer(k1), Set.of(AUD)))
        .isInstanceOf(AuthException.class).hasMessageContaining("not retried before");
    assertThat(served.get()).isEqualTo(fetches);
    delayMillis.set(0);
    clock.advance(JwksSource.MIN_REFRESH);
    assertThat(slow.verify(bearer(k1), Set.of(AUD)).issuer()).isEqualTo(ISSUER);
  }
}
