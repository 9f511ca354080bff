package org.spinefoot.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the bearer JWT a CDS client sends with each call (CDS Hooks 2.0, "Trusting CDS
 * Clients"): signed with an asymmetric algorithm by a trusted issuer's key from its JWK Set,
 * addressed to this service ({@code aud}), unexpired, and not seen before ({@code jti}). Tokens
 * with {@code alg: none} or an HMAC algorithm are refused; a {@code jku} header is never followed
 * (keys come only from configuration). Thread-safe.
 */
public final class JwtVerifier {
  /** The algorithms accepted: RSA, RSA-PSS and elliptic-curve signatures; never none or HMAC. */
  public static final Set<JWSAlgorithm> ALLOWED = Set.of(
      JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
      JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
  /** Longest a token may still be valid: bounds the replay cache. CDS Hooks says 5 minutes. */
  static final Duration MAX_LIFETIME = Duration.ofMinutes(60);
  static final int CLOCK_SKEW_SECONDS = 60;
  static final int MAX_REMEMBERED_JTI = 200_000;

  /** What a verified token says about the caller. */
  public record Caller(String issuer, String subject, String jti) {}

  private final Map<String, JWSKeySelector<SecurityContext>> keysByIssuer;
  private final Clock clock;
  private final Map<String, Long> seenJti = new ConcurrentHashMap<>();

  JwtVerifier(Map<String, JWKSource<SecurityContext>> keysByIssuer, Clock clock) {
    Map<String, JWSKeySelector<SecurityContext>> selectors = new LinkedHashMap<>();
    keysByIssuer.forEach((iss, source) -> selectors.put(iss, new CachedKeySelector(source)));
    this.keysByIssuer = Map.copyOf(selectors);
    this.clock = clock;
  }

  /**
   * A verifier for the given issuers, each with the location of its JWK Set: a file path or an
   * {@code http(s)} URL (fetched and cached by nimbus).
   */
  public static JwtVerifier forIssuers(Map<String, String> jwksByIssuer, Clock clock) {
    Map<String, JWKSource<SecurityContext>> keys = new LinkedHashMap<>();
    jwksByIssuer.forEach((iss, where) -> keys.put(iss, source(iss, where)));
    return new JwtVerifier(keys, clock);
  }

  private static JWKSource<SecurityContext> source(String issuer, String where) {
    try {
      if (where.startsWith("http://") || where.startsWith("https://")) {
        return JWKSourceBuilder.create(URI.create(where).toURL()).build();
      }
      return new ImmutableJWKSet<>(JWKSet.parse(Files.readString(Path.of(where))));
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("trusted issuer " + issuer + ": cannot read its JWK Set at "
          + where + ": " + e.getMessage(), e);
    }
  }

  /** The issuers trusted. */
  public Set<String> issuers() {
    return keysByIssuer.keySet();
  }

  /**
   * Verifies an {@code Authorization} header value.
   *
   * @param audiences the audiences accepted; the token's {@code aud} must name one
   * @throws AuthException naming what is wrong
   */
  public Caller verify(String authorization, Set<String> audiences) {
    if (authorization == null || authorization.isBlank()) {
      throw new AuthException("Authorization: missing; expected 'Bearer <JWT>'");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new AuthException("Authorization: expected the Bearer scheme");
    }
    String token = authorization.substring(7).strip();
    JWT parsed;
    try {
      parsed = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new AuthException("Authorization: not a JWT: " + e.getMessage());
    }
    if (parsed instanceof PlainJWT) {
      throw new AuthException("Authorization: alg none is refused: the token must be signed");
    }
    if (!(parsed instanceof SignedJWT)) {
      throw new AuthException("Authorization: expected a signed JWT (JWS), not an encrypted one");
    }
    SignedJWT jwt = (SignedJWT) parsed;
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (!ALLOWED.contains(alg)) {
      throw new AuthException("Authorization: alg " + alg + " is refused"
          + (JWSAlgorithm.Family.HMAC_SHA.contains(alg) ? " (HMAC: shared secrets are not accepted)" : "")
          + "; allowed: RS256/384/512, PS256/384/512, ES256/384/512");
    }
    String issuer;
    try {
      issuer = jwt.getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      throw new AuthException("Authorization: claims are not readable: " + e.getMessage());
    }
    JWSKeySelector<SecurityContext> keys = issuer == null ? null : keysByIssuer.get(issuer);
    if (keys == null) {
      throw new AuthException("Authorization: iss " + (issuer == null ? "missing" : "'" + issuer
          + "' is not a trusted issuer"));
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(keys);
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        audiences, new JWTClaimsSet.Builder().issuer(issuer).build(),
        Set.of("iss", "sub", "aud", "exp", "iat", "jti"), null) {
      @Override
      protected Date currentTime() {
        return Date.from(clock.instant());
      }
    };
    claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
    processor.setJWTClaimsSetVerifier(claims);
    JWTClaimsSet set;
    try {
      set = processor.process(jwt, null);
    } catch (BadJOSEException e) {
      throw new AuthException("Authorization: " + describe(e.getMessage(), audiences));
    } catch (JOSEException e) {
      throw new AuthException("Authorization: cannot verify the signature: " + e.getMessage());
    }
    long now = clock.millis();
    long exp = set.getExpirationTime().getTime();
    if (exp - now > MAX_LIFETIME.toMillis()) {
      throw new AuthException("Authorization: exp is more than " + MAX_LIFETIME.toMinutes()
          + " minutes ahead; use short-lived tokens (CDS Hooks: 5 minutes)");
    }
    rememberOnce(issuer, set.getJWTID(), exp + CLOCK_SKEW_SECONDS * 1000L, now);
    return new Caller(issuer, set.getSubject(), set.getJWTID());
  }

  private static String describe(String message, Set<String> audiences) {
    if (message != null && message.contains("audience")) {
      return "aud: the token is not addressed to this service; expected one of " + audiences;
    }
    return message;
  }

  // A token may be used once: its jti is remembered until it expires.
  private void rememberOnce(String issuer, String jti, long until, long now) {
    if (seenJti.size() >= MAX_REMEMBERED_JTI) {
      for (Iterator<Map.Entry<String, Long>> it = seenJti.entrySet().iterator(); it.hasNext(); ) {
        if (it.next().getValue() < now) {
          it.remove();
        }
      }
      if (seenJti.size() >= MAX_REMEMBERED_JTI) {
        throw new AuthException("Authorization: too many live tokens to track replays; retry later");
      }
    }
    if (seenJti.putIfAbsent(issuer + "\u0000" + jti, until) != null) {
      throw new AuthException("Authorization: jti '" + jti + "' was already used (replay refused)");
    }
  }

  /**
   * The verification keys of one issuer for a token's header: the JWKs its source holds that
   * match the header (kid, alg, use), as nimbus's {@code JWSVerificationKeySelector} picks them,
   * but each JWK turned into a Java public key once and kept (the conversion, big-integer
   * parsing and a KeyFactory call, was a measurable part of every call). A key rotated in at
   * the JWKS URL is a new JWK and is converted when first seen; the cache is bounded.
   */
  static final class CachedKeySelector implements JWSKeySelector<SecurityContext> {
    private static final int MAX_CACHED = 256;
    private final JWKSource<SecurityContext> source;
    private final Map<JWK, List<Key>> converted = new ConcurrentHashMap<>();

    CachedKeySelector(JWKSource<SecurityContext> source) {
      this.source = source;
    }

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context)
        throws KeySourceException {
      if (!ALLOWED.contains(header.getAlgorithm())) {
        return List.of();
      }
      JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
      if (matcher == null) {
        return List.of();
      }
      List<Key> keys = new ArrayList<>();
      for (JWK jwk : source.get(new JWKSelector(matcher), context)) {
        List<Key> java = converted.get(jwk);
        if (java == null) {
          if (converted.size() >= MAX_CACHED) {
            converted.clear();
          }
          // Public keys only: a private key in a trusted JWK Set is never used, nor a secret.
          java = KeyConverter.toJavaKeys(List.of(jwk)).stream()
              .filter(k -> k instanceof PublicKey).toList();
          converted.put(jwk, java);
        }
        keys.addAll(java);
      }
      return keys;
    }
  }

  /** For tests and the README: the algorithms as names. */
  static List<String> allowedNames() {
    return ALLOWED.stream().map(JWSAlgorithm::getName).sorted().toList();
  }
}
