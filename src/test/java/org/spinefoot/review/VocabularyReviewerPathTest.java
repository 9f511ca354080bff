package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.cli.Main;

/**
 * The reviewer's path for a new observation, end to end (issue 21): on a copy of the shipped
 * knowledge, touching only {@code rules/} (vocabulary, DRL, inventory) and {@code test-cases/},
 * a reviewer adds a yes/no observation, a new site with a question there, and a rule that reads
 * both, with a case that fires and a near-miss. Lint, the cases with coverage, {@code ask}, the
 * Questionnaire and the catalog all take them up with no Java change. Nothing here names today's
 * rules, IDs or counts.
 */
class VocabularyReviewerPathTest {
  private static final String SIGN = "signs.reviewerLongTermCorticosteroids";
  private static final String SITE_QUESTION = "pain.reviewerHeelBone";
  private static final String PATIENT_WORDS =
      "Have you taken steroid tablets, such as prednisolone, for three months or more?";

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @Test
  void aNewObservationANewSiteAndARuleReadingBothNeedNoJava() throws IOException {
    ProjectCopy copy = ProjectCopy.shipped(dir);
    Path rules = copy.rules();
    String item = ProjectCopy.nextId(rules.resolve("inventory.yaml"), "AC");
    Files.writeString(rules.resolve("inventory.yaml"), Files.readString(rules.resolve(
        "inventory.yaml")) + "\n- id: " + item + "\n"
        + "  title: Heel bone pain in someone on long-term steroids may be a fracture\n"
        + "  urgency: URGENT\n"
        + "  sources: [\"inventory.md#Other causes to consider (AC)\"]\n");
    addToVocabulary(rules.resolve("vocabulary.yaml"), item);
    ProjectCopy.write(rules.resolve("othercauses/reviewer-steroid-heel.drl"), """
        package othercauses;

        import org.spinefoot.engine.facts.*;

        // Added by a reviewer: steroids thin the bone, so heel pain may be a stress fracture.
        rule "Other cause: heel bone pain on long-term steroids may be a fracture, seen today"
            @id("reviewer-steroid-heel")
            @inventory("%s")
            @urgency("URGENT")
            @source("inventory.md#Other causes to consider (AC)")
        when
            Observation( sign == "reviewerLongTermCorticosteroids", present )
            Pain( site == "reviewerHeelBone", present )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "reviewer-steroid-heel",
                "Possible fracture of the heel bone"));
        end
        """.formatted(item));
    writeCase(copy, "reviewer-steroid-heel-pain-fires.yaml", "yes", item, true);
    writeCase(copy, "reviewer-steroid-heel-pain-without-steroids.yaml", "no", item, false);

    Run lint = main(rules, "", "lint", "--cases", copy.cases().toString());
    assertThat(lint.code()).as(lint.out() + lint.err()).isZero();

    Run test = main(rules, "", "test", copy.cases().toString(), "--coverage");
    assertThat(test.code()).as(test.out() + test.err()).isZero();
    assertThat(test.out()).contains("reviewer-steroid-heel-pain-fires")
        .contains("reviewer-steroid-heel-pain-without-steroids");

    // A record with every other question answered, heel pain and the steroid question open: ask
    // puts the new question, in the patient's words (the clinician's on request).
    org.spinefoot.Vocabulary vocabulary = org.spinefoot.Assessor.fromDirectory(rules).vocabulary();
    org.spinefoot.Patient rest = org.spinefoot.Patient.everyQuestion(vocabulary,
        org.spinefoot.Answer.ABSENT, org.spinefoot.Felt.NO, 40, 1).withdraw(SIGN)
        .with(SITE_QUESTION, org.spinefoot.Felt.on(org.spinefoot.Side.LEFT));
    Path start = dir.resolve("start.yaml");
    Files.writeString(start, org.spinefoot.io.PatientWriter.toYaml(rest));
    Run ask = main(rules, "no\n".repeat(200), "ask", start.toString());
    assertThat(ask.code()).as(ask.err()).isZero();
    assertThat(ask.out()).contains(PATIENT_WORDS);
    Run askClinician = main(rules, "no\n".repeat(200), "ask", "--words", "clinician",
        start.toString());
    assertThat(askClinician.out())
        .contains("Long-term oral corticosteroids (three months or more)?");

    Run questionnaire = main(rules, "", "questionnaire");
    assertThat(questionnaire.code()).as(questionnaire.err()).isZero();
    assertThat(questionnaire.out()).contains("\"linkId\" : \"" + SIGN + "\"")
        .contains("\"linkId\" : \"" + SITE_QUESTION + "\"");

    Path catalog = dir.resolve("catalog");
    Run cat = main(rules, "", "catalog", "--out", catalog.toString(), "--cases",
        copy.cases().toString());
    assertThat(cat.code()).as(cat.err()).isZero();
    assertThat(Files.readString(catalog.resolve(Catalog.MARKDOWN))).contains(SIGN)
        .contains(SITE_QUESTION).contains("reviewer-steroid-heel");
  }

  private static void addToVocabulary(Path vocabulary, String item) throws IOException {
    String text = Files.readString(vocabulary);
    text = text.replace("\nsites:\n", "\nsites:\n"
        + "  reviewerHeelBone:\n"
        + "    label: the heel bone\n"
        + "    region: foot\n");
    text = text + "\n"
        + "  " + SIGN + ":\n"
        + "    kind: yesNo\n"
        + "    category: history\n"
        + "    label: long-term oral corticosteroids\n"
        + "    clinician: Long-term oral corticosteroids (three months or more)?\n"
        + "    patient: " + PATIENT_WORDS + "\n"
        + "    answeredBy: [patient, clinician]\n"
        + "    inventory: [" + item + "]\n"
        + "    codes: uncoded\n"
        + "  " + SITE_QUESTION + ":\n"
        + "    kind: siteAndSide\n"
        + "    category: where\n"
        + "    clinician: Pain over the heel bone? Which side?\n"
        + "    patient: Does the bone of your heel hurt? On which side?\n"
        + "    answeredBy: [patient, clinician]\n"
        + "    inventory: [" + item + "]\n"
        + "    codes: uncoded\n";
    Files.writeString(vocabulary, text);
  }

  private static void writeCase(ProjectCopy copy, String file, String steroids, String item,
      boolean fires) {
    ProjectCopy.write(copy.cases().resolve(file), """
        name: Heel bone pain %1$s long-term steroids
        description: A reviewer's case for the new observation and site.
        checks: [%2$s]
        patientFile: ../facts/baseline-no-red-flags.yaml
        patient:
          signs: {reviewerLongTermCorticosteroids: %3$s}
          pain: {reviewerHeelBone: left}
        expect:
          %4$s: [reviewer-steroid-heel, %2$s]
          %5$s: [reviewer-steroid-heel]
        """.formatted(fires ? "with" : "without", item, steroids,
        fires ? "present" : "absent", fires ? "rulesFired" : "rulesNotFired"));
  }

  private static Run main(Path rules, String stdin, String... args) {
    String[] withRules = new String[args.length + 2];
    withRules[0] = "--rules";
    withRules[1] = rules.toString();
    System.arraycopy(args, 0, withRules, 2, args.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(withRules, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
