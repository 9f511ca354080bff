package org.spinefoot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.concurrent.Callable;
import org.spinefoot.Assessor;
import org.spinefoot.fhir.RuleSetVersion;
import org.spinefoot.fhir.SpinefootQuestionnaire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spinefoot questionnaire}: print the FHIR R4 Questionnaire of the record. */
@Command(name = "questionnaire", mixinStandardHelpOptions = true,
    description = "Print the FHIR R4 Questionnaire of patient records, versioned with the rules "
        + "(the same as GET /fhir/Questionnaire/spinefoot of spinefoot serve).")
final class QuestionnaireCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Assessor assessor = main.loadAssessor();
    RuleSetVersion version = RuleSetVersion.of(assessor);
    spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(SpinefootQuestionnaire.toFhir(version, assessor.vocabulary())));
    return Main.OK;
  }
}
