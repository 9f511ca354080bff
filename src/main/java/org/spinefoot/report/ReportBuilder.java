package org.spinefoot.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spinefoot.Assessment;
import org.spinefoot.Patient;
import org.spinefoot.Urgency;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.facts.Question;
import org.spinefoot.engine.facts.SpinalCause;

/** Arranges an {@link Assessment} as an {@link ActionReport}. Stateless and thread-safe. */
public final class ReportBuilder {
  private final SourceTitles titles;

  public ReportBuilder(SourceTitles titles) {
    this.titles = titles;
  }

  /**
   * @param patient the record assessed: its unasked questions never appear in a reason
   * @param assessment its assessment
   * @param askNext its unanswered red-flag questions with the disposition a "yes" would give
   */
  public ActionReport build(Patient patient, Assessment assessment,
      List<ActionReport.Question> askNext) {
    return build(patient, assessment, askNext, List.of());
  }

  /** As above, with what would change the outcome (see {@link AskNext}). */
  public ActionReport build(Patient patient, Assessment assessment,
      List<ActionReport.Question> askNext, List<String> wouldChange) {
    Reasons reasons = new Reasons(patient, assessment);
    List<ActionReport.Item> merged = mergedFindings(assessment, reasons);
    Urgency disposition = assessment.disposition();
    List<ActionReport.Item> atDisposition = merged.stream()
        .filter(f -> f.urgency() == disposition).toList();
    List<ActionReport.Item> below = merged.stream()
        .filter(f -> f.urgency() != disposition).toList();

    List<ActionReport.Item> causes = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (Assessment.Consideration c : assessment.considerations()) {
      String cause = causeName(c.id());
      if (cause != null && c.weight() == 0) {
        unsupported.add(cause);
      } else {
        causes.add(item(c.id(), List.of(), c.text(), null, c.inventory(), c.because(),
            c.sources(), reasons));
      }
    }

    List<ActionReport.Item> safetyNet = new ArrayList<>();
    List<Assessment.Advice> advice = new ArrayList<>();
    for (Assessment.Advice ad : assessment.advice()) {
      if (ad.inventory().contains(Merges.SAFETY_NET_INVENTORY)) {
        safetyNet.add(item(ad.id(), List.of(), ad.text(), null, ad.inventory(), ad.because(),
            ad.sources(), reasons));
      } else {
        advice.add(ad);
      }
    }
    advice.sort(Comparator.comparingInt(ReportBuilder::adviceRank)
        .thenComparing(Assessment.Advice::id));
    List<ActionReport.Item> adviceItems = advice.stream()
        .map(ad -> item(ad.id(), List.of(), ad.text(), null, ad.inventory(), ad.because(),
            ad.sources(), reasons))
        .toList();
    return new ActionReport(assessment.patientId(), disposition, disposition.meaning(),
        assessment.stopExercises(), safetyNet, askNext, atDisposition, below, causes, unsupported,
        adviceItems, wouldChange, assessment.knowledge().label());
  }

  /**
   * What in the record these reasons rest on, as a report gives it: the answered observations,
   * a premise that is itself a conclusion followed down to the answers behind it.
   *
   * @param patient the record assessed
   * @param assessment its assessment, whose conclusions the reasons' premises are looked up in
   * @param because reasons of conclusions in {@code assessment}
   */
  public static List<String> answersBehind(Patient patient, Assessment assessment,
      List<Assessment.Reason> because) {
    return new Reasons(patient, assessment).of(because);
  }

  // Findings in the assessment's order, each absorbing or grouped with its related ones.
  private List<ActionReport.Item> mergedFindings(Assessment a, Reasons reasons) {
    Map<String, Assessment.Finding> byId = new LinkedHashMap<>();
    a.findings().forEach(f -> byId.put(f.id(), f));
    Map<String, List<String>> mergedInto = new LinkedHashMap<>(); // leader -> merged IDs
    Map<String, String> leaderOf = new HashMap<>();
    for (List<String> group : Merges.ONE_LINE) {
      List<String> standing = group.stream().filter(byId::containsKey).toList();
      if (standing.size() > 1) {
        String leader = standing.get(0);
        for (String id : standing.subList(1, standing.size())) {
          join(leader, id, mergedInto, leaderOf);
        }
      }
    }
    Merges.ABSORBS.forEach((absorber, absorbed) -> {
      if (!byId.containsKey(absorber)) {
        return;
      }
      for (String id : absorbed) {
        Assessment.Finding f = byId.get(id);
        if (f != null && !leaderOf.containsKey(id)
            && !f.urgency().isHigherThan(byId.get(absorber).urgency())) {
          join(absorber, id, mergedInto, leaderOf);
        }
      }
    });
    List<ActionReport.Item> out = new ArrayList<>();
    for (Assessment.Finding f : a.findings()) {
      if (leaderOf.containsKey(f.id()) || Merges.SHOWN_AS_ASK_NEXT.contains(f.id())) {
        continue;
      }
      List<String> mergedIds = allMerged(f.id(), mergedInto);
      Urgency urgency = f.urgency();
      Set<String> inventory = new LinkedHashSet<>(f.inventory());
      List<Assessment.Reason> because = new ArrayList<>(f.because());
      Set<String> sources = new LinkedHashSet<>(f.sources());
      for (String id : mergedIds) {
        Assessment.Finding m = byId.get(id);
        urgency = m.urgency().isHigherThan(urgency) ? m.urgency() : urgency;
        inventory.addAll(m.inventory());
        because.addAll(m.because());
        sources.addAll(m.sources());
      }
      out.add(item(f.id(), mergedIds, f.title(), urgency, List.copyOf(inventory), because,
          List.copyOf(sources), reasons));
    }
    out.sort(Comparator.comparing(ActionReport.Item::urgency).reversed()); // stable: keeps order
    return out;
  }

  private static void join(String leader, String id, Map<String, List<String>> mergedInto,
      Map<String, String> leaderOf) {
    String root = leader;
    while (leaderOf.containsKey(root)) {
      root = leaderOf.get(root);
    }
    if (root.equals(id)) {
      return;
    }
    leaderOf.put(id, root);
    mergedInto.computeIfAbsent(root, k -> new ArrayList<>()).add(id);
  }

  private static List<String> allMerged(String id, Map<String, List<String>> mergedInto) {
    List<String> out = new ArrayList<>();
    for (String m : mergedInto.getOrDefault(id, List.of())) {
      out.add(m);
      out.addAll(allMerged(m, mergedInto));
    }
    return out;
  }

  private ActionReport.Item item(String id, List<String> merged, String text, Urgency urgency,
      List<String> inventory, List<Assessment.Reason> because, List<String> sources,
      Reasons reasons) {
    List<String> rules = because.stream().map(Assessment.Reason::rule).distinct().toList();
    return new ActionReport.Item(id, merged, text, urgency, reasons.of(because), inventory, rules,
        sources.stream().map(titles::name).toList());
  }

  // What to plan or stop first, then exercises (as the table or the rule says), then general.
  private static int adviceRank(Assessment.Advice ad) {
    int i = Merges.ADVICE_FIRST.indexOf(ad.id());
    if (i >= 0) {
      return i;
    }
    i = Merges.ADVICE_EXERCISES.indexOf(ad.id());
    if (i >= 0) {
      return 100 + i;
    }
    if (ad.exercise()) {
      return 199;
    }
    i = Merges.ADVICE_GENERAL.indexOf(ad.id());
    return i >= 0 ? 200 + i : 300;
  }

  private static String causeName(String considerationId) {
    for (SpinalCause c : SpinalCause.values()) {
      if (c.considerationId().equals(considerationId)) {
        return c.getLabel();
      }
    }
    return null;
  }

  /**
   * Reasons as the record's answers: a premise that is itself a conclusion is followed down to
   * the observations behind it, and a question the record left unasked is never a reason.
   */
  private static final class Reasons {
    private final Set<String> notAsked = new HashSet<>();
    private final Map<String, List<Assessment.Conclusion>> concluded = new HashMap<>();

    Reasons(Patient patient, Assessment a) {
      // Every question as it reads unasked, whatever this record answered: a reason is about
      // what was answered.
      PatientFacts facts = PatientFacts.of(patient.vocabulary());
      for (Question q : facts.everyQuestion()) {
        notAsked.add(q.describe());
      }
      for (Question q : facts.questions(patient)) {
        if (q.isNotAsked()) {
          notAsked.add(q.describe());
        }
      }
      a.conclusions().forEach(c ->
          concluded.computeIfAbsent(c.description(), k -> new ArrayList<>()).add(c));
    }

    List<String> of(List<Assessment.Reason> because) {
      Set<String> out = new LinkedHashSet<>();
      Set<String> seen = new HashSet<>();
      for (Assessment.Reason r : because) {
        r.observations().forEach(o -> follow(o, out, seen));
      }
      return List.copyOf(out);
    }

    private void follow(String fact, Set<String> out, Set<String> seen) {
      if (!seen.add(fact) || notAsked.contains(fact)) {
        return;
      }
      List<Assessment.Conclusion> behind = concluded.get(fact);
      if (behind == null) {
        out.add(fact);
        return;
      }
      for (Assessment.Conclusion c : behind) {
        c.because().forEach(b -> follow(b, out, seen));
      }
    }
  }
}
