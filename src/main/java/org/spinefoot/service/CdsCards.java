package org.spinefoot.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.spinefoot.Assessment;
import org.spinefoot.Urgency;
import org.spinefoot.fhir.FhirRecord;
import org.spinefoot.fhir.QuestionnaireItem;
import org.spinefoot.fhir.RuleSetVersion;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/**
 * Turns an assessment into CDS Hooks cards: one card per finding at the disposition's urgency
 * (lower findings are listed in its detail), or one card saying so when no finding stands; and
 * one "ask next" card while red-flag questions are unanswered. Card uuids are derived from the
 * hook instance, the ruleset's content hash and the finding, so the same call gets the same
 * uuids and feedback can name them. Stateless.
 */
public final class CdsCards {
  /** Longest card summary: CDS Hooks says under 140 characters. */
  public static final int MAX_SUMMARY = 139;
  public static final String TOPIC_SYSTEM = "https://spinefoot.org/fhir/CodeSystem/topic";
  public static final String OVERRIDE_SYSTEM = "https://spinefoot.org/fhir/CodeSystem/override-reason";
  static final String ASK_NEXT = "ask-next";

  /** Why a clinician may set a card aside; recorded with the feedback. */
  static final List<String[]> OVERRIDE_REASONS = List.of(
      new String[] {"already-addressed", "Already assessed or acted on"},
      new String[] {"answers-incorrect", "The patient's answers are not correct"},
      new String[] {"clinical-judgement", "Clinical judgement differs"},
      new String[] {"patient-declined", "The patient declined"});

  private CdsCards() {}

  /**
   * Where a card may lead, as the operator configured it ({@code serve --launch-url},
   * {@code --knowledge-url}); each null when not configured.
   *
   * @param launchUrl the app that opens the spinefoot Questionnaire for the patient in context
   *     and asks the open questions: a SMART app's launch URL, or a plain web page
   * @param smartLaunch true when {@code launchUrl} is a SMART app (CDS Hooks link type {@code
   *     smart}, launched with the EHR's context), false for a plain page ({@code absolute})
   * @param knowledgeUrl the catalog of the knowledge behind the cards, as {@code ./spinefoot
   *     catalog} writes it, published by the organisation; each card's {@code source.url}, at the
   *     section of the card's topic
   */
  public record Links(String launchUrl, boolean smartLaunch, String knowledgeUrl) {
    /** No link configured. */
    public static final Links NONE = new Links(null, true, null);
  }

  /** The indicator of a card at this urgency. */
  public static String indicator(Urgency u) {
    return u == Urgency.EMERGENCY ? "critical" : u == Urgency.URGENT ? "warning" : "info";
  }

  /** The stable uuid of a card. */
  public static String uuid(String hookInstance, RuleSetVersion version, String cardKey) {
    return UUID.nameUUIDFromBytes(("spinefoot|" + hookInstance + "|" + version.contentHash() + "|"
        + cardKey).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * The cards for one assessment.
   *
   * @param topicsByRule the topic (rule folder) of each rule ID, for the card's source
   */
  public static List<ObjectNode> cards(Assessment a, FhirRecord record, RuleSetVersion version,
      String hookInstance, Map<String, String> topicsByRule) {
    return cards(a, record, version, hookInstance, topicsByRule, Links.NONE);
  }

  /**
   * The cards for one assessment, with the links the operator configured: each card's {@code
   * source.url} leads to the knowledge behind it, and the "ask next" card links to the app that
   * asks the open questions.
   *
   * @param topicsByRule the topic (rule folder) of each rule ID, for the card's source
   * @param links where the cards may lead
   */
  public static List<ObjectNode> cards(Assessment a, FhirRecord record, RuleSetVersion version,
      String hookInstance, Map<String, String> topicsByRule, Links links) {
    List<ObjectNode> cards = new ArrayList<>();
    Urgency disposition = a.disposition();
    List<Assessment.Finding> top = a.findings().stream()
        .filter(f -> f.urgency() == disposition).toList();
    List<Assessment.Finding> lower = a.findings().stream()
        .filter(f -> f.urgency() != disposition).toList();
    for (Assessment.Finding f : top) {
      String topic = f.because().isEmpty() ? "findings"
          : topicsByRule.getOrDefault(f.because().get(0).rule(), "findings");
      String summary = f.title() + " (" + word(disposition) + ")";
      StringBuilder md = new StringBuilder();
      md.append("**").append(word(disposition)).append("**: ").append(disposition.meaning())
          .append(".\n\n**Why**\n\n");
      for (Assessment.Reason r : f.because()) {
        md.append("- ").append(r.ruleName()).append(": ")
            .append(String.join("; ", r.observations())).append('\n');
      }
      appendCommon(md, a, lower, f.sources());
      cards.add(card(uuid(hookInstance, version, "finding:" + f.id()), summary,
          indicator(disposition), md.toString(), version, topic, links));
    }
    if (top.isEmpty()) {
      StringBuilder md = new StringBuilder();
      md.append("**").append(word(disposition)).append("**: ").append(disposition.meaning())
          .append(".\n\n");
      if (!a.advice().isEmpty()) {
        md.append("**Advice**\n\n");
        a.advice().forEach(ad -> md.append("- ").append(ad.text()).append('\n'));
      }
      appendCommon(md, a, lower, List.of());
      cards.add(card(uuid(hookInstance, version, "disposition:" + disposition), "No finding: "
          + disposition.meaning(), indicator(disposition), md.toString(), version, "disposition",
          links));
    }
    ObjectNode askNext = askNext(a, record, version, hookInstance, links);
    if (askNext != null) {
      cards.add(askNext);
    }
    return cards;
  }

  // Red-flag questions the record leaves unanswered: "not asked" and "asked, unknown" alike.
  private static ObjectNode askNext(Assessment a, FhirRecord record, RuleSetVersion version,
      String hookInstance, Links links) {
    List<Assessment.UnansweredQuestion> open = a.unanswered();
    if (open.isEmpty()) {
      return null;
    }
    StringBuilder md = new StringBuilder();
    md.append("These red-flag questions are unanswered, so the disposition may be too low until "
        + "they are asked (self-care is never advised while one is open):\n\n");
    for (Assessment.UnansweredQuestion q : open) {
      QuestionnaireItem item = SpinefootQuestionnaire.item(record.patient().vocabulary(), q.path());
      md.append("- ").append(item == null ? q.question() : item.text())
          .append(record.askedUnknown().contains(q.path()) ? " _(asked: not known)_" : "")
          .append(" `").append(q.path()).append("`\n");
    }
    String summary = "Ask " + open.size() + " red-flag question" + (open.size() == 1 ? "" : "s")
        + " before deciding";
    ObjectNode card = card(uuid(hookInstance, version, ASK_NEXT), summary, "warning",
        md.toString(), version, ASK_NEXT, links);
    if (links.launchUrl() != null) {
      ObjectNode link = card.putArray("links").addObject();
      link.put("label", "Answer the open questions in the spinefoot questionnaire");
      link.put("url", links.launchUrl());
      link.put("type", links.smartLaunch() ? "smart" : "absolute");
      if (links.smartLaunch()) {
        // appContext goes only with a SMART launch: which form, and which questions first.
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.put("questionnaire", SpinefootQuestionnaire.URL + "|"
            + version.questionnaireVersion());
        ArrayNode ask = context.putArray("ask");
        open.forEach(q -> ask.add(q.path()));
        link.put("appContext", context.toString());
      }
    }
    return card;
  }

  private static void appendCommon(StringBuilder md, Assessment a, List<Assessment.Finding> lower,
      List<String> sources) {
    if (a.stopExercises()) {
      md.append("\nStop the back and leg exercises until the patient has been assessed.\n");
    }
    if (!lower.isEmpty()) {
      md.append("\n**Also found**\n\n");
      lower.forEach(f -> md.append("- ").append(f.title()).append(" (").append(word(f.urgency()))
          .append(")\n"));
    }
    if (!sources.isEmpty()) {
      md.append("\n**Sources**: ").append(String.join(", ", sources)).append('\n');
    }
  }

  private static ObjectNode card(String uuid, String summary, String indicator, String detail,
      RuleSetVersion version, String topic, Links links) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("uuid", uuid);
    c.put("summary", shorten(summary));
    c.put("indicator", indicator);
    c.put("detail", detail);
    ObjectNode source = c.putObject("source");
    source.put("label", version.sourceLabel());
    if (links.knowledgeUrl() != null) {
      // The catalog's anchors: a topic's section, and the questions for the ask-next card.
      source.put("url", links.knowledgeUrl() + (ASK_NEXT.equals(topic) ? "#vocabulary"
          : "findings".equals(topic) ? "" : "#topic-" + topic));
    }
    source.putObject("topic").put("system", TOPIC_SYSTEM).put("code", topic).put("display", topic);
    ArrayNode reasons = c.putArray("overrideReasons");
    for (String[] r : OVERRIDE_REASONS) {
      reasons.addObject().put("system", OVERRIDE_SYSTEM).put("code", r[0]).put("display", r[1]);
    }
    return c;
  }

  static String shorten(String s) {
    return s.length() <= MAX_SUMMARY ? s : s.substring(0, MAX_SUMMARY - 1).stripTrailing() + "…";
  }

  private static String word(Urgency u) {
    return u.name().replace('_', ' ').toLowerCase(Locale.ROOT).replace("self care", "self-care")
        .toUpperCase(Locale.ROOT);
  }
}
