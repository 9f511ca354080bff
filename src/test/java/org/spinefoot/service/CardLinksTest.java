package org.spinefoot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.Fixture;
import org.spinefoot.Patient;
import org.spinefoot.fhir.FhirRecord;
import org.spinefoot.fhir.RuleSetVersion;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/** Where the cards lead: the app that asks the open questions, and the knowledge behind them. */
class CardLinksTest {
  private static final Assessor ASSESSOR = Fixture.assessor();
  private static final RuleSetVersion VERSION = RuleSetVersion.of(ASSESSOR);

  /** Nothing answered: the fixture's red-flag questions are all open. */
  private static List<ObjectNode> cards(CdsCards.Links links) {
    Patient nothing = Patient.builder("p").build();
    Assessment a = ASSESSOR.assess(nothing);
    assertThat(a.unanswered()).isNotEmpty();
    return CdsCards.cards(a, new FhirRecord(nothing, List.of(), Set.of(), "Patient/p"), VERSION,
        "hook-1", Map.of(), links);
  }

  private static ObjectNode askNext(List<ObjectNode> cards) {
    return cards.stream().filter(c -> c.at("/source/topic/code").asText()
        .equals(CdsCards.ASK_NEXT)).findFirst().orElseThrow();
  }

  @Test
  void aSmartLaunchLinkOpensTheQuestionnaireWithTheOpenQuestions() throws Exception {
    ObjectNode card = askNext(cards(new CdsCards.Links("https://app.test/launch", true, null)));
    JsonNode link = card.path("links").get(0);
    assertThat(link.path("type").asText()).isEqualTo("smart");
    assertThat(link.path("url").asText()).isEqualTo("https://app.test/launch");
    assertThat(link.path("label").asText()).isNotBlank();
    JsonNode context = new ObjectMapper().readTree(link.path("appContext").asText());
    assertThat(context.path("questionnaire").asText())
        .isEqualTo(SpinefootQuestionnaire.URL + "|" + VERSION.questionnaireVersion());
    List<String> ask = new java.util.ArrayList<>();
    context.path("ask").forEach(q -> ask.add(q.asText()));
    Assessment a = ASSESSOR.assess(Patient.builder("p").build());
    assertThat(ask).containsExactlyElementsOf(
        a.unanswered().stream().map(Assessment.UnansweredQuestion::path).toList());
  }

  @Test
  void anAbsoluteLinkCarriesNoAppContext() {
    JsonNode link = askNext(cards(new CdsCards.Links("https://forms.test/spine", false, null)))
        .path("links").get(0);
    assertThat(link.path("type").asText()).isEqualTo("absolute");
    assertThat(link.has("appContext")).as("only a SMART link may carry appContext").isFalse();
  }

  @Test
  void eachCardsSourceLeadsToTheKnowledgeBehindItWhenAKnowledgeUrlIsConfigured() {
    List<ObjectNode> cards = cards(new CdsCards.Links(null, true, "https://kb.test/catalog.html"));
    assertThat(askNext(cards).at("/source/url").asText())
        .isEqualTo("https://kb.test/catalog.html#vocabulary");
    assertThat(cards).allSatisfy(c -> {
      assertThat(c.at("/source/url").asText()).startsWith("https://kb.test/catalog.html");
      assertThat(c.at("/source/label").asText()).isEqualTo(VERSION.sourceLabel());
      assertThat(c.has("links")).as("no launch URL, no link").isFalse();
    });
  }

  @Test
  void theServiceSendsTheLinksItWasStartedWith(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) {
    try (ServiceFixture f = new ServiceFixture(dir, c -> c.cardLinks("https://app.test/launch",
        true, "https://kb.test/catalog.html"))) {
      ServiceFixture.Reply r = f.post(CdsHooksServiceTest.HOOK_PATH,
          f.token(CdsHooksServiceTest.HOOK_PATH), CdsHooksServiceTest.hookRequest(
              java.util.UUID.randomUUID().toString(), org.spinefoot.fhir.Fhir.patient("p1", null),
              CdsHooksServiceTest.bundle(CdsHooksServiceTest.emergencyResponse())));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      List<ObjectNode> sent = new java.util.ArrayList<>();
      r.json().path("cards").forEach(c -> sent.add((ObjectNode) c));
      assertThat(askNext(sent).at("/links/0/url").asText()).isEqualTo("https://app.test/launch");
      assertThat(sent).allSatisfy(c -> assertThat(c.at("/source/url").asText())
          .startsWith("https://kb.test/catalog.html"));
    }
  }

  @Test
  void aLinkThatIsNotAnAbsoluteWebUrlIsRefusedAtStart() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new ServiceConfig().cardLinks("app.test/launch", true, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("launch URL: 'app.test/launch' is not an absolute URL");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new ServiceConfig().cardLinks(null, true, "https://kb.test/c.html#x"))
        .hasMessageContaining("without a #fragment");
  }

  @Test
  void withoutConfigurationCardsCarryNeitherLinksNorASourceUrl() {
    assertThat(cards(CdsCards.Links.NONE)).allSatisfy(c -> {
      assertThat(c.has("links")).isFalse();
      assertThat(c.path("source").has("url")).isFalse();
    });
  }
}
