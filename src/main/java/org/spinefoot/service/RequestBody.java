package org.spinefoot.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.spinefoot.fhir.FhirRecordReader;

/**
 * Reads a POST's JSON body within the size limit. Separate from the endpoints because each of
 * them needs the same checks in the same order (type, declared length, actual length, UTF-8,
 * JSON object), and refusing a body too large takes care of its own (see {@link #discard}).
 */
final class RequestBody {
  private final int maxBytes;
  private final WorkerPool pool;

  RequestBody(int maxBytes, WorkerPool pool) {
    this.maxBytes = maxBytes;
    this.pool = pool;
  }

  /** The body as a JSON object; {@code what} names it in a parse error. */
  JsonNode readJson(HttpExchange ex, String what) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !(type.startsWith(JsonResponses.JSON_TYPE)
        || type.startsWith(JsonResponses.FHIR_JSON))) {
      throw new HttpError(415, "Content-Type", "'" + type + "'; expected application/json or "
          + JsonResponses.FHIR_JSON);
    }
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw new HttpError(400, "Content-Length", "not a number");
      }
      if (declared > maxBytes) {
        discard(ex);
        throw new HttpError(413, "Content-Length", length + " bytes; allowed: up to " + maxBytes);
      }
    }
    InputStream in = ex.getRequestBody();
    byte[] body = in.readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      discard(ex);
      throw new HttpError(413, "body", "larger than " + maxBytes + " bytes");
    }
    // Reading waits on the client; decoding and parsing compute, so only they take a permit.
    return pool.computing(() -> {
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(body)).toString();
      } catch (CharacterCodingException e) {
        throw new HttpError(400, "body", "not UTF-8 text");
      }
      JsonNode node = FhirRecordReader.parse(text, what);
      if (!node.isObject()) {
        throw new HttpError(400, "body", "expected a JSON object");
      }
      return node;
    });
  }

  /**
   * Reads and drops a refused body, up to a bound, so the client (still sending) gets the 413
   * rather than a reset connection; the connection is closed afterwards.
   */
  private void discard(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Connection", "close");
    InputStream in = ex.getRequestBody();
    long budget = 4L * maxBytes;
    byte[] buffer = new byte[64 * 1024];
    int n;
    while (budget > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, budget))) > 0) {
      budget -= n;
    }
  }
}
