package org.spinefoot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.concurrent.Callable;
import org.spinefoot.io.PatientSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spinefoot schema}: print the JSON Schema of patient records. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Print the JSON Schema of patient records (docs/patient.schema.json), as the "
        + "vocabulary of the rules in use defines them.")
final class SchemaCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    spec.commandLine().getOut().println(new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(PatientSchema.generate(main.vocabulary())));
    return Main.OK;
  }
}
