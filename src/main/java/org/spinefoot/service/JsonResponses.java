package org.spinefoot.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Writes the service's answers: a body with the headers every answer carries, and the JSON error
 * body ({@code status}, {@code field}, {@code error}). Kept apart so that the dispatcher and every
 * endpoint answer alike, and the server's own time on a call is measured in one place.
 */
final class JsonResponses {
  static final String JSON_TYPE = "application/json";
  static final String FHIR_JSON = "application/fhir+json";
  /** One mapper for the whole service: it is thread-safe, and costly to build per call. */
  static final ObjectMapper JSON = new ObjectMapper();
  /** The exchange attribute holding {@link System#nanoTime()} when the call arrived. */
  private static final String STARTED = "spinefoot.started";

  private JsonResponses() {}

  /** Notes the call's arrival, from which its Server-Timing is measured. */
  static void markArrival(HttpExchange ex) {
    ex.setAttribute(STARTED, System.nanoTime());
  }

  static void sendJson(HttpExchange ex, int status, ObjectNode body) throws IOException {
    send(ex, status, JSON_TYPE, JSON.writeValueAsBytes(body));
  }

  static void sendError(HttpExchange ex, int status, String field, String message)
      throws IOException {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("status", status);
    if (field != null && !field.isEmpty()) {
      body.put("field", field);
    }
    body.put("error", message);
    sendJson(ex, status, body);
  }

  static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    // How long the server worked on the call, so a client can tell it from network and queueing.
    Object started = ex.getAttribute(STARTED);
    if (started instanceof Long) {
      ex.getResponseHeaders().set("Server-Timing", String.format(Locale.ROOT,
          "app;dur=%.2f", (System.nanoTime() - (Long) started) / 1e6));
    }
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
