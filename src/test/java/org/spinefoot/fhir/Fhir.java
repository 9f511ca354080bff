package org.spinefoot.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds FHIR resources for tests. */
public final class Fhir {
  private Fhir() {}

  /** An empty response to the spinefoot Questionnaire. */
  public static ObjectNode response(String id) {
    ObjectNode qr = JsonNodeFactory.instance.objectNode();
    qr.put("resourceType", "QuestionnaireResponse");
    if (id != null) {
      qr.put("id", id);
    }
    qr.put("questionnaire", SpinefootQuestionnaire.URL);
    qr.put("status", "completed");
    qr.putArray("item");
    return qr;
  }

  /** Adds a yes/no answer (true: Y, false: N). */
  public static ObjectNode yesNo(ObjectNode qr, String linkId, boolean yes) {
    return coding(qr, linkId, SpinefootQuestionnaire.YES_NO_SYSTEM, yes ? "Y" : "N");
  }

  /** Adds a body-site answer: left, right, both, yes or no. */
  public static ObjectNode felt(ObjectNode qr, String linkId, String code) {
    return coding(qr, linkId, SpinefootQuestionnaire.FELT_SYSTEM, code);
  }

  /** Adds "asked, unknown". */
  public static ObjectNode unknown(ObjectNode qr, String linkId) {
    return coding(qr, linkId, SpinefootQuestionnaire.DATA_ABSENT_REASON_SYSTEM,
        SpinefootQuestionnaire.ASKED_UNKNOWN);
  }

  public static ObjectNode coding(ObjectNode qr, String linkId, String system, String code) {
    ObjectNode item = ((ArrayNode) qr.get("item")).addObject();
    item.put("linkId", linkId);
    item.putArray("answer").addObject().putObject("valueCoding").put("system", system)
        .put("code", code);
    return qr;
  }

  /** Answers every red-flag question of the Questionnaire "no" except those given. */
  public static ObjectNode redFlagsNo(ObjectNode qr, String... except) {
    java.util.Set<String> skip = java.util.Set.of(except);
    // The red-flag questions of the fixture knowledge base the service tests run on.
    for (QuestionnaireItem q :
        SpinefootQuestionnaire.items(org.spinefoot.Fixture.assessor().vocabulary())) {
      if (q.redFlag() && !skip.contains(q.linkId())) {
        if (q.kind() == QuestionnaireItem.Kind.SIDED) {
          felt(qr, q.linkId(), "no");
        } else {
          yesNo(qr, q.linkId(), false);
        }
      }
    }
    return qr;
  }

  public static ObjectNode patient(String id, String birthDate) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("resourceType", "Patient");
    p.put("id", id);
    if (birthDate != null) {
      p.put("birthDate", birthDate);
    }
    return p;
  }
}
