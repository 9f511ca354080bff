package org.spinefoot.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spinefoot.Patient;
import org.spinefoot.Sign;
import org.spinefoot.Site;

/**
 * The JSON Schema of patient records, derived from the fact model so it cannot drift from what
 * {@link PatientReader} accepts. {@code docs/patient.schema.json} is this schema, checked by a test.
 */
public final class PatientSchema {
  private PatientSchema() {}

  public static ObjectNode generate() {
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
    props.putObject("age").put("type", "integer").put("minimum", 0).put("maximum", Patient.MAX_AGE)
        .put("description", "Age in years.");
    props.putObject("durationDays").put("type", "integer").put("minimum", 0)
        .put("maximum", Patient.MAX_DURATION_DAYS)
        .put("description", "How many days the symptoms have lasted.");

    ObjectNode signs = props.putObject("signs");
    signs.put("type", "object").put("additionalProperties", false)
        .put("description", "Yes/no questions: yes (present), no (absent), unknown (not asked).");
    ObjectNode signProps = signs.putObject("properties");
    for (Sign s : Sign.values()) {
      ObjectNode p = signProps.putObject(s.key());
      p.put("$ref", "#/$defs/answer");
      p.put("description", s.getLabel());
    }
    ObjectNode numbness = props.putObject("numbness");
    numbness.put("type", "object").put("additionalProperties", false)
        .put("description", "Numbness or tingling by site.");
    ObjectNode numbProps = numbness.putObject("properties");
    ObjectNode pain = props.putObject("pain");
    pain.put("type", "object").put("additionalProperties", false)
        .put("description", "Pain by site.");
    ObjectNode painProps = pain.putObject("properties");
    ObjectNode weakness = props.putObject("weakness");
    weakness.put("type", "object").put("additionalProperties", false)
        .put("description", "Weakness by site: a detail of signs.weaknessOrParalysis; "
            + "a yes here counts as weakness.");
    ObjectNode weakProps = weakness.putObject("properties");
    for (Site s : Site.values()) {
      if (s.isNumbnessSite()) {
        numbProps.putObject(s.key()).put("$ref", "#/$defs/felt")
            .put("description", "numbness or tingling in " + s.getLabel());
      }
      if (s.isPainSite()) {
        painProps.putObject(s.key()).put("$ref", "#/$defs/felt")
            .put("description", "pain in " + s.getLabel());
      }
      if (s.isWeaknessSite()) {
        weakProps.putObject(s.key()).put("$ref", "#/$defs/felt")
            .put("description", "weakness of " + s.getLabel());
      }
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
