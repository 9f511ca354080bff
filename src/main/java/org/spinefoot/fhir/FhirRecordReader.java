package org.spinefoot.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.spinefoot.InvalidInputException;
import org.spinefoot.Patient;
import org.spinefoot.io.PatientReader;
import org.spinefoot.io.StrictJson;

/**
 * Reads a FHIR R4 QuestionnaireResponse to the spinefoot Questionnaire, and optionally the
 * Patient it is about, into a patient record. Strict on everything it reads: an unknown linkId,
 * a wrong answer type, an answer code outside the item's options, a response to another
 * questionnaire, a modifier extension, or a field a QuestionnaireResponse does not have is an
 * {@link InvalidInputException} naming the field. It reads plain JSON with Jackson rather than
 * a full FHIR object model (see the README for why). Stateless and thread-safe.
 *
 * <p>Three-valued: an item left out, or present without an answer, is "not asked"; an answer
 * with the data-absent-reason {@code asked-unknown} is "unknown" (not asked to the rules, and
 * recorded in {@link FhirRecord#askedUnknown()}).
 */
public final class FhirRecordReader {
  private static final Set<String> RESPONSE_FIELDS = Set.of("resourceType", "id", "meta",
      "implicitRules", "language", "text", "contained", "extension", "modifierExtension",
      "identifier", "basedOn", "partOf", "questionnaire", "status", "subject", "encounter",
      "authored", "author", "source", "item");
  private static final Set<String> ITEM_FIELDS =
      Set.of("id", "extension", "modifierExtension", "linkId", "definition", "text", "answer",
          "item");
  private static final Set<String> STATUSES =
      Set.of("in-progress", "completed", "amended", "entered-in-error", "stopped");
  private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2})?");

  private FhirRecordReader() {}

  /** Parses JSON text into a tree, with the limits and duplicate-key checks of patient files. */
  public static JsonNode parse(String json, String source) {
    if (json == null || json.isBlank()) {
      throw new InvalidInputException(source, "", "empty body: expected a FHIR resource", null);
    }
    try {
      return StrictJson.json().readTree(json);
    } catch (JsonProcessingException e) {
      throw StrictJson.invalid(source, e);
    }
  }

  /**
   * Reads a response and, when not null, the Patient whose {@code birthDate} gives the age.
   *
   * @param today the date ages are computed on
   */
  public static FhirRecord read(JsonNode response, JsonNode patient, LocalDate today) {
    return read(response, patient, today, org.spinefoot.Vocabulary.packaged());
  }

  /**
   * As {@link #read(JsonNode, JsonNode, LocalDate)}, for the Questionnaire of a vocabulary.
   *
   * @param vocabulary the vocabulary of the knowledge base that will assess the record
   */
  public static FhirRecord read(JsonNode response, JsonNode patient, LocalDate today,
      org.spinefoot.Vocabulary vocabulary) {
    String where = "QuestionnaireResponse";
    requireResource(response, "QuestionnaireResponse", where);
    checkFields(response, RESPONSE_FIELDS, where);
    noModifierExtension(response, where);
    String questionnaire = derivedFrom(response, text(response, "questionnaire", where, true),
        where);
    String canonical = questionnaire.contains("|")
        ? questionnaire.substring(0, questionnaire.indexOf('|')) : questionnaire;
    if (!canonical.equals(SpinefootQuestionnaire.URL)) {
      throw new InvalidInputException(where, "questionnaire",
          "this response answers another questionnaire ('" + questionnaire
              + "'); expected " + SpinefootQuestionnaire.URL, null);
    }
    String status = text(response, "status", where, true);
    if (!STATUSES.contains(status)) {
      throw new InvalidInputException(where, "status", "'" + status
          + "' is not a QuestionnaireResponse status; allowed: " + String.join(", ",
          new java.util.TreeSet<>(STATUSES)), null);
    }
    if (status.equals("entered-in-error")) {
      throw new InvalidInputException(where, "status",
          "the response was entered in error; nothing is assessed from it", null);
    }
    String subject = null;
    JsonNode subjectNode = response.get("subject");
    if (subjectNode != null) {
      if (!subjectNode.isObject()) {
        throw new InvalidInputException(where, "subject", "expected a Reference object", null);
      }
      JsonNode ref = subjectNode.get("reference");
      subject = ref != null && ref.isTextual() ? ref.asText() : null;
    }

    ObjectNode record = JsonNodeFactory.instance.objectNode();
    List<String> asked = new ArrayList<>();
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    JsonNode items = response.get("item");
    if (items != null) {
      if (!items.isArray()) {
        throw new InvalidInputException(where, "item", "expected an array of items", null);
      }
      for (int n = 0; n < items.size(); n++) {
        readItem(items.get(n), where + ".item[" + n + "]", record, asked, unknown, seen,
            vocabulary);
      }
    }
    Integer ageFromPatient = patient == null ? null : age(patient, today);
    if (ageFromPatient != null) {
      JsonNode answered = record.get("age");
      if (answered != null && answered.asInt() != ageFromPatient) {
        throw new InvalidInputException(where, "item(age)", "answers age " + answered.asInt()
            + " but Patient.birthDate gives " + ageFromPatient, null);
      }
      record.put("age", ageFromPatient);
    }
    JsonNode id = response.get("id");
    if (id != null && id.isTextual()) {
      record.put("id", id.asText());
    }
    Patient p;
    try {
      p = PatientReader.fromTree(record, where, "item", vocabulary);
    } catch (InvalidInputException e) {
      // The record's paths are the linkIds: "item.signs.fever" reads as item(signs.fever).
      String path = e.path().startsWith("item.") ? "item(" + e.path().substring(5) + ")" : e.path();
      throw new InvalidInputException(where, path, e.detail(), e);
    }
    return new FhirRecord(p, asked, unknown, subject);
  }

  private static void readItem(JsonNode item, String where, ObjectNode record, List<String> asked,
      Set<String> unknown, Set<String> seen, org.spinefoot.Vocabulary vocabulary) {
    if (!item.isObject()) {
      throw new InvalidInputException(where, "", "expected an item object", null);
    }
    checkFields(item, ITEM_FIELDS, where);
    noModifierExtension(item, where);
    String linkId = text(item, "linkId", where, true);
    QuestionnaireItem q = SpinefootQuestionnaire.item(vocabulary, linkId);
    if (q == null) {
      throw new InvalidInputException(where, "linkId", "'" + linkId
          + "' is not a question of " + SpinefootQuestionnaire.URL
          + " (GET /fhir/Questionnaire/spinefoot lists them)", null);
    }
    if (!seen.add(linkId)) {
      throw new InvalidInputException(where, "linkId", "'" + linkId + "' is answered twice", null);
    }
    if (item.has("item")) {
      throw new InvalidInputException(where, "item",
          "'" + linkId + "' has no nested items in this questionnaire", null);
    }
    JsonNode answers = item.get("answer");
    if (answers == null || answers.isEmpty()) {
      return; // shown but not answered: not asked
    }
    if (!answers.isArray()) {
      throw new InvalidInputException(where, "answer", "expected an array of answers", null);
    }
    if (answers.size() > 1) {
      throw new InvalidInputException(where, "answer",
          "'" + linkId + "' takes one answer, got " + answers.size(), null);
    }
    JsonNode answer = answers.get(0);
    String at = where + ".answer[0]";
    if (!answer.isObject()) {
      throw new InvalidInputException(at, "", "expected an answer object", null);
    }
    String valueField = null;
    for (Iterator<String> it = answer.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (f.startsWith("value")) {
        if (valueField != null) {
          throw new InvalidInputException(at, f, "an answer has one value; also has " + valueField,
              null);
        }
        valueField = f;
      } else if (f.equals("item")) {
        throw new InvalidInputException(at, f, "'" + linkId + "' has no nested items", null);
      } else if (!f.equals("id") && !f.equals("extension")) {
        throw new InvalidInputException(at, f, "unknown field; allowed: id, extension, value[x]",
            null);
      }
    }
    if (answer.has("modifierExtension")) {
      throw new InvalidInputException(at, "modifierExtension",
          "modifier extensions are not understood here", null);
    }
    String expected = q.kind() == QuestionnaireItem.Kind.INTEGER ? "valueInteger" : "valueCoding";
    if (valueField == null) {
      throw new InvalidInputException(at, "", "'" + linkId + "' answer has no value; expected "
          + expected, null);
    }
    if (!valueField.equals(expected)) {
      throw new InvalidInputException(at, valueField, "wrong answer type for '" + linkId
          + "': " + valueField + "; expected " + expected, null);
    }
    JsonNode value = answer.get(valueField);
    asked.add(linkId);
    if (q.kind() == QuestionnaireItem.Kind.INTEGER) {
      if (!value.isIntegralNumber() || !value.canConvertToInt()) {
        throw new InvalidInputException(at, valueField, "expected a whole number", null);
      }
      int v = value.asInt();
      if (v < q.minValue() || v > q.maxValue()) {
        throw new InvalidInputException(at, valueField, v + " is out of range for '" + linkId
            + "'; allowed: " + q.minValue() + " to " + q.maxValue(), null);
      }
      record.put(linkId, v);
      return;
    }
    String code = coding(value, at + "." + valueField, q);
    if (code.equals(SpinefootQuestionnaire.ASKED_UNKNOWN)) {
      unknown.add(linkId);
      return;
    }
    String recordValue = q.kind() == QuestionnaireItem.Kind.YES_NO
        ? (code.equals("Y") ? "yes" : "no") : code;
    ObjectNode section = record.has(q.section())
        ? (ObjectNode) record.get(q.section()) : record.putObject(q.section());
    section.put(linkId.substring(q.section().length() + 1), recordValue);
  }

  /** The code of a Coding answer, checked against the item's options. */
  private static String coding(JsonNode value, String at, QuestionnaireItem q) {
    if (!value.isObject()) {
      throw new InvalidInputException(at, "", "expected a Coding object", null);
    }
    JsonNode system = value.get("system");
    JsonNode code = value.get("code");
    if (code == null || !code.isTextual()) {
      throw new InvalidInputException(at, "code", "a Coding answer needs a code", null);
    }
    List<SpinefootQuestionnaire.Option> options = SpinefootQuestionnaire.options(q.kind());
    for (SpinefootQuestionnaire.Option o : options) {
      if (o.code().equals(code.asText()) && system != null && o.system().equals(system.asText())) {
        return o.code();
      }
    }
    List<String> allowed = new ArrayList<>();
    for (SpinefootQuestionnaire.Option o : options) {
      allowed.add(o.system() + "|" + o.code());
    }
    throw new InvalidInputException(at, "", "'" + (system == null ? "" : system.asText()) + "|"
        + code.asText() + "' is not an answer to '" + q.linkId() + "'; allowed: "
        + String.join(", ", allowed), null);
  }

  /** The patient's age in whole years from {@code birthDate}; null when absent or partial. */
  static Integer age(JsonNode patient, LocalDate today) {
    String where = "Patient";
    requireResource(patient, "Patient", where);
    noModifierExtension(patient, where);
    JsonNode birth = patient.get("birthDate");
    if (birth == null) {
      return null; // age not known: not asked, never assumed
    }
    if (!birth.isTextual()) {
      throw new InvalidInputException(where, "birthDate", "expected a date (YYYY-MM-DD)", null);
    }
    String text = birth.asText();
    if (PARTIAL_DATE.matcher(text).matches()) {
      return null; // year or year-month only: the age could be either of two; leave it unknown
    }
    if (!FULL_DATE.matcher(text).matches()) {
      throw new InvalidInputException(where, "birthDate", "'" + text
          + "' is not a FHIR date; expected YYYY-MM-DD (or YYYY, YYYY-MM)", null);
    }
    LocalDate born;
    try {
      born = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(where, "birthDate", "'" + text + "' is not a date", e);
    }
    if (born.isAfter(today)) {
      throw new InvalidInputException(where, "birthDate", "'" + text + "' is in the future", null);
    }
    int years = Period.between(born, today).getYears();
    if (years > Patient.MAX_AGE) {
      throw new InvalidInputException(where, "birthDate", "gives age " + years
          + ", out of range; allowed: 0 to " + Patient.MAX_AGE, null);
    }
    return years;
  }

  static void requireResource(JsonNode node, String type, String where) {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(where, "", "expected a " + type + " resource (a JSON object)",
          null);
    }
    JsonNode rt = node.get("resourceType");
    if (rt == null || !rt.isTextual()) {
      throw new InvalidInputException(where, "resourceType", "missing; expected " + type, null);
    }
    if (!rt.asText().equals(type)) {
      throw new InvalidInputException(where, "resourceType", "'" + rt.asText()
          + "'; expected " + type, null);
    }
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f) && !f.startsWith("_")) {
        throw new InvalidInputException(where, f, "unknown field; allowed: "
            + String.join(", ", new java.util.TreeSet<>(allowed)), null);
      }
    }
  }

  private static void noModifierExtension(JsonNode node, String where) {
    if (node.has("modifierExtension")) {
      throw new InvalidInputException(where, "modifierExtension",
          "modifier extensions change the meaning of the resource and are not understood here",
          null);
    }
  }

  /**
   * The questionnaire a response answers. A response from {@code $next-question} answers its
   * contained adaptive Questionnaire ({@code "#id"}, SDC), which names the published one in
   * {@code derivedFrom}.
   */
  private static String derivedFrom(JsonNode response, String questionnaire, String where) {
    if (!questionnaire.startsWith("#")) {
      return questionnaire;
    }
    String id = questionnaire.substring(1);
    for (JsonNode c : response.path("contained")) {
      if ("Questionnaire".equals(c.path("resourceType").asText())
          && id.equals(c.path("id").asText())) {
        JsonNode base = c.path("derivedFrom");
        if (base.isArray() && base.size() == 1 && base.get(0).isTextual()) {
          return base.get(0).asText();
        }
        throw new InvalidInputException(where, "contained[" + id + "].derivedFrom",
            "the adaptive Questionnaire must name the one it is derived from; expected one "
                + "canonical, " + SpinefootQuestionnaire.URL + "|version", null);
      }
    }
    throw new InvalidInputException(where, "questionnaire", "'" + questionnaire
        + "' names no contained Questionnaire", null);
  }

  private static String text(JsonNode node, String field, String where, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new InvalidInputException(where, field, "missing", null);
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidInputException(where, field, "expected a string", null);
    }
    return v.asText();
  }
}
