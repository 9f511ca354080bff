package org.spinefoot.service;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which browser origins may call the service (CORS). None by default: an EHR calls from its
 * server, and a browser page (the CDS Hooks sandbox, a SMART app) needs its origin listed
 * exactly, as {@code scheme://host[:port]}. There is no wildcard. Thread-safe (immutable).
 */
final class CorsPolicy {
  private final Set<String> allowed;

  private CorsPolicy(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  /**
   * The policy for these origins.
   *
   * @throws IllegalArgumentException naming an entry that is not an origin
   */
  static CorsPolicy allowing(List<String> origins) {
    Set<String> checked = new LinkedHashSet<>();
    for (String origin : origins) {
      checked.add(checkOrigin(origin));
    }
    return new CorsPolicy(checked);
  }

  private static String checkOrigin(String origin) {
    String expected = "expected an exact origin such as https://sandbox.cds-hooks.org "
        + "(scheme, host and optional port; no path, no wildcard)";
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cors origin '" + origin + "': " + expected);
    }
    boolean ok = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty()
        && uri.getRawQuery() == null && uri.getRawFragment() == null;
    if (!ok) {
      throw new IllegalArgumentException("cors origin '" + origin + "': " + expected);
    }
    return origin;
  }

  boolean allows(String origin) {
    return origin != null && allowed.contains(origin);
  }

  /** Headers for any answer: the origin echoed when allowed, so the browser may read it. */
  void addHeaders(String origin, Headers response) {
    if (allowed.isEmpty()) {
      return;
    }
    response.add("Vary", "Origin"); // the answer differs by origin: caches must not mix them
    if (allows(origin)) {
      response.set("Access-Control-Allow-Origin", origin);
    }
  }

  /** Headers granting a preflight from an allowed origin. */
  void addPreflightHeaders(Headers response) {
    response.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    response.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
    response.set("Access-Control-Max-Age", "600");
  }
}
