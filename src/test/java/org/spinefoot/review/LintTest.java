package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Assessor;
import org.spinefoot.RuleBaseException;
import org.spinefoot.engine.facts.Numbness;
import org.spinefoot.review.Lint.Check;
import org.spinefoot.review.Lint.Problem;
import org.spinefoot.review.Lint.Severity;

/** Lint on copies of the fixture knowledge base with one kind of mistake each. */
class LintTest {
  @TempDir Path dir;

  private static final String FEVER_RULE = """
      rule "Probe: fever alone is urgent"
          @id("probe-fever")
          @inventory("RF-10")
          @urgency("URGENT")
          @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
      when
          Observation( sign == "fever", present )
      then
          insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-fever", "Probe: fever"));
      end
      """;

  @Test
  void theFixtureCopyIsCleanWithoutCases() {
    ProjectCopy copy = ProjectCopy.of(dir);
    Lint.Result result = Lint.run(copy.rules(), null);
    assertThat(result.problems()).as(result.report()).isEmpty();
    assertThat(result.rules()).isEqualTo(org.spinefoot.Fixture.assessor().rules().size());
    assertThat(result.failed(true)).isFalse();
  }

  @Test
  void missingSourceUnknownInventoryAndDuplicateIdAreAllReportedWithFileAndLine() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Path file = copy.addProbeRules("probe.drl", """
        rule "Probe: no source"
            @id("probe-no-source")
            @inventory("RF-10")
            @urgency("URGENT")
        when
            Observation( sign == "fever", present )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-a", "Probe A"));
        end

        rule "Probe: unknown inventory item"
            @id("probe-unknown-item")
            @inventory("RF-10, RF-99")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            Observation( sign == "unexplainedWeightLoss", present )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-b", "Probe B"));
        end

        rule "Probe: an ID that is taken"
            @id("rf-cauda-equina-bladder-bowel")
            @inventory("RF-10")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            Observation( sign == "severeNightPain", present )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-c", "Probe C"));
        end
        """);
    assertThatThrownBy(() -> Assessor.fromDirectory(copy.rules()))
        .isInstanceOf(RuleBaseException.class);

    Lint.Result result = Lint.run(copy.rules(), null);

    Path redFlags = copy.rules().resolve("redflags/red-flags.drl");
    assertThat(result.failed(false)).isTrue();
    assertThat(result.errors()).extracting(Problem::toString).containsExactlyInAnyOrder(
        file + ":" + lineOf(file, "rule \"Probe: no source\"")
            + ": error [metadata] probe-no-source: missing @source: cite the article file and "
            + "section, or the guideline",
        file + ":" + lineOf(file, "@inventory(\"RF-10, RF-99\")")
            + ": error [metadata] probe-unknown-item: @inventory item 'RF-99' is not in the "
            + "knowledge index inventory.yaml",
        file + ":" + lineOf(file, "@id(\"rf-cauda-equina-bladder-bowel\")")
            + ": error [metadata] rf-cauda-equina-bladder-bowel: @id(rf-cauda-equina-bladder-bowel)"
            + " is also used by rule \"Red flag: loss of bladder or bowel control with back pain "
            + "and foot numbness suggests cauda equina syndrome\" at redflags/red-flags.drl:"
            + lineOf(redFlags, "rule \"Red flag: loss of bladder or bowel control with back pain"),
        redFlags + ":" + lineOf(redFlags, "@id(\"rf-cauda-equina-bladder-bowel\")")
            + ": error [metadata] rf-cauda-equina-bladder-bowel: @id(rf-cauda-equina-bladder-bowel)"
            + " is also used by rule \"Probe: an ID that is taken\" at probe/probe.drl:"
            + lineOf(file, "rule \"Probe: an ID that is taken\""));
  }

  @Test
  void sourcesMustNameAKnownArticleSectionOrAGuideline() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Path file = copy.addProbeRules("probe.drl", FEVER_RULE.replace(
        "@source(\"003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs\")",
        "@source(\"003_a4bae2cf7cb8373c.txt#Warning Signs; 009_unknown.txt#Intro; "
            + "NICE NG59: red flags; inventory.md#How conclusions interact; a blog post\")"));
    copy.replace("rules/inventory.yaml", "\"004_8146cc3d50ab26bc.txt#Nerve Issues\"",
        "\"004_8146cc3d50ab26bc.txt#Nerve issues\"");

    Lint.Result result = Lint.run(copy.rules(), null);

    int sourceLine = lineOf(file, "@source(");
    Path inventory = copy.rules().resolve("inventory.yaml");
    String nerveIssues = "'Nerve issues' is not a section heading of 004_8146cc3d50ab26bc.txt "
        + "(How Your Back Can Cause Your Foot Pain!); did you mean Nerve Issues? Its sections: "
        + "How Your Back Can Cause Your "
        + "Foot Pain! | Your Back's Relationship to Your Foot | Nerve Issues | Muscle and Fascia "
        + "Issues | What You Can Do About It";
    assertThat(only(result, Check.SOURCE)).extracting(Problem::file, Problem::line, Problem::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(file.toString(), sourceLine,
                "@source 'Warning Signs' is not a section heading of 003_a4bae2cf7cb8373c.txt "
                    + "(Back pain and numbness in the feet); its sections: The "
                    + "Neurological Link | Common Causes of Nerve Compression | Herniated Disc | "
                    + "Spinal Stenosis | Sciatica | Spondylolisthesis | Recognizing Warning Signs | "
                    + "Initial Steps and Seeking Professional Help"),
            org.assertj.core.groups.Tuple.tuple(file.toString(), sourceLine,
                "@source '009_unknown.txt' is not a known article or reference; known: "
                    + "000_c844adea39d847af.txt, 001_7063e0f8190b99da.txt, "
                    + "002_ed9744ea54662c21.txt, 003_a4bae2cf7cb8373c.txt, "
                    + "004_8146cc3d50ab26bc.txt, NICE-NG59, NICE-NG128, GIRFT-CES-PATHWAY, "
                    + "HSIB-CES-2021"),
            org.assertj.core.groups.Tuple.tuple(file.toString(), sourceLine,
                "@source 'a blog post' is neither \"<article file>#<section heading>\", a "
                    + "reference ID from sources.yaml (NICE-NG59, NICE-NG128, GIRFT-CES-PATHWAY, "
                    + "HSIB-CES-2021) nor a guideline (starting with 'NICE ', 'inventory.md#'); "
                    + "note: ';' separates sources: list a paper under references in sources.yaml "
                    + "and cite its ID"),
            org.assertj.core.groups.Tuple.tuple(inventory.toString(),
                lineOf(inventory, "#Nerve issues"), "item CI-01: source " + nerveIssues));
  }

  @Test
  void aRuleCitesSeveralSourcesAsSeparateStringsAndAReferenceByItsId() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Path file = copy.addProbeRules("probe.drl", FEVER_RULE.replace(
        "@source(\"003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs\")",
        "@source(\"003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs\", \"NICE-NG59#red flags\",\n"
            + "            \"GIRFT-CES-PATHWAY\")")
        + FEVER_RULE.replace("probe-fever", "probe-paper").replace("fever alone", "a paper")
            .replace("@source(\"003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs\")",
                "@source(\"Davies BM et al. Degenerative cervical myelopathy. BMJ 2018;360:k186\")"));

    Lint.Result result = Lint.run(copy.rules(), null);

    assertThat(only(result, Check.SOURCE)).extracting(Problem::rule, Problem::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("probe-paper", "@source 'Davies BM et al. "
                + "Degenerative cervical myelopathy. BMJ 2018' is neither \"<article file>#<section "
                + "heading>\", a reference ID from sources.yaml (NICE-NG59, NICE-NG128, "
                + "GIRFT-CES-PATHWAY, HSIB-CES-2021) nor a guideline (starting with 'NICE ', "
                + "'inventory.md#'); note: ';' separates sources: list a paper under references "
                + "in sources.yaml and cite its ID"),
            org.assertj.core.groups.Tuple.tuple("probe-paper", "@source '360:k186' is neither "
                + "\"<article file>#<section heading>\", a reference ID from sources.yaml "
                + "(NICE-NG59, NICE-NG128, GIRFT-CES-PATHWAY, HSIB-CES-2021) nor a guideline "
                + "(starting with 'NICE ', 'inventory.md#'); note: ';' separates sources: list a "
                + "paper under references in sources.yaml and cite its ID"));
    org.spinefoot.RuleInfo cited = org.spinefoot.Assessor.fromDirectory(copy.rules()).rules()
        .stream().filter(r -> r.id().equals("probe-fever")).findFirst().orElseThrow();
    assertThat(cited.sources()).containsExactly("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs",
        "NICE-NG59#red flags", "GIRFT-CES-PATHWAY");
    assertThat(file).exists();
  }

  @Test
  void aMissingSourceIndexIsAnError() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Files.delete(copy.rules().resolve("sources.yaml"));
    Lint.Result result = Lint.run(copy.rules(), null);
    assertThat(result.errors()).singleElement().satisfies(p -> {
      assertThat(p.file()).endsWith("sources.yaml");
      assertThat(p.message()).startsWith("the source index is missing");
    });
  }

  @Test
  void urgencyMustMatchTheFindingsTheRuleConcludes() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Path file = copy.addProbeRules("probe.drl", FEVER_RULE.replace("@urgency(\"URGENT\")",
        "@urgency(\"EMERGENCY\")")
        + FEVER_RULE.replace("probe-fever", "probe-none").replace("fever alone", "none")
            .replace("@urgency(\"URGENT\")", "@urgency(\"NONE\")")
        + """
        rule "Probe: advice must be self-care"
            @id("probe-advice")
            @inventory("SC-01")
            @urgency("NONE")
            @source("003_a4bae2cf7cb8373c.txt#Initial Steps and Seeking Professional Help")
        when
            Pain( site == "lowBack", present )
        then
            insertLogical(new Advice(kcontext, "probe-advice", "Probe advice"));
        end

        rule "Probe: a consideration has no urgency"
            @id("probe-consideration")
            @inventory("CI-12")
            @urgency("SOON")
            @source("000_c844adea39d847af.txt#The Sciatic Nerve and Numbness in the Foot")
        when
            Pain( site == "pelvicFloor", present )
        then
            insertLogical(new Consideration(kcontext, "probe-consideration", "Probe"));
        end
        """);

    Lint.Result result = Lint.run(copy.rules(), null);

    List<Problem> urgency = only(result, Check.URGENCY);
    assertThat(urgency).extracting(Problem::rule, Problem::message).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("probe-fever",
            "@urgency(EMERGENCY) but it concludes a finding of urgency URGENT"),
        org.assertj.core.groups.Tuple.tuple("probe-none",
            "@urgency(NONE) but it concludes a finding of urgency URGENT"),
        org.assertj.core.groups.Tuple.tuple("probe-advice",
            "@urgency(NONE) but it gives advice and concludes no finding: advice rules are SELF_CARE"),
        org.assertj.core.groups.Tuple.tuple("probe-consideration",
            "@urgency(SOON) but it concludes no finding and gives no advice: use NONE"));
    assertThat(urgency.get(0).file()).isEqualTo(file.toString());
    assertThat(urgency).allSatisfy(p -> assertThat(p.line()).isPositive());
  }

  @Test
  void aRuleThatCanNeverFireIsAnErrorAndADeadConditionUnderNotAWarning() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Path file = copy.addProbeRules("probe.drl", """
        rule "Probe: numbness in the low back"
            @id("probe-numb-back")
            @inventory("RF-10")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            Observation( sign == "fever", present )
            Numbness( site == "lowBack", present )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-a", "Probe A"));
        end

        rule "Probe: impossible age and duration"
            @id("probe-impossible-numbers")
            @inventory("RF-10")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            $age : Age( years > 120 )
            SymptomDuration( days > 100, days < 50 )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-b", "Probe B"));
        end

        rule "Probe: a side on an absent symptom, and a dead negation"
            @id("probe-side")
            @inventory("RF-10")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            Observation( sign == "fever", present )
            not Numbness( site == "forearm" )
            Pain( site == "foot", side == Side.LEFT, absent )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-c", "Probe C"));
        end

        rule "Probe: possible conditions"
            @id("probe-possible")
            @inventory("RF-10")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            Numbness( site in ("foot", "neck"), side == Side.BOTH )
            Pain( neckOrArm, present )
            Age( years >= 120 )
            SymptomDuration( days <= 0 || days > 40000 )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-d", "Probe D"));
        end
        """);

    Lint.Result result = Lint.run(copy.rules(), null);

    List<Problem> dead = only(result, Check.NEVER_FIRES);
    assertThat(dead).extracting(Problem::severity, Problem::rule, Problem::line).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "probe-numb-back",
            lineOf(file, "Numbness( site == \"lowBack\"")),
        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "probe-impossible-numbers",
            lineOf(file, "Age( years > 120 )")),
        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "probe-impossible-numbers",
            lineOf(file, "days > 100, days < 50")),
        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "probe-side",
            lineOf(file, "not Numbness( site == \"forearm\" )")),
        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "probe-side",
            lineOf(file, "side == Side.LEFT, absent")));
    assertThat(dead.get(0).message()).contains("can never fire")
        .contains("numbness is recorded only at foot, toes, bigToe");
  }

  @Test
  void duplicateRulesAreFoundWhateverTheirLayout() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Path file = copy.addProbeRules("probe.drl", FEVER_RULE + """

        rule "Probe: the same again, laid out differently"
            @id("probe-fever-again")
            @inventory("RF-10")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            Observation(sign == "fever",
                        present)   // a comment does not make it different
        then
            insertLogical( new Finding(kcontext, Urgency.URGENT, "probe-fever",
                                       "Probe: fever") );
        end

        rule "Probe: same conditions, another conclusion"
            @id("probe-fever-other")
            @inventory("RF-10")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            Observation( sign == "fever", present )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-other", "Probe: other"));
        end
        """);

    Lint.Result result = Lint.run(copy.rules(), null);

    assertThat(only(result, Check.DUPLICATE)).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("probe-fever-again");
      assertThat(p.line()).isEqualTo(lineOf(file, "rule \"Probe: the same again"));
      assertThat(p.message()).isEqualTo("same conditions and conclusions as rule probe-fever at "
          + "probe/probe.drl:" + lineOf(file, "rule \"Probe: fever alone"));
    });
  }

  @Test
  void compileErrorsAndUnknownConstantsNameFileAndLine() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Path file = copy.addProbeRules("probe.drl", FEVER_RULE.replace("\"fever\"", "\"feverish\""));

    Lint.Result result = Lint.run(copy.rules(), null);

    int line = lineOf(file, "\"feverish\"");
    List<Problem> unknown = only(result, Check.VOCABULARY);
    assertThat(unknown).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(file.toString());
      assertThat(p.severity()).isEqualTo(Severity.ERROR);
      assertThat(p.line()).isEqualTo(line);
      assertThat(p.rule()).isEqualTo("probe-fever");
      assertThat(p.message()).contains("sign \"feverish\" is not defined in vocabulary.yaml; "
          + "did you mean fever?");
    });
    assertThat(only(result, Check.COMPILE)).as("said once, by the vocabulary check").isEmpty();
  }

  @Test
  void aSyntaxErrorNamesTheWordAndTheLineWithoutTheParsersCodes() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Path file = copy.addProbeRules("probe.drl", FEVER_RULE.replace(
        "Observation( sign == \"fever\", present )", "Observation( sign == \"fever\", present"));

    Lint.Result result = Lint.run(copy.rules(), null);

    assertThat(only(result, Check.COMPILE)).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(file.toString());
      // The line of the unclosed bracket, not of the 'then' where the parser gave up (issue 25).
      int unclosed = lineOf(file, "Observation( sign == \"fever\"");
      assertThat(p.line()).isEqualTo(unclosed);
      assertThat(p.message()).startsWith("the '(' on line " + unclosed + " is not closed; the "
          + "rule cannot be read at 'then' (line " + lineOf(file, "then") + ", column 1): a "
          + "condition above it is not complete; check that every '(' is closed")
          .doesNotContain("ERR", "null Package");
    });
  }

  @Test
  void everyInventoryItemMustBeEncodedByARule() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Path inventory = copy.rules().resolve("inventory.yaml");
    Files.writeString(inventory, Files.readString(inventory) + """
        - id: RF-16
          title: A probe item no rule encodes
          urgency: URGENT
          sources: ["003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs"]
        """);

    Lint.Result result = Lint.run(copy.rules(), null);

    assertThat(only(result, Check.INVENTORY)).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(inventory.toString());
      assertThat(p.line()).isEqualTo(lineOf(inventory, "- id: RF-16"));
      assertThat(p.message()).isEqualTo("item RF-16 is encoded by no rule (no rule names it in @inventory)");
    });
  }

  @Test
  void aRuleNoCaseFiresIsAnError() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Path file = copy.addProbeRules("probe.drl", FEVER_RULE.replace(
        "Observation( sign == \"fever\", present )",
        "Observation( sign == \"fever\", present )\n    Pain( site == \"pelvicFloor\", present )"));

    Lint.Result result = Lint.run(copy.rules(), copy.cases());

    assertThat(result.cases()).isEqualTo(org.spinefoot.cases.CaseRunner.findCases(copy.cases()).size());
    assertThat(result.errors()).extracting(Problem::toString).containsExactly(
        file + ":" + lineOf(file, "rule \"Probe") + ": error [coverage] probe-fever: no test case "
            + "fires this rule: add a case where it fires");
  }

  @Test
  void aQuestionARedFlagRuleReadsMustBeDeclaredEvenThroughAnIntermediateFact() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Path file = copy.addProbeRules("probe.drl", """
        rule "Probe: diabetes points to the spine"
            @id("probe-intermediate")
            @inventory("CI-01")
            @urgency("NONE")
            @source("004_8146cc3d50ab26bc.txt#Nerve Issues")
        when
            Observation( sign == "diabetes", present )
        then
            insertLogical(new SpinalOrigin(kcontext, "probe"));
        end

        rule "Probe: a spinal origin with hand numbness is urgent"
            @id("probe-red-flag")
            @inventory("RF-10")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            SpinalOrigin()
            Numbness( site in ("hand", "foot"), present )
            not Observation( sign == "overweight", present )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-finding", "Probe"));
        end
        """);

    Lint.Result result = Lint.run(copy.rules(), null);

    assertThat(only(result, Check.RED_FLAGS)).allSatisfy(p -> {
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
      assertThat(p.file()).isEqualTo(file.toString());
      assertThat(p.line()).isEqualTo(lineOf(file, "rule \"Probe: a spinal origin"));
      assertThat(p.rule()).isEqualTo("probe-red-flag");
    }).extracting(Problem::message).containsExactlyInAnyOrder(
        // numbness.hand is read by a rule below URGENT too (no obvious cause): a symptom of its
        // own, not only a red-flag question.
        "signs.diabetes is read by this URGENT rule, and by no rule below URGENT, but is not a "
            + "red-flag question: a record that leaves it unasked can end in self-care; mark it "
            + "'redFlag: true' in vocabulary.yaml");
    assertThat(result.redFlagQuestions()).as("the declared questions are listed")
        .isEqualTo(org.spinefoot.Fixture.assessor().redFlagQuestions());
    assertThat(result.report()).contains("red-flag questions (")
        .contains(String.join(", ", result.redFlagQuestions()));

    String diabetes = Files.readString(copy.rules().resolve("vocabulary.yaml"))
        .replaceAll("(?s).*(\n  signs\\.diabetes:\n.*?\n    patient: [^\n]*\n).*", "$1");
    copy.replace("rules/vocabulary.yaml", diabetes, diabetes + "    redFlag: true\n    safetyNet: tell\n");
    assertThat(only(Lint.run(copy.rules(), null), Check.RED_FLAGS)).isEmpty();
  }

  @Test
  void aTriggerTheVocabularyDoesNotHaveIsAnErrorWithTheNearestNameAndItsLine()
      throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    copy.replace("rules/vocabulary.yaml", "  signs.fever:\n",
        "  signs.fever:\n    askedWhen: [pain.lowBak]\n");
    Path vocabulary = copy.rules().resolve("vocabulary.yaml");

    Lint.Result result = Lint.run(copy.rules(), null);

    assertThat(result.errors()).extracting(Problem::toString).containsExactly(
        vocabulary + ":" + lineOf(vocabulary, "  signs.fever:") + ": error [vocabulary] "
            + "'signs.fever': askedWhen 'pain.lowBak' is not a question of the vocabulary; "
            + "did you mean pain.lowBack?");
  }

  private static List<Problem> only(Lint.Result result, Check check) {
    return result.problems().stream().filter(p -> p.check() == check).toList();
  }

  /** The line of the first occurrence of the text in the file. */
  static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(file + " has no line with " + text);
  }
}
