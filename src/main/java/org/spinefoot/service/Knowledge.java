package org.spinefoot.service;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.spinefoot.Assessor;
import org.spinefoot.RuleInfo;
import org.spinefoot.fhir.RuleSetVersion;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/**
 * The loaded knowledge base and what is derived from it once, so that no call derives it again:
 * its version, the Questionnaire as served, and each rule's topic (for the cards' links).
 */
record Knowledge(Assessor assessor, RuleSetVersion version, byte[] questionnaire,
    Map<String, String> topicsByRule) {

  static Knowledge of(Assessor assessor) {
    RuleSetVersion version = RuleSetVersion.of(assessor);
    Map<String, String> topics = new HashMap<>();
    for (RuleInfo r : assessor.rules()) {
      topics.put(r.id(), r.topic());
    }
    byte[] questionnaire;
    try {
      questionnaire = JsonResponses.JSON.writeValueAsBytes(
          SpinefootQuestionnaire.toFhir(version, assessor.vocabulary()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Knowledge(assessor, version, questionnaire, Map.copyOf(topics));
  }
}
