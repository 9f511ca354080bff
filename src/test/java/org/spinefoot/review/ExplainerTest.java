package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spinefoot.Answer;
import org.spinefoot.Felt;
import org.spinefoot.Patient;
import org.spinefoot.Side;
import org.spinefoot.Sign;
import org.spinefoot.Site;
import org.spinefoot.TestAssessor;
import org.spinefoot.Urgency;
import org.spinefoot.io.PatientReader;

class ExplainerTest {
  private final Explainer explainer = new Explainer(TestAssessor.get());

  @Test
  void listsEveryFiringInOrderWithItsProvenanceAndWhatItMatched() {
    ExplainReport r = explainer.explain(PatientReader.read(Path.of("src/test/resources/fixture/facts/cauda-equina-emergency.yaml")));

    assertThat(r.disposition()).isEqualTo(Urgency.EMERGENCY);
    assertThat(r.fired()).extracting(ExplainReport.FiredRule::order).isSorted();
    assertThat(r.fired()).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("rf-cauda-equina-bladder-bowel");
      assertThat(f.name()).startsWith("Red flag: loss of bladder or bowel control with back pain");
      assertThat(f.inventory()).containsExactly("RF-07");
      assertThat(f.sources()).containsExactly("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs");
      assertThat(f.location()).startsWith("redflags/red-flags.drl:");
      assertThat(f.matched()).containsExactly("loss of bladder or bowel control",
          "pain in the low back (both sides)", "numbness or tingling in the foot (left side)");
      assertThat(f.concluded()).containsExactly("Suspected cauda equina syndrome (EMERGENCY)");
    });
  }

  @Test
  void followsEachConclusionThroughIntermediateFactsToTheObservations() {
    ExplainReport r = explainer.explain(PatientReader.read(Path.of("src/test/resources/fixture/facts/cauda-equina-emergency.yaml")));

    ExplainReport.Node cause = r.conclusions().stream()
        .filter(n -> n.rule().equals("sciatica-consider-nerve-root")).findFirst().orElseThrow();
    assertThat(cause.type()).isEqualTo("Consideration");
    ExplainReport.Premise pattern = cause.because().get(0);
    assertThat(pattern.fact()).isEqualTo("sciatica pattern");
    assertThat(pattern.concludedBy()).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("SciaticaPattern");
      assertThat(n.rule()).isEqualTo("sciatica-pattern");
      assertThat(n.because()).extracting(ExplainReport.Premise::fact).containsExactly(
          "pain running down the back of the leg",
          "numbness or tingling in the foot (left side)");
      assertThat(n.because()).allSatisfy(p -> assertThat(p.concludedBy()).isEmpty());
    });

    assertThat(r.conclusions().get(0).type()).as("the disposition comes first").isEqualTo("Disposition");
    List<String> behindDisposition = new ArrayList<>();
    r.conclusions().stream().filter(n -> n.type().equals("Disposition"))
        .forEach(n -> behindDisposition.addAll(allFacts(n)));
    assertThat(behindDisposition).contains("disposition EMERGENCY",
        "Suspected cauda equina syndrome (EMERGENCY)", "pain in the low back (both sides)");
  }

  @Test
  void reportsWithdrawnConclusionsAndWhy() {
    ExplainReport r = explainer.explain(PatientReader.read(Path.of("src/test/resources/fixture/facts/cauda-equina-emergency.yaml")));

    assertThat(r.withdrawn()).anySatisfy(w -> {
      assertThat(w.type()).isEqualTo("Advice");
      assertThat(w.rule()).isEqualTo("selfcare-keep-moving");
      assertThat(w.because()).startsWith("rule int-stop-exercises concluded: stop the exercises");
    });
    assertThat(r.conclusions()).noneMatch(n -> n.type().equals("Advice"));
  }

  @Test
  void eachUnaskedRedFlagQuestionShowsTheDispositionAYesWouldGive() {
    Patient patient = Patient.builder("what-if").age(40).durationDays(3)
        .numbness(Site.of("foot"), Side.LEFT).pain(Site.of("lowBack"), Side.BOTH).build();
    ExplainReport r = explainer.explain(patient);

    assertThat(r.unasked()).extracting(ExplainReport.WhatIf::path)
        .containsExactlyInAnyOrderElementsOf(TestAssessor.get().unansweredRedFlagQuestions(patient));
    assertThat(r.unasked()).filteredOn(w -> w.path().equals("signs.fever")).singleElement()
        .satisfies(w -> {
          assertThat(w.question()).isEqualTo("fever");
          assertThat(w.ifYes()).isEqualTo(Urgency.URGENT);
          assertThat(w.newFindings()).containsExactly("serious-cause-suspected (URGENT)");
        });
    assertThat(r.unasked()).filteredOn(w -> w.path().equals("signs.bladderOrBowelControlLost"))
        .singleElement().satisfies(w -> assertThat(w.ifYes()).isEqualTo(Urgency.EMERGENCY));
  }

  @Test
  void answeringYesChangesOnlyThatQuestion() {
    Patient p = Patient.builder("p").age(30).absent(Sign.of("fever")).noNumbness(Site.of("saddle")).build();
    assertThat(Explainer.answeredYes(p, "signs.fever").answer(Sign.of("fever"))).isEqualTo(Answer.PRESENT);
    Patient saddle = Explainer.answeredYes(p, "numbness.saddle");
    assertThat(saddle.numbness().get(Site.of("saddle"))).isEqualTo(Felt.on(Side.UNSPECIFIED));
    assertThat(saddle.answer(Sign.of("fever"))).isEqualTo(Answer.ABSENT);
    assertThat(saddle.age()).isEqualTo(30);
    assertThat(Explainer.answeredYes(p, "pain.lowBack").pain().get(Site.of("lowBack")))
        .isEqualTo(Felt.on(Side.UNSPECIFIED));
  }

  private static List<String> allFacts(ExplainReport.Node node) {
    List<String> out = new ArrayList<>();
    out.add(node.description());
    for (ExplainReport.Premise p : node.because()) {
      out.add(p.fact());
      p.concludedBy().forEach(n -> out.addAll(allFacts(n)));
    }
    return out;
  }
}
