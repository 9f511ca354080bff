package org.spinefoot.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The two resources a hook call is about, the Patient and the latest QuestionnaireResponse:
 * taken from the call's prefetch, or fetched from its FHIR server when not prefetched. Separate
 * from the hook because CDS Hooks gives a prefetch several ways to be missing (absent, null, a
 * failed fetch as an {@code OperationOutcome}), each answered differently.
 */
final class Prefetch {
  private final FhirFetcher fetcher;

  Prefetch(FhirFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /** The Patient, and the response (null: nothing has been asked yet). */
  record Resources(JsonNode patient, JsonNode response) {}

  /**
   * The resources, from {@code prefetch} (the request's field, may be null) or else from {@code
   * fhirServer} (null when the client gave none) with the client's {@code token}.
   */
  Resources resolve(JsonNode prefetch, String fhirServer, String token, String patientId) {
    if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
      throw new HttpError(400, "prefetch", "expected an object");
    }
    JsonNode patient = prefetched(prefetch, "patient");
    if (patient != null && patient.isNull()) {
      patient = null; // no Patient from the client: fetched, as the patient in context must exist
    }
    JsonNode responses = prefetched(prefetch, "questionnaireResponse");
    if (fhirServer == null) {
      requirePrefetched(prefetch, "patient", patient);
      requirePrefetched(prefetch, "questionnaireResponse", responses);
    }
    if (patient == null) {
      patient = fetcher.patient(fhirServer, token, patientId);
    }
    if (responses == null) {
      responses = fetcher.latestResponse(fhirServer, token, patientId);
    }
    JsonNode patientId2 = patient.get("id");
    if (patientId2 != null && patientId2.isTextual() && !patientId2.asText().equals(patientId)) {
      throw new HttpError(400, "prefetch.patient.id", "'" + patientId2.asText()
          + "' is not the patient in context ('" + patientId + "')");
    }
    return new Resources(patient, latest(responses));
  }

  /**
   * A prefetch key's value, or null when it was not prefetched: absent, or a prefetch that
   * failed, which CDS Hooks 2.0 lets the client send as an {@code OperationOutcome}. A JSON
   * null is kept: the client says it found no such resource.
   */
  private static JsonNode prefetched(JsonNode prefetch, String key) {
    JsonNode v = prefetch == null || prefetch.isNull() ? null : prefetch.get(key);
    return v == null || isOperationOutcome(v) ? null : v;
  }

  private static boolean isOperationOutcome(JsonNode v) {
    return "OperationOutcome".equals(v.path("resourceType").asText());
  }

  /** A 412 saying what is missing and why, when it cannot be fetched (no fhirServer). */
  private static void requirePrefetched(JsonNode prefetch, String key, JsonNode value) {
    if (value != null) {
      return;
    }
    JsonNode sent = prefetch == null || prefetch.isNull() ? null : prefetch.get(key);
    throw new HttpError(412, "prefetch." + key, (sent != null && isOperationOutcome(sent)
        ? "the client's prefetch failed (an OperationOutcome came instead)"
        : sent != null && sent.isNull() ? "null (no resource found)" : "not prefetched")
        + ", and no fhirServer to fetch it from");
  }

  /**
   * The response in a search Bundle (the latest by {@code authored}), or the resource itself;
   * null when there is none (an empty Bundle, or the client's null), so nothing has been asked.
   */
  private static JsonNode latest(JsonNode responses) {
    if (responses.isNull()) {
      return null;
    }
    JsonNode type = responses.get("resourceType");
    if (type == null || !type.asText().equals("Bundle")) {
      return responses;
    }
    JsonNode entries = responses.get("entry");
    JsonNode best = null;
    String bestAuthored = "";
    if (entries != null && entries.isArray()) {
      for (JsonNode e : entries) {
        JsonNode r = e.get("resource");
        if (r == null || !"QuestionnaireResponse".equals(r.path("resourceType").asText())) {
          continue; // an OperationOutcome or an included resource
        }
        String authored = r.path("authored").asText("");
        if (best == null || authored.compareTo(bestAuthored) > 0) {
          best = r;
          bestAuthored = authored;
        }
      }
    }
    return best; // null: no response yet, so nothing has been asked
  }
}
