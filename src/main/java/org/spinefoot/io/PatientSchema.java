package org.spinefoot.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of patient records, derived from the fact model so it cannot drift from what
 * {@link PatientReader} accepts. {@code docs/patient.schema.json} is this schema, checked by a test.
 */
public final class PatientSchema {
  private PatientSchema() {}

  public static ObjectNode generate() {
    return generate(org.spinefoot.Vocabulary.packaged());
  }

  /**
   * The schema of the records of a vocabulary: every question it defines, with its wording,
   * and the ranges of its numbers.
   */
  public static ObjectNode generate(org.spinefoot.Vocabulary vocabulary) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("title", "spinefoot patient record");
    root.put("description", "One patient's answers. A question left out is 'not asked', never "
        + "'absent'. Unknown fields are errors.");
    root.put("type", "object");
    root.put("additionalProperties", false);
    ObjectNode props = root.putObject("properties");
    props.putObject("id").put("type", "string").put("description", "Record identifier; "
        + "defaults to the file name.");
    props.putObject("description").put("type", "string");
    for (org.spinefoot.Vocabulary.Entry e : vocabulary.entries()) {
      if (e.kind() == org.spinefoot.Vocabulary.Kind.NUMBER) {
        props.putObject(e.path()).put("type", "integer").put("minimum", e.min())
            .put("maximum", e.max()).put("description", e.clinician() + " (" + e.unit() + ")");
      }
    }

    ObjectNode signs = props.putObject("signs");
    signs.put("type", "object").put("additionalProperties", false)
        .put("description", "Yes/no questions: yes (present), no (absent), unknown (not asked).");
    ObjectNode signProps = signs.putObject("properties");
    ObjectNode numbness = props.putObject("numbness");
    numbness.put("type", "object").put("additionalProperties", false)
        .put("description", "Numbness or tingling by site.");
    ObjectNode pain = props.putObject("pain");
    pain.put("type", "object").put("additionalProperties", false)
        .put("description", "Pain by site.");
    ObjectNode weakness = props.putObject("weakness");
    weakness.put("type", "object").put("additionalProperties", false)
        .put("description", "Weakness by site: a detail of signs.weaknessOrParalysis; "
            + "a yes here counts as weakness.");
    java.util.Map<String, ObjectNode> sections = java.util.Map.of(
        "signs", signProps, "numbness", numbness.putObject("properties"),
        "pain", pain.putObject("properties"), "weakness", weakness.putObject("properties"));
    for (org.spinefoot.Vocabulary.Entry e : vocabulary.entries()) {
      int dot = e.path().indexOf('.');
      if (dot < 0) {
        continue;
      }
      ObjectNode p = sections.get(e.path().substring(0, dot)).putObject(e.path().substring(dot + 1));
      p.put("$ref", e.kind() == org.spinefoot.Vocabulary.Kind.YES_NO ? "#/$defs/answer"
          : "#/$defs/felt");
      p.put("description", e.label() + (e.redFlag() ? " (red-flag question)" : ""));
    }

    ObjectNode defs = root.putObject("$defs");
    ObjectNode answer = defs.putObject("answer");
    ArrayNode answerTypes = answer.putArray("oneOf");
    answerTypes.addObject().put("type", "boolean");
    ArrayNode answerValues = answerTypes.addObject().put("type", "string").putArray("enum");
    answerValues.add("yes").add("no").add("unknown");
    ObjectNode felt = defs.putObject("felt");
    ArrayNode feltTypes = felt.putArray("oneOf");
    feltTypes.addObject().put("type", "boolean");
    ArrayNode feltValues = feltTypes.addObject().put("type", "string").putArray("enum");
    feltValues.add("left").add("right").add("both").add("yes").add("no").add("unknown");
    return root;
  }
}
