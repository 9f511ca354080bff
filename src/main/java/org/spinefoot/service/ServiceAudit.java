package org.spinefoot.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import org.spinefoot.fhir.RuleSetVersion;

/**
 * What the service writes to its audit log: a line per answered call (who called, under which
 * rule set), per refused call and per rejected token. Separate from {@link AuditLog}, which only
 * appends lines to a file, so that the lines' shape is decided in one place for all endpoints.
 */
final class ServiceAudit implements AutoCloseable {
  private final AuditLog log;
  private final Clock clock;

  ServiceAudit(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** The start of an answered call's line; the endpoint adds what it did, then {@link #write}s. */
  ObjectNode line(String event, JwtVerifier.Caller caller, RuleSetVersion version) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("time", clock.instant().toString());
    line.put("event", event);
    line.put("issuer", caller.issuer());
    if (caller.subject() != null) {
      line.put("client", caller.subject());
    }
    if (caller.tenant() != null) {
      line.put("tenant", caller.tenant());
    }
    line.put("jti", caller.jti());
    putRuleset(line, version);
    return line;
  }

  void write(ObjectNode line) {
    log.write(line);
  }

  /** A token refused; the reason is the verifier's, which the caller is not told. */
  void rejected(HttpExchange ex, String reason) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("time", clock.instant().toString());
    line.put("event", "rejected");
    line.put("path", ex.getRequestURI().getPath());
    line.put("status", 401);
    line.put("reason", reason);
    log.write(line);
  }

  // Refused calls are audited by status and field only: an error message may quote patient data.
  void refused(HttpExchange ex, int status, String field) {
    if (!ex.getRequestMethod().equals("POST")) {
      return;
    }
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("time", clock.instant().toString());
    line.put("event", "refused");
    line.put("path", ex.getRequestURI().getPath());
    line.put("status", status);
    line.put("field", field);
    log.write(line);
  }

  /** The rule set as the audit lines and the health check name it. */
  static void putRuleset(ObjectNode node, RuleSetVersion v) {
    ObjectNode r = node.putObject("ruleset");
    r.put("label", v.label());
    r.put("version", v.questionnaireVersion());
    r.put("contentHash", v.contentHash());
    r.put("status", v.knowledge().status().code());
  }

  @Override
  public void close() {
    log.close();
  }
}
