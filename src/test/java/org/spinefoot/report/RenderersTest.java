package org.spinefoot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spinefoot.Urgency;

/** The renderers on reports built here: where each part goes, and what the patient sees. */
class RenderersTest {
  static ActionReport.Item item(String id, String text, Urgency u, String... reason) {
    return new ActionReport.Item(id, List.of(), text, u, List.of(reason), List.of("INV-1"),
        List.of("rule-" + id), List.of(new ActionReport.Source("f.txt#Sec", "An Article", "Sec")));
  }

  static ActionReport report(Urgency u, List<ActionReport.Item> safetyNet) {
    return new ActionReport("pat", u, u.meaning(), false, safetyNet,
        List.of(new ActionReport.Question("signs.fever", "fever", Urgency.URGENT)),
        List.of(item("f1", "Lumbar spinal stenosis is likely", u, "worse when walking")),
        List.of(), List.of(), List.of("piriformis syndrome"),
        List.of(item("keep-moving", "Keep moving: walk a little every day.", null)),
        List.of("if yes to \"diabetes\" (now no): SOON (book an assessment)"),
        "test knowledge 1.0.0 (active; rules sha256:000000000000)");
  }

  final ActionReport withSafetyNet = report(Urgency.SOON, List.of(item("safety-net",
      "Call for an ambulance if you lose control of your bladder.", null)));

  @Test
  void theSafetyNetIsABlockNearTheTopNotAmongTheAdvice() {
    String text = ClinicianText.render(withSafetyNet, "x.yaml", 80, false);
    int net = text.indexOf("Safety net");
    assertThat(net).isGreaterThan(text.indexOf("Ask next")).isLessThan(text.indexOf("Findings"));
    assertThat(text.indexOf("Call for an ambulance")).isGreaterThan(net)
        .isLessThan(text.indexOf("Findings"));
    assertThat(text.substring(text.indexOf("  Advice"))).doesNotContain("Call for an ambulance");
    String patient = PatientText.render(withSafetyNet, 80);
    assertThat(patient.indexOf("When to get help")).isPositive()
        .isLessThan(patient.indexOf("Questions still to answer"));
    assertThat(patient).contains("Call for an ambulance");
    assertThat(HtmlReport.render(withSafetyNet, "x.yaml", false))
        .contains("<section class=\"safety-net\"><h2>Safety net</h2>");
  }

  @Test
  void withoutASafetyNetNothingSpecialIsShown() {
    ActionReport r = report(Urgency.SOON, List.of());
    assertThat(ClinicianText.render(r, "x.yaml", 80, false)).doesNotContain("Safety net");
    assertThat(PatientText.render(r, 80)).doesNotContain("When to get help");
    assertThat(HtmlReport.render(r, "x.yaml", false)).doesNotContain("<h2>Safety net</h2>");
  }

  @Test
  void thePatientReadsWhatToDoTheQuestionsByWhatAYesMeansAndGlossedWords() {
    String text = PatientText.render(report(Urgency.SOON, List.of()), 200);
    assertThat(text).contains("Book a visit with a doctor in the next few days.")
        .contains("If you have any of these, see a doctor today:\n  - Fever")
        .contains("Lumbar spinal stenosis (the space for the nerves in the lower back is too "
            + "narrow)")
        .doesNotContain("INV-1").doesNotContain("rule-").doesNotContain("SOON")
        .doesNotContain("An Article");
    assertThat(text.indexOf("What to do now")).isLessThan(text.indexOf("Questions still to answer"));
  }

  @Test
  void theClinicianSeesSourcesByTitleAndIdsOnlyWhenVerbose() {
    ActionReport r = report(Urgency.SOON, List.of());
    assertThat(ClinicianText.render(r, "x.yaml", 80, false)).contains("source: An Article: Sec")
        .doesNotContain("f.txt").doesNotContain("INV-1").doesNotContain("rule-f1");
    assertThat(ClinicianText.render(r, "x.yaml", 200, true)).contains("(f1; INV-1; rule rule-f1)")
        .contains("(signs.fever)");
  }

  @Test
  void theSafetyNetsListOfSymptomsReadsOneALineForThePatient() {
    ActionReport r = report(Urgency.SELF_CARE, List.of(item("safety-net",
        "Call now if any of these start: you feel weak; you cannot pee; you feel confused. "
            + "See a doctor if it lasts.", null)));
    assertThat(PatientText.render(r, 80)).contains("""
        When to get help
          Call now if any of these start:
          - You feel weak
          - You cannot pee
          - You feel confused.
          See a doctor if it lasts.
        """);
  }

  @Test
  void aWordLongerThanTheLineIsBrokenSoNoLineIsWider() {
    String text = new Wrap(40).para("  ", "    ", "a " + "x".repeat(100) + " b").toString();
    assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
    assertThat(text.replaceAll("\\s", "")).isEqualTo("a" + "x".repeat(100) + "b");
  }
}
