package org.spinefoot.service;

import static org.spinefoot.service.RequestFields.checkFields;
import static org.spinefoot.service.RequestFields.textAt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * CDS Hooks feedback ({@code POST /cds-services/spinefoot-triage/feedback}): checks each outcome
 * against the cards issued, stores and audits it. Separate from the hook because it keeps state
 * of its own (the feedback stored) and answers for cards issued by earlier calls.
 */
final class FeedbackEndpoint {
  private static final int MAX_STORED_FEEDBACK = 100_000;

  private final RequestBody requestBody;
  private final IssuedCards issuedCards;
  private final ServiceAudit audit;
  private final List<ObjectNode> stored = Collections.synchronizedList(new ArrayList<>());

  FeedbackEndpoint(RequestBody requestBody, IssuedCards issuedCards, ServiceAudit audit) {
    this.requestBody = requestBody;
    this.issuedCards = issuedCards;
    this.audit = audit;
  }

  /** The feedback stored since start, oldest first. */
  List<ObjectNode> stored() {
    synchronized (stored) {
      return List.copyOf(stored);
    }
  }

  void answer(HttpExchange ex, Knowledge k, JwtVerifier.Caller caller) throws IOException {
    JsonNode request = requestBody.readJson(ex, "request");
    checkFields(request, Set.of("feedback"), "");
    JsonNode list = request.get("feedback");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new HttpError(400, "feedback", "expected a non-empty array of card outcomes");
    }
    // All are checked before any is stored: a call refused stores nothing.
    List<ObjectNode> accepted = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      accepted.add(outcome(list.get(i), "feedback[" + i + "]"));
    }
    synchronized (stored) {
      for (ObjectNode s : accepted) {
        if (stored.size() >= MAX_STORED_FEEDBACK) {
          stored.remove(0); // the audit log keeps every one
        }
        stored.add(s);
      }
    }
    ObjectNode line = audit.line("feedback", caller, k.version());
    ArrayNode arr = line.putArray("feedback");
    accepted.forEach(arr::add);
    line.put("status", 200);
    audit.write(line);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("stored", accepted.size());
    JsonResponses.sendJson(ex, 200, body);
  }

  /** One card's outcome {@code f}, found at {@code at}, as stored. */
  private ObjectNode outcome(JsonNode f, String at) {
    if (!f.isObject()) {
      throw new HttpError(400, at, "expected an object");
    }
    checkFields(f, Set.of("card", "outcome", "acceptedSuggestions", "overrideReason",
        "outcomeTimestamp"), at + ".");
    String card = textAt(f, "card", at + ".card");
    String hookInstance = issuedCards.hookInstanceOf(card);
    if (hookInstance == null) {
      throw new HttpError(400, at + ".card", "'" + card + "' is not a card this service issued"
          + " (or it was issued too long ago)");
    }
    String outcome = textAt(f, "outcome", at + ".outcome");
    if (outcome.equals("accepted")) {
      // CDS Hooks 2.0: "accepted" names the suggestions taken, and these cards offer none.
      throw new HttpError(400, at + ".outcome", "'accepted' reports suggestions taken, and "
          + "spinefoot's cards offer none; allowed: overridden");
    }
    if (!outcome.equals("overridden")) {
      throw new HttpError(400, at + ".outcome", "'" + outcome + "'; allowed: overridden");
    }
    if (f.has("acceptedSuggestions")) {
      throw new HttpError(400, at + ".acceptedSuggestions", "only with outcome 'accepted', "
          + "and these cards offer no suggestions");
    }
    String timestamp = textAt(f, "outcomeTimestamp", at + ".outcomeTimestamp");
    try {
      Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw new HttpError(400, at + ".outcomeTimestamp", "'" + timestamp
          + "' is not an ISO 8601 instant");
    }
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("card", card);
    entry.put("hookInstance", hookInstance);
    entry.put("outcome", outcome);
    entry.put("outcomeTimestamp", timestamp);
    JsonNode reason = f.path("overrideReason").path("reason");
    if (outcome.equals("overridden") && reason.isObject()) {
      String code = reason.path("code").asText("");
      boolean known = CdsCards.OVERRIDE_REASONS.stream().anyMatch(r -> r[0].equals(code));
      if (!known) {
        throw new HttpError(400, at + ".overrideReason.reason.code", "'" + code
            + "' is not one of the card's overrideReasons");
      }
      entry.put("overrideReason", code);
    }
    return entry;
  }
}
