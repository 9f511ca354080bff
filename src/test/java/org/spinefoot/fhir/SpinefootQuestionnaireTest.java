package org.spinefoot.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spinefoot.KnowledgeVersion;
import org.spinefoot.Sign;
import org.spinefoot.Site;

/** The Questionnaire follows the record model: every question, its answers, its red flag. */
class SpinefootQuestionnaireTest {
  private static final String HASH = "0123456789abcdef".repeat(4);
  private static final RuleSetVersion VERSION = new RuleSetVersion("0.1.0",
      new KnowledgeVersion("label", "1.2.3", KnowledgeVersion.Status.ACTIVE, "2026-11-30",
          "the reviewers", HASH, HASH));

  @Test
  void everySignAndSiteOfTheRecordIsAQuestionKeyedByItsRecordPath() {
    Set<String> linkIds = new HashSet<>();
    SpinefootQuestionnaire.items().forEach(i -> assertThat(linkIds.add(i.linkId())).isTrue());
    for (Sign s : org.spinefoot.Vocabulary.packaged().signs()) {
      QuestionnaireItem item = SpinefootQuestionnaire.item("signs." + s.key());
      assertThat(item).as(s.key()).isNotNull();
      assertThat(item.kind()).isEqualTo(QuestionnaireItem.Kind.YES_NO);
      assertThat(item.redFlag()).as("red flags are marked from the vocabulary")
          .isEqualTo(s.entry().redFlag());
      assertThat(item.text()).as("the clinician's wording").isEqualTo(s.entry().clinician());
    }
    for (Site s : org.spinefoot.Vocabulary.packaged().sites()) {
      assertThat(SpinefootQuestionnaire.item("pain." + s.key()) != null)
          .as("pain." + s.key()).isEqualTo(s.isPainSite());
      assertThat(SpinefootQuestionnaire.item("numbness." + s.key()) != null)
          .as("numbness." + s.key()).isEqualTo(s.isNumbnessSite());
      assertThat(SpinefootQuestionnaire.item("weakness." + s.key()) != null)
          .as("weakness." + s.key()).isEqualTo(s.isWeaknessSite());
    }
    assertThat(SpinefootQuestionnaire.item("pain.lowBack").kind())
        .isEqualTo(QuestionnaireItem.Kind.SIDED);
    assertThat(SpinefootQuestionnaire.item("age").kind()).isEqualTo(QuestionnaireItem.Kind.INTEGER);
    assertThat(SpinefootQuestionnaire.item("durationDays")).isNotNull();
  }

  @Test
  void theResourceIsVersionedAndMarksRedFlagsAndOffersTheAnswersAndUnknown() {
    ObjectNode q = SpinefootQuestionnaire.toFhir(VERSION,
        org.spinefoot.Fixture.assessor().vocabulary());
    assertThat(q.get("resourceType").asText()).isEqualTo("Questionnaire");
    assertThat(q.get("url").asText()).isEqualTo(SpinefootQuestionnaire.URL);
    assertThat(q.get("version").asText()).isEqualTo("1.2.3+0123456789ab");
    assertThat(q.get("status").asText()).as("as approved as its knowledge").isEqualTo("active");
    assertThat(q.get("date").asText()).isEqualTo("2026-11-30");
    assertThat(q.get("publisher").asText()).isEqualTo("the reviewers");
    ObjectNode draft = SpinefootQuestionnaire.toFhir(new RuleSetVersion("0.1.0",
        new KnowledgeVersion("label", "1.2.4", KnowledgeVersion.Status.DRAFT, null, null, HASH,
            null)), org.spinefoot.Fixture.assessor().vocabulary());
    assertThat(draft.get("status").asText()).isEqualTo("draft");
    assertThat(draft.has("date")).isFalse();
    JsonNode bladder = find(q, "signs.bladderOrBowelControlLost");
    List<String> roles = new ArrayList<>();
    bladder.path("code").forEach(c -> roles.add(c.path("code").asText()));
    assertThat(roles).contains("red-flag");
    assertThat(codes(bladder)).containsExactly("Y", "N", "asked-unknown");
    JsonNode foot = find(q, "numbness.foot");
    assertThat(codes(foot)).containsExactly("left", "right", "both", "yes", "no", "asked-unknown");
    JsonNode overweight = find(q, "signs.overweight");
    assertThat(overweight.has("code")).isFalse();
    assertThat(find(q, "age").get("type").asText()).isEqualTo("integer");
  }

  private static JsonNode find(ObjectNode q, String linkId) {
    for (JsonNode i : q.get("item")) {
      if (i.get("linkId").asText().equals(linkId)) {
        return i;
      }
    }
    throw new AssertionError("no item " + linkId);
  }

  private static List<String> codes(JsonNode item) {
    List<String> out = new ArrayList<>();
    item.get("answerOption").forEach(o -> out.add(o.path("valueCoding").path("code").asText()));
    return out;
  }
}
