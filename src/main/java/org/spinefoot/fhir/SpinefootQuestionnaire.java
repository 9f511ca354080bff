package org.spinefoot.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.spinefoot.Vocabulary;

/**
 * The FHIR R4 Questionnaire of the spinefoot record, generated from the record model: one item
 * per question of {@link Patient#questions()} (so a question added to the model appears here
 * without a code change), plus age and symptom duration. Stateless and thread-safe.
 *
 * <p>Answers: yes/no questions use the HL7 yes/no codes ({@value #YES_NO_SYSTEM}: {@code Y},
 * {@code N}); questions about a body site use {@value #FELT_SYSTEM} ({@code left}, {@code right},
 * {@code both}, {@code yes} for "side not recorded", {@code no}). Every choice question also
 * accepts the data-absent-reason {@code asked-unknown} ({@value #DATA_ABSENT_REASON_SYSTEM}):
 * asked, but the patient does not know. Red-flag questions carry the code {@code red-flag} of
 * {@value #QUESTION_ROLE_SYSTEM}.
 */
public final class SpinefootQuestionnaire {
  /** The Questionnaire's canonical URL; a QuestionnaireResponse names it in {@code questionnaire}. */
  public static final String URL = "https://spinefoot.org/fhir/Questionnaire/spinefoot";
  public static final String ID = "spinefoot";
  public static final String YES_NO_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0136";
  public static final String FELT_SYSTEM = "https://spinefoot.org/fhir/CodeSystem/felt";
  public static final String DATA_ABSENT_REASON_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/data-absent-reason";
  public static final String ASKED_UNKNOWN = "asked-unknown";
  public static final String QUESTION_ROLE_SYSTEM =
      "https://spinefoot.org/fhir/CodeSystem/question-role";
  public static final String RED_FLAG = "red-flag";
  static final String MIN_VALUE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/minValue";
  static final String MAX_VALUE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/maxValue";

  /** An answer code of a choice question and how it reads. */
  public record Option(String system, String code, String display) {}

  static final List<Option> YES_NO_OPTIONS = List.of(
      new Option(YES_NO_SYSTEM, "Y", "Yes"),
      new Option(YES_NO_SYSTEM, "N", "No"));
  static final List<Option> SIDED_OPTIONS = List.of(
      new Option(FELT_SYSTEM, "left", "Yes, on the left"),
      new Option(FELT_SYSTEM, "right", "Yes, on the right"),
      new Option(FELT_SYSTEM, "both", "Yes, on both sides"),
      new Option(FELT_SYSTEM, "yes", "Yes, side not recorded"),
      new Option(FELT_SYSTEM, "no", "No"));
  // The display is the code system's own (R4 data-absent-reason): the FHIR validator refuses
  // any other display for a code of a system it knows.
  static final Option UNKNOWN_OPTION =
      new Option(DATA_ABSENT_REASON_SYSTEM, ASKED_UNKNOWN, "Asked But Unknown");
  // Built once: every coded answer of every call is checked against these.
  private static final List<Option> SIDED_ANSWERS = withUnknown(SIDED_OPTIONS);
  private static final List<Option> YES_NO_ANSWERS = withUnknown(YES_NO_OPTIONS);

  private static final java.util.Map<Vocabulary, List<QuestionnaireItem>> ITEMS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private SpinefootQuestionnaire() {}

  /**
   * The items of the packaged vocabulary, in its order: age, duration, then every question.
   */
  public static List<QuestionnaireItem> items() {
    return items(Vocabulary.packaged());
  }

  /** The items of a vocabulary, its red-flag questions marked, made once per vocabulary. */
  public static List<QuestionnaireItem> items(Vocabulary vocabulary) {
    return ITEMS.computeIfAbsent(vocabulary, SpinefootQuestionnaire::generate);
  }

  /** The item of the packaged vocabulary with this linkId, or null. */
  public static QuestionnaireItem item(String linkId) {
    return item(Vocabulary.packaged(), linkId);
  }

  /** The item of a vocabulary with this linkId (a question's path), or null. */
  public static QuestionnaireItem item(Vocabulary vocabulary, String linkId) {
    for (QuestionnaireItem i : items(vocabulary)) {
      if (i.linkId().equals(linkId)) {
        return i;
      }
    }
    return null;
  }

  /** The answers an item of this kind takes, "asked, unknown" last. */
  public static List<Option> options(QuestionnaireItem.Kind kind) {
    return kind == QuestionnaireItem.Kind.SIDED ? SIDED_ANSWERS
        : kind == QuestionnaireItem.Kind.YES_NO ? YES_NO_ANSWERS : List.of();
  }

  private static List<Option> withUnknown(List<Option> options) {
    List<Option> out = new ArrayList<>(options);
    out.add(UNKNOWN_OPTION);
    return List.copyOf(out);
  }

  private static List<QuestionnaireItem> generate(Vocabulary vocabulary) {
    List<QuestionnaireItem> out = new ArrayList<>();
    for (Vocabulary.Entry e : vocabulary.entries()) {
      QuestionnaireItem.Kind kind = e.kind() == Vocabulary.Kind.NUMBER
          ? QuestionnaireItem.Kind.INTEGER : e.kind() == Vocabulary.Kind.SITE_AND_SIDE
          ? QuestionnaireItem.Kind.SIDED : QuestionnaireItem.Kind.YES_NO;
      out.add(new QuestionnaireItem(e.path(), e.clinician(), kind, e.redFlag(),
          e.min() == null ? 0 : e.min(), e.max() == null ? 0 : e.max(), e.codes(),
          e.askedWhen()));
    }
    return List.copyOf(out);
  }

  /** The Questionnaire resource, versioned with the ruleset, its red-flag questions marked. */
  public static ObjectNode toFhir(RuleSetVersion version, Vocabulary vocabulary) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode q = f.objectNode();
    q.put("resourceType", "Questionnaire");
    q.put("id", ID);
    q.put("url", URL);
    q.put("version", version.questionnaireVersion());
    q.put("name", "SpinefootTriage");
    q.put("title", "Back-related foot numbness and pain: triage questions");
    // The Questionnaire is as approved as the knowledge it belongs to.
    q.put("status", version.knowledge().status().code());
    if (version.knowledge().date() != null) {
      q.put("date", version.knowledge().date());
    }
    if (version.knowledge().publisher() != null) {
      q.put("publisher", version.knowledge().publisher());
    }
    q.putArray("subjectType").add("Patient");
    q.put("description", "Questions of the spinefoot knowledge base ("
        + version.sourceLabel() + ", rules sha256:" + version.contentHash() + "). Leave out "
        + "a question that was not asked; answer 'asked-unknown' when the patient does not know. "
        + "Red-flag questions (code red-flag) must be asked before self-care can be advised.");
    ArrayNode items = q.putArray("item");
    for (QuestionnaireItem i : items(vocabulary)) {
      items.add(toFhir(i));
    }
    return q;
  }

  /** One Questionnaire item. */
  public static ObjectNode toFhir(QuestionnaireItem i) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("linkId", i.linkId());
    item.put("text", i.text());
    if (i.redFlag() || !i.codes().isEmpty()) {
      ArrayNode codes = item.putArray("code");
      // The standard codes the vocabulary confirmed for the observation (SNOMED CT, LOINC).
      for (Vocabulary.Code c : i.codes()) {
        codes.addObject().put("system", c.system()).put("code", c.code())
            .put("display", c.display());
      }
      if (i.redFlag()) {
        ObjectNode code = codes.addObject();
        code.put("system", QUESTION_ROLE_SYSTEM);
        code.put("code", RED_FLAG);
        code.put("display", "Red-flag question: ask before self-care is advised");
      }
    }
    if (!i.askedWhen().isEmpty()) {
      // Asked unless every trigger was answered "no" (an unanswered trigger keeps it enabled).
      ArrayNode when = item.putArray("enableWhen");
      for (String trigger : i.askedWhen()) {
        boolean sided = !trigger.startsWith("signs.");
        when.addObject().put("question", trigger).put("operator", "!=")
            .putObject("answerCoding")
            .put("system", sided ? FELT_SYSTEM : YES_NO_SYSTEM)
            .put("code", sided ? "no" : "N");
      }
      item.put("enableBehavior", "any");
    }
    item.put("required", false);
    item.put("repeats", false);
    if (i.kind() == QuestionnaireItem.Kind.INTEGER) {
      item.put("type", "integer");
      ArrayNode ext = item.putArray("extension");
      ext.addObject().put("url", MIN_VALUE_EXTENSION).put("valueInteger", i.minValue());
      ext.addObject().put("url", MAX_VALUE_EXTENSION).put("valueInteger", i.maxValue());
    } else {
      item.put("type", "choice");
      ArrayNode options = item.putArray("answerOption");
      for (Option o : options(i.kind())) {
        options.addObject().putObject("valueCoding")
            .put("system", o.system()).put("code", o.code()).put("display", o.display());
      }
    }
    return item;
  }
}
