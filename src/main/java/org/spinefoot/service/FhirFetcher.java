package org.spinefoot.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.spinefoot.InvalidInputException;
import org.spinefoot.fhir.FhirRecordReader;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/**
 * Fetches what the CDS client did not prefetch from its FHIR server, with the access token it
 * gave ({@code fhirAuthorization}). Any failure is a 412, as CDS Hooks asks: the service cannot
 * get the data it needs. Thread-safe.
 */
final class FhirFetcher {
  private final Duration timeout;
  private final int maxBytes;
  private volatile HttpClient client; // made on first use: it costs start-up time

  FhirFetcher(Duration timeout, int maxBytes) {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = HttpClient.newBuilder().connectTimeout(timeout)
              .followRedirects(HttpClient.Redirect.NEVER).build();
          client = c;
        }
      }
    }
    return c;
  }

  JsonNode patient(String fhirServer, String token, String patientId) {
    return get(fhirServer, token, "Patient/" + encode(patientId), "prefetch.patient");
  }

  /** The latest response of this patient to the spinefoot Questionnaire, as a search Bundle. */
  JsonNode latestResponse(String fhirServer, String token, String patientId) {
    return get(fhirServer, token, "QuestionnaireResponse?subject=" + encode("Patient/" + patientId)
        + "&questionnaire=" + encode(SpinefootQuestionnaire.URL) + "&_sort=-authored&_count=1",
        "prefetch.questionnaireResponse");
  }

  private JsonNode get(String fhirServer, String token, String relative, String field) {
    URI uri;
    try {
      uri = URI.create(fhirServer.replaceAll("/+$", "") + "/" + relative);
    } catch (IllegalArgumentException e) {
      throw new HttpError(412, "fhirServer", "not a URL: " + e.getMessage());
    }
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).GET()
        .header("Accept", "application/fhir+json");
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> resp;
    try {
      resp = client().send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new HttpError(412, field, "not prefetched, and the FHIR server could not be reached: "
          + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(412, field, "not prefetched, and the fetch was interrupted");
    }
    if (resp.statusCode() != 200) {
      throw new HttpError(412, field, "not prefetched, and the FHIR server answered "
          + resp.statusCode() + " to GET " + relative);
    }
    if (resp.body().length > maxBytes) {
      throw new HttpError(412, field, "the FHIR server's answer is larger than " + maxBytes
          + " bytes");
    }
    try {
      return FhirRecordReader.parse(new String(resp.body(), StandardCharsets.UTF_8), field);
    } catch (InvalidInputException e) {
      throw new HttpError(412, field, "the FHIR server's answer is not JSON: " + e.detail());
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
