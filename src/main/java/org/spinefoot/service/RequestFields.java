package org.spinefoot.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks on the fields of a request's JSON, each refusing with a 400 that names the field by its
 * path. Shared by the endpoints so that a missing or mistyped field reads the same everywhere.
 */
final class RequestFields {
  private RequestFields() {}

  /** Refuses a field not in {@code allowed}; {@code prefix} is the path to {@code node}. */
  static void checkFields(JsonNode node, Set<String> allowed, String prefix) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new HttpError(400, prefix + f, "unknown field; allowed: "
            + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  static String requiredText(JsonNode node, String field) {
    return textAt(node, field, field);
  }

  /** A required non-blank string field, named by {@code path} when it is not one. */
  static String textAt(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new HttpError(400, path, "missing");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new HttpError(400, path, "expected a non-empty string");
    }
    return v.asText();
  }

  /** An optional http(s) URL field; null when absent. */
  static String optionalUrl(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new HttpError(400, field, "expected a string");
    }
    String s = v.asText();
    if (!s.startsWith("http://") && !s.startsWith("https://")) {
      throw new HttpError(400, field, "'" + s + "' is not an http(s) URL");
    }
    return s;
  }
}
