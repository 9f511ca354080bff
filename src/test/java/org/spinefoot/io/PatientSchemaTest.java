package org.spinefoot.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every example patient in facts/ is valid against the shipped JSON Schema. */
class PatientSchemaTest {
  @Test
  void examplePatientsValidateAgainstTheSchema() throws IOException {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(PatientSchema.generate());
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("facts"))) {
      files = s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      JsonNode node = StrictJson.mapperFor(f.toString()).readTree(f.toFile());
      assertThat(schema.validate(node)).as("%s against the patient schema", f).isEmpty();
      PatientReader.read(f); // and the reader accepts it
    }
  }

  @Test
  void theSchemaRejectsAMisspelledSign() throws IOException {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(PatientSchema.generate());
    JsonNode bad = StrictJson.json().readTree("{\"signs\": {\"fevr\": true}}");
    assertThat(schema.validate(bad)).isNotEmpty();
  }
}
