package org.spinefoot.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.spinefoot.Assessor;
import org.spinefoot.RuleDirs;

/**
 * A real service on a loopback port over fixture rules, a trusted issuer's RSA key, and a real
 * HTTP client. The fixture: loss of bladder control is an EMERGENCY; fever with foot numbness
 * is URGENT; the project's disposition rules keep an unasked red flag out of self-care.
 */
final class ServiceFixture implements AutoCloseable {
  static final String ISSUER = "https://ehr.test";
  static final String FIXTURE = """
      rule "Probe: loss of bladder or bowel control is an emergency"
          @id("probe-emergency") @inventory("RF-04") @urgency("EMERGENCY") @source("x#y")
      when
          Observation( sign == "bladderOrBowelControlLost", present )
      then
          insertLogical(new Finding(kcontext, Urgency.EMERGENCY, "probe-emergency",
              "Probe emergency: bladder control lost"));
      end

      rule "Probe: fever with foot numbness needs care today"
          @id("probe-urgent") @inventory("RF-10") @urgency("URGENT") @source("x#y")
      when
          Observation( sign == "fever", present )
          Numbness( site == "foot", present )
      then
          insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-urgent",
              "Probe urgent: fever with a numb foot"));
      end
      """;
  static final ObjectMapper JSON = new ObjectMapper();

  final RSAKey key;
  final SpinefootService service;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Path auditLog;
  final String base;

  ServiceFixture(Path dir, UnaryOperator<ServiceConfig> configure) {
    try {
      Path rules = RuleDirs.withDispositionAnd(dir.resolve("rules"), "probe.drl", FIXTURE);
      key = new RSAKeyGenerator(2048).keyID("k1").generate();
      Path jwks = dir.resolve("jwks.json");
      Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString(true));
      auditLog = dir.resolve("audit.ndjson");
      Assessor assessor = Assessor.fromDirectory(rules);
      service = SpinefootService.start(configure.apply(new ServiceConfig().port(0)
          .trust(ISSUER, jwks.toString()).auditLog(auditLog)), () -> assessor);
      service.awaitReady();
      base = service.publicUrl();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid token for this endpoint path. */
  String token(String path) {
    return token(path, b -> b);
  }

  /** A token whose claims the caller may change. */
  String token(String path, UnaryOperator<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("client-1")
        .audience(base + path).issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString());
    return sign(change.apply(claims).build(), key);
  }

  static String sign(JWTClaimsSet claims, RSAKey key) {
    return sign(claims, key, com.nimbusds.jose.JOSEObjectType.JWT);
  }

  /** A token signed as {@link #sign} does, with this {@code typ} in its header (null: none). */
  static String sign(JWTClaimsSet claims, RSAKey key, com.nimbusds.jose.JOSEObjectType type) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384)
          .keyID(key.getKeyID()).type(type).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token signed as {@link #sign} does, but without a {@code kid} in its header. */
  static String signWithoutKid(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384)
          .type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The response of one call: status and body. */
  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Reply post(String path, String token, Object body) {
    String text;
    try {
      text = body instanceof String ? (String) body : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  Reply send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    service.stop(0);
  }
}
