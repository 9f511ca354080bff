package org.spinefoot.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spinefoot.Answer;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.Explanation;
import org.spinefoot.Patient;
import org.spinefoot.RuleInfo;
import org.spinefoot.Trace;

/** Explains the assessment of one patient ({@link ExplainReport}). Thread-safe. */
public final class Explainer {
  // Conclusions a patient acts on first; intermediate facts (sciatica pattern, ...) last.
  private static final List<String> TYPE_ORDER = List.of(
      "Disposition", "StopExercises", "Finding", "CauseToConsider", "Consideration", "Advice");

  // How the engine's trace words a withdrawal caused by a change of the record.
  private static final String RECORD_CHANGED = "the record changed";

  private final Assessor assessor;
  private final Map<String, RuleInfo> rulesById = new LinkedHashMap<>();

  public Explainer(Assessor assessor) {
    this.assessor = assessor;
    assessor.rules().forEach(r -> rulesById.put(r.id(), r));
  }

  /**
   * Assesses the patient with tracing and explains the result; each unasked red-flag question
   * costs one more assessment (the what-if).
   */
  public ExplainReport explain(Patient patient) {
    Explanation explanation = assessor.explain(patient);
    Assessment a = explanation.assessment();
    List<ExplainReport.FiredRule> fired = new ArrayList<>();
    for (Trace.Fired f : explanation.trace().firings()) {
      RuleInfo r = rulesById.get(f.rule());
      fired.add(new ExplainReport.FiredRule(f.order(), f.rule(), f.ruleName(), r.urgency(),
          r.inventory(),
          r.sources(), r.location(), f.matched(), f.concluded(),
          a.standingRules().contains(f.rule())));
    }
    List<ExplainReport.Withdrawal> withdrawn = explanation.trace().withdrawals().stream()
        .map(w -> new ExplainReport.Withdrawal(w.order(), w.type(), w.description(), w.rule(),
            w.because(), w.because().startsWith(RECORD_CHANGED)))
        .toList();
    return new ExplainReport(a.patientId(), a.disposition(), a.stopExercises(), fired,
        chains(a), withdrawn, whatIfs(patient, a), assessor.askNext(patient).wouldChange());
  }

  private List<ExplainReport.Node> chains(Assessment a) {
    Map<String, List<Assessment.Conclusion>> byDescription = new LinkedHashMap<>();
    a.conclusions().forEach(c ->
        byDescription.computeIfAbsent(c.description(), k -> new ArrayList<>()).add(c));
    List<Assessment.Conclusion> ordered = new ArrayList<>(a.conclusions());
    // Findings as the assessment orders them: most urgent first.
    List<String> findingOrder = a.findings().stream()
        .map(f -> f.title() + " (" + f.urgency() + ")").toList();
    ordered.sort(Comparator.comparingInt((Assessment.Conclusion c) -> rank(c.type()))
        .thenComparingInt(c -> c.type().equals("Finding") ? findingOrder.indexOf(c.description())
            : 0));
    // Facts that read the same and rest on premises that read the same show once.
    Set<ExplainReport.Node> out = new LinkedHashSet<>();
    for (Assessment.Conclusion c : ordered) {
      out.add(node(c, byDescription, new HashSet<>()));
    }
    return List.copyOf(out);
  }

  private static int rank(String type) {
    int i = TYPE_ORDER.indexOf(type);
    return i < 0 ? TYPE_ORDER.size() : i;
  }

  // A conclusion's evidence names earlier conclusions by their description: follow each to the
  // standing conclusions that read so, never through one already on the path (no cycles).
  private ExplainReport.Node node(Assessment.Conclusion c,
      Map<String, List<Assessment.Conclusion>> byDescription, Set<String> onPath) {
    onPath.add(c.description());
    List<ExplainReport.Premise> because = new ArrayList<>();
    for (String fact : c.because()) {
      List<Assessment.Conclusion> behind = byDescription.getOrDefault(fact, List.of());
      if (behind.isEmpty()) {
        because.add(new ExplainReport.Premise(fact, List.of(), false));
      } else if (onPath.contains(fact)) {
        because.add(new ExplainReport.Premise(fact, List.of(), true));
      } else {
        Set<ExplainReport.Node> nodes = new LinkedHashSet<>();
        for (Assessment.Conclusion b : behind) {
          nodes.add(node(b, byDescription, onPath));
        }
        because.add(new ExplainReport.Premise(fact, List.copyOf(nodes), false));
      }
    }
    onPath.remove(c.description());
    RuleInfo rule = rulesById.get(c.rule());
    return new ExplainReport.Node(c.type(), c.description(), c.rule(),
        rule == null ? c.rule() : rule.name(), c.inventory(), because);
  }

  /**
   * Each red-flag question the assessment left unasked, with the assessment if it were answered
   * yes: one more assessment per question.
   */
  public List<ExplainReport.WhatIf> whatIfs(Patient patient, Assessment current) {
    Set<String> standing = new HashSet<>();
    current.findings().forEach(f -> standing.add(f.id()));
    List<ExplainReport.WhatIf> out = new ArrayList<>();
    for (Assessment.UnansweredQuestion q : current.unanswered()) {
      Assessment ifYes = assessor.assess(answeredYes(patient, q.path()));
      List<String> added = ifYes.findings().stream().filter(f -> !standing.contains(f.id()))
          .map(f -> f.id() + " (" + f.urgency() + ")").toList();
      out.add(new ExplainReport.WhatIf(q.path(), q.question(), ifYes.disposition(), added));
    }
    return out;
  }

  /**
   * The record with one question answered yes: a sign present, or numbness or pain at a site
   * present with the side not recorded.
   */
  static Patient answeredYes(Patient p, String path) {
    return p.with(path, Answer.PRESENT);
  }
}
