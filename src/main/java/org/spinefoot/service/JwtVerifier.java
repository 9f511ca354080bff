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
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the bearer JWT a CDS client sends with each call, as CDS Hooks 2.0 ("Trusting CDS
 * Clients") specifies: a {@code kid} and {@code typ: JWT} in the header; signed with an asymmetric algorithm by a key
 * of the trusted issuer's JWK Set; {@code iss}, {@code aud} (this service), {@code exp},
 * {@code iat} and {@code jti} present, and the {@code jti} not used before; {@code sub} and
 * {@code tenant} optional. Tokens with {@code alg: none} or an HMAC algorithm are refused. The
 * keys come from the issuer's configured JWK Set, or from the token's {@code jku} header when
 * that URL is on the issuer's allow-list (a {@code jku} off the list is refused, never
 * fetched). Thread-safe.
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
  static final Set<String> REQUIRED_CLAIMS = Set.of("iss", "aud", "exp", "iat", "jti");

  /** What a verified token says about the caller; {@code subject} and {@code tenant} may be null. */
  public record Caller(String issuer, String subject, String tenant, String jti) {
    /** The caller of a call served without a token ({@code --allow-unauthenticated}). */
    static final Caller ANONYMOUS = new Caller(null, null, null, null);
  }

  /** Where one issuer's keys come from: its configured set, and the jku URLs it may name. */
  private record IssuerKeys(JWSKeySelector<SecurityContext> configured, String configuredUrl,
      Map<String, JWSKeySelector<SecurityContext>> byJku) {}

  private final Map<String, IssuerKeys> keysByIssuer;
  private final Clock clock;
  private final ReplayStore replays;

  /**
   * @param configured each issuer's configured JWK Set (an issuer may have none when it is
   *     trusted through its jku allow-list only)
   * @param jkuAllowed the jku URLs each issuer may name, each with its source
   */
  JwtVerifier(Map<String, JWKSource<SecurityContext>> configured,
      Map<String, Map<String, JWKSource<SecurityContext>>> jkuAllowed, Clock clock,
      ReplayStore replays) {
    Map<String, IssuerKeys> keys = new LinkedHashMap<>();
    Set<String> issuers = new LinkedHashSet<>(configured.keySet());
    issuers.addAll(jkuAllowed.keySet());
    for (String iss : issuers) {
      JWKSource<SecurityContext> own = configured.get(iss);
      Map<String, JWSKeySelector<SecurityContext>> byJku = new LinkedHashMap<>();
      jkuAllowed.getOrDefault(iss, Map.of())
          .forEach((url, source) -> byJku.put(url, new CachedKeySelector(source)));
      keys.put(iss, new IssuerKeys(own == null ? null : new CachedKeySelector(own),
          own instanceof JwksSource j ? j.url().toString() : null, Map.copyOf(byJku)));
    }
    this.keysByIssuer = Map.copyOf(keys);
    this.clock = clock;
    this.replays = replays;
  }

  /** A verifier for the given issuers, each with its JWK Set: a file path or an http(s) URL. */
  public static JwtVerifier forIssuers(Map<String, String> jwksByIssuer, Clock clock) {
    return forIssuers(jwksByIssuer, Map.of(), clock,
        new InMemoryReplayStore(clock, InMemoryReplayStore.DEFAULT_CAPACITY),
        JwksSource.retriever(Duration.ofSeconds(5)));
  }

  /**
   * A verifier for the given issuers: each with its JWK Set (a file path, read once, or an
   * http(s) URL, fetched and refreshed as {@link JwksSource} says) and the {@code jku} URLs its
   * tokens may name.
   */
  static JwtVerifier forIssuers(Map<String, String> jwksByIssuer,
      Map<String, Set<String>> jkuByIssuer, Clock clock, ReplayStore replays,
      ResourceRetriever retriever) {
    Map<String, JWKSource<SecurityContext>> keys = new LinkedHashMap<>();
    jwksByIssuer.forEach((iss, where) -> keys.put(iss, source(iss, where, retriever, clock)));
    Map<String, Map<String, JWKSource<SecurityContext>>> jku = new LinkedHashMap<>();
    jkuByIssuer.forEach((iss, urls) -> {
      Map<String, JWKSource<SecurityContext>> sources = new LinkedHashMap<>();
      for (String url : urls) {
        sources.put(url, new JwksSource(httpUrl(iss, url), retriever, clock));
      }
      jku.put(iss, sources);
    });
    return new JwtVerifier(keys, jku, clock, replays);
  }

  private static JWKSource<SecurityContext> source(String issuer, String where,
      ResourceRetriever retriever, Clock clock) {
    if (where.startsWith("http://") || where.startsWith("https://")) {
      return new JwksSource(httpUrl(issuer, where), retriever, clock);
    }
    try {
      return new ImmutableJWKSet<>(JWKSet.parse(Files.readString(Path.of(where))));
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("trusted issuer " + issuer + ": cannot read its JWK Set at "
          + where + ": " + e.getMessage(), e);
    }
  }

  private static URL httpUrl(String issuer, String url) {
    try {
      URI uri = new URI(url);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new URISyntaxException(url, "expected an http(s) URL with a host");
      }
      return uri.toURL();
    } catch (URISyntaxException | java.net.MalformedURLException e) {
      throw new IllegalArgumentException("trusted issuer " + issuer + ": '" + url
          + "' is not a JWK Set URL: " + e.getMessage(), e);
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
   * @throws AuthException naming what is wrong (for the server's log, not for the caller)
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
    JWSHeader header = jwt.getHeader();
    JWSAlgorithm alg = header.getAlgorithm();
    if (!ALLOWED.contains(alg)) {
      throw new AuthException("Authorization: alg " + alg + " is refused"
          + (JWSAlgorithm.Family.HMAC_SHA.contains(alg) ? " (HMAC: shared secrets are not accepted)" : "")
          + "; allowed: RS256/384/512, PS256/384/512, ES256/384/512");
    }
    if (header.getKeyID() == null || header.getKeyID().isBlank()) {
      throw new AuthException("Authorization: kid missing from the JWT header (CDS Hooks "
          + "requires it)");
    }
    // CDS Hooks 2.0's header table: typ is required, with the fixed value JWT.
    if (header.getType() == null) {
      throw new AuthException("Authorization: typ missing from the JWT header (CDS Hooks "
          + "requires typ JWT)");
    }
    if (!header.getType().getType().equalsIgnoreCase("JWT")) { // a media type: any case
      throw new AuthException("Authorization: typ '" + header.getType().getType() + "' in the JWT "
          + "header is refused (CDS Hooks requires typ JWT)");
    }
    String issuer;
    try {
      issuer = jwt.getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      throw new AuthException("Authorization: claims are not readable: " + e.getMessage());
    }
    IssuerKeys trusted = issuer == null ? null : keysByIssuer.get(issuer);
    if (trusted == null) {
      throw new AuthException("Authorization: iss " + (issuer == null ? "missing" : "'" + issuer
          + "' is not a trusted issuer"));
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(keysFor(issuer, trusted, header));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        audiences, new JWTClaimsSet.Builder().issuer(issuer).build(), REQUIRED_CLAIMS, null) {
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
    String tenant;
    try {
      tenant = set.getStringClaim("tenant");
    } catch (ParseException e) {
      throw new AuthException("Authorization: tenant: expected a string");
    }
    long now = clock.millis();
    long exp = set.getExpirationTime().getTime();
    if (exp - now > MAX_LIFETIME.toMillis()) {
      throw new AuthException("Authorization: exp is more than " + MAX_LIFETIME.toMinutes()
          + " minutes ahead; use short-lived tokens (CDS Hooks: 5 minutes)");
    }
    // Remembered past exp by the clock skew, during which the token is still accepted.
    if (!replays.firstUse(issuer, set.getJWTID(),
        Instant.ofEpochMilli(exp + CLOCK_SKEW_SECONDS * 1000L))) {
      throw new AuthException("Authorization: jti '" + set.getJWTID()
          + "' was already used (replay refused)");
    }
    return new Caller(issuer, set.getSubject(), tenant, set.getJWTID());
  }

  /** The keys for this token: from its jku when the issuer allows that URL, else configured. */
  private static JWSKeySelector<SecurityContext> keysFor(String issuer, IssuerKeys trusted,
      JWSHeader header) {
    URI jku = header.getJWKURL();
    if (jku != null && !jku.toString().equals(trusted.configuredUrl())) {
      JWSKeySelector<SecurityContext> keys = trusted.byJku().get(jku.toString());
      if (keys == null) {
        throw new AuthException("Authorization: jku '" + jku + "' is not on the allow-list of "
            + issuer + (trusted.byJku().isEmpty() ? " (none configured)"
            : " " + trusted.byJku().keySet()));
      }
      return keys;
    }
    if (trusted.configured() == null) {
      throw new AuthException("Authorization: jku missing: issuer " + issuer + " has no "
          + "configured JWK Set, only a jku allow-list");
    }
    return trusted.configured();
  }

  private static String describe(String message, Set<String> audiences) {
    if (message != null && (message.contains("audience") || message.contains("aud claim"))) {
      return "aud: the token is not addressed to this service; expected one of " + audiences;
    }
    return message;
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
