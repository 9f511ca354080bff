package org.spinefoot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Token checks that need a JWK Set URL or a fixed clock. */
class JwtVerifierTest {
  static final String AUD = "http://127.0.0.1:1/cds-services/spinefoot-triage";

  static JWTClaimsSet claims(Instant now, long lifetimeSeconds, String jti) {
    return new JWTClaimsSet.Builder().issuer("https://ehr.test").subject("c").audience(AUD)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
        .jwtID(jti).build();
  }

  @Test
  void keysComeFromAJwkSetUrlAndTheClockDecidesExpiry() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    HttpServer keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    keys.createContext("/jwks.json", ex -> {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, jwks.length);
      ex.getResponseBody().write(jwks);
      ex.close();
    });
    keys.start();
    try {
      Instant now = Instant.parse("2026-12-01T10:00:00Z");
      JwtVerifier v = JwtVerifier.forIssuers(Map.of("https://ehr.test",
          "http://127.0.0.1:" + keys.getAddress().getPort() + "/jwks.json"),
          Clock.fixed(now, ZoneOffset.UTC));
      JwtVerifier.Caller caller = v.verify("Bearer " + ServiceFixture.sign(claims(now, 300, "a"),
          key), Set.of(AUD));
      assertThat(caller.issuer()).isEqualTo("https://ehr.test");
      assertThat(caller.subject()).isEqualTo("c");
      // Expired a second ago, but within the 60-second clock skew: accepted.
      assertThat(v.verify("Bearer " + ServiceFixture.sign(claims(now.minusSeconds(301), 300, "b"),
          key), Set.of(AUD)).jti()).isEqualTo("b");
      assertThatThrownBy(() -> v.verify("Bearer " + ServiceFixture.sign(
          claims(now.minusSeconds(400), 300, "c"), key), Set.of(AUD)))
          .isInstanceOf(AuthException.class).hasMessageContaining("xpired");
      assertThatThrownBy(() -> v.verify("Bearer " + ServiceFixture.sign(
          claims(now, 2 * 3600, "d"), key), Set.of(AUD)))
          .isInstanceOf(AuthException.class).hasMessageContaining("short-lived");
    } finally {
      keys.stop(0);
    }
  }

  @Test
  void theKeyCacheKeepsConvertedKeysFollowsARotationAndNeverHandsOutAPrivateKey()
      throws Exception {
    RSAKey first = new RSAKeyGenerator(2048).keyID("first").generate();
    RSAKey second = new RSAKeyGenerator(2048).keyID("second").generate();
    // The issuer's set holds the first key whole (private part too, as a careless setup might).
    java.util.concurrent.atomic.AtomicReference<JWKSet> published =
        new java.util.concurrent.atomic.AtomicReference<>(new JWKSet(first));
    JWKSource<SecurityContext> source = (selector, context) -> selector.select(published.get());
    JwtVerifier.CachedKeySelector keys = new JwtVerifier.CachedKeySelector(source);
    List<Key> once = select(keys, JWSAlgorithm.RS256, "first");
    assertThat(once).hasSize(1);
    assertThat(once.get(0)).isInstanceOf(PublicKey.class).isEqualTo(first.toPublicKey());
    assertThat(select(keys, JWSAlgorithm.RS256, "first").get(0)).isSameAs(once.get(0));
    assertThat(select(keys, JWSAlgorithm.HS256, "first")).isEmpty();

    published.set(new JWKSet(second.toPublicJWK()));
    assertThat(select(keys, JWSAlgorithm.RS256, "first")).isEmpty();
    assertThat(select(keys, JWSAlgorithm.RS256, "second")).containsExactly(second.toPublicKey());
  }

  static List<Key> select(JwtVerifier.CachedKeySelector keys, JWSAlgorithm alg, String kid)
      throws Exception {
    return new java.util.ArrayList<>(keys.selectJWSKeys(new JWSHeader.Builder(alg).keyID(kid)
        .build(), null));
  }
}
