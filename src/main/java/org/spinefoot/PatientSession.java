package org.spinefoot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.spinefoot.facts.Advice;
import org.spinefoot.facts.Age;
import org.spinefoot.facts.Conclusion;
import org.spinefoot.facts.Consideration;
import org.spinefoot.facts.Disposition;
import org.spinefoot.facts.Finding;
import org.spinefoot.facts.Question;
import org.spinefoot.facts.StopExercises;
import org.spinefoot.facts.SymptomDuration;
import org.spinefoot.facts.Urgency;

/**
 * One patient's live session, for an interactive questionnaire: assess, change or withdraw
 * answers with {@link #update(Patient)}, and assess again. Truth maintenance withdraws every
 * conclusion whose premises no longer hold (INT-06). Not thread-safe: one session belongs to one
 * conversation. Close it when done.
 */
public final class PatientSession implements AutoCloseable {
  private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule \"([^\"]+)\"");

  private final Assessor assessor;
  private final KieSession session;
  private final Map<String, FactHandle> handles = new HashMap<>();
  private final Map<String, Object> facts = new HashMap<>();
  private final List<String> fired = new ArrayList<>();
  private final Map<Rule, Integer> firings = new HashMap<>();
  /** Trace events as recorded; a firing's conclusions are added while its action runs. */
  private final List<Object> trace;
  private final List<String> changes = new ArrayList<>();
  private FiringRecord current;
  private FiringRecord lastFiring;

  private record FiringRecord(RuleInfo rule, List<String> matched, List<String> concluded) {}
  private Patient patient;
  private Assessment assessment;

  PatientSession(Assessor assessor, Patient patient, boolean tracing) {
    this.assessor = assessor;
    this.session = assessor.kieBase().newKieSession();
    this.trace = tracing ? new ArrayList<>() : null;
    session.addEventListener(new DefaultAgendaEventListener() {
      @Override
      public void afterMatchFired(AfterMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        fired.add(assessor.ruleInfo(rule).id());
        firings.merge(rule, 1, Integer::sum);
        lastFiring = current;
        current = null;
      }

      @Override
      public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
        if (trace != null) {
          current = new FiringRecord(assessor.ruleInfo(event.getMatch().getRule()),
              describeAll(event.getMatch().getObjects()), new ArrayList<>());
          trace.add(current);
        }
      }
    });
    if (trace != null) {
      session.addEventListener(new TraceListener());
    }
    try {
      this.assessment = apply(patient);
    } catch (RuntimeException e) {
      session.dispose();
      throw e;
    }
  }

  /**
   * What the engine did for the last assessment or update: rules fired and conclusions withdrawn.
   *
   * @throws IllegalStateException if the session was opened without tracing
   */
  public Trace trace() {
    if (trace == null) {
      throw new IllegalStateException("this session was opened without tracing");
    }
    List<Trace.Event> events = new ArrayList<>();
    for (Object o : trace) {
      int order = events.size() + 1;
      if (o instanceof FiringRecord) {
        FiringRecord f = (FiringRecord) o;
        events.add(new Trace.Fired(order, f.rule().id(), f.rule().name(), f.matched(), f.concluded()));
      } else {
        Trace.Withdrawn w = (Trace.Withdrawn) o;
        events.add(new Trace.Withdrawn(order, w.type(), w.description(), w.rule(), w.because()));
      }
    }
    return new Trace(events);
  }

  // Records what each firing concluded, and what truth maintenance withdrew and why.
  private final class TraceListener implements RuleRuntimeEventListener {
    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (current != null && event.getObject() instanceof Conclusion) {
        current.concluded().add(((Conclusion) event.getObject()).describe());
      }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {}

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
      Object old = event.getOldObject();
      if (!(old instanceof Conclusion)) {
        return;
      }
      Conclusion c = (Conclusion) old;
      // The engine propagates a conclusion lazily, just before the next firing: a withdrawal
      // seen between firings was caused by what the last firing concluded.
      FiringRecord cause = current != null ? current : lastFiring;
      String because;
      if (cause != null) {
        because = "rule " + cause.rule().id() + " concluded: "
            + (cause.concluded().isEmpty() ? "(nothing)" : String.join("; ", cause.concluded()));
      } else if (!changes.isEmpty()) {
        because = "the record changed: " + String.join("; ", changes);
      } else {
        because = "its premises stopped holding";
      }
      trace.add(new Trace.Withdrawn(0, c.getClass().getSimpleName(), c.describe(),
          assessor.ruleInfo(c.getRule()).id(), because));
    }
  }

  /** The record as last given. */
  public Patient patient() {
    return patient;
  }

  /** The assessment of the record as last given. */
  public Assessment assessment() {
    return assessment;
  }

  /**
   * Replaces the record: answers that changed are updated in the session, answers now left out
   * are withdrawn (they become "not asked"), and the rules run again.
   */
  public Assessment update(Patient changed) {
    fired.clear();
    lastFiring = null;
    if (trace != null) {
      trace.clear();
    }
    assessment = apply(Objects.requireNonNull(changed, "patient"));
    return assessment;
  }

  private Assessment apply(Patient next) {
    Map<String, Object> wanted = factsByKey(next);
    changes.clear();
    boolean first = facts.isEmpty();
    for (Map.Entry<String, Object> e : wanted.entrySet()) {
      Object old = facts.get(e.getKey());
      if (old == null) {
        handles.put(e.getKey(), session.insert(e.getValue()));
        if (!first) {
          changes.add(e.getKey() + " now " + e.getValue());
        }
      } else if (!old.equals(e.getValue())) {
        session.update(handles.get(e.getKey()), e.getValue());
        changes.add(e.getKey() + ": " + old + " -> " + e.getValue());
      }
    }
    for (String key : new ArrayList<>(facts.keySet())) {
      if (!wanted.containsKey(key)) {
        session.delete(handles.remove(key));
        changes.add(key + " withdrawn");
      }
    }
    facts.clear();
    facts.putAll(wanted);
    patient = next;
    fire();
    return collect();
  }

  private static Map<String, Object> factsByKey(Patient p) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object fact : p.facts()) {
      String key;
      if (fact instanceof Question) {
        key = ((Question) fact).getPath();
      } else if (fact instanceof Age) {
        key = "age";
      } else if (fact instanceof SymptomDuration) {
        key = "durationDays";
      } else {
        throw new IllegalStateException("unexpected fact " + fact);
      }
      out.put(key, fact);
    }
    return out;
  }

  private void fire() {
    firings.clear();
    int count;
    try {
      count = session.fireAllRules(assessor.maxFirings());
    } catch (ConsequenceException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new AssessmentException(patient.id(), e.getRule().getName(),
          "the rule's action failed: " + cause, cause);
    } catch (RuntimeException e) {
      throw new AssessmentException(patient.id(), ruleNamedIn(e),
          "a rule failed while evaluating: " + e.getMessage(), e);
    }
    if (count >= assessor.maxFirings()) {
      String looping = firings.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .map(en -> en.getKey().getName())
          .orElse(null);
      throw new AssessmentException(patient.id(), looping,
          "the rules fired " + count + " times without settling: the rule loops", null);
    }
  }

  private static String ruleNamedIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        Matcher m = RULE_IN_MESSAGE.matcher(t.getMessage());
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    return null;
  }

  private Assessment collect() {
    Map<String, List<Finding>> findingsById = new LinkedHashMap<>();
    Map<String, List<Consideration>> considerationsById = new LinkedHashMap<>();
    Map<String, List<Advice>> adviceById = new LinkedHashMap<>();
    List<Assessment.Conclusion> conclusions = new ArrayList<>();
    Urgency disposition = null;
    boolean stop = false;
    // The session returns facts in no fixed order; sort them so equal records give equal results.
    List<Conclusion> standing = new ArrayList<>();
    for (Object o : session.getObjects(o -> o instanceof Conclusion)) {
      standing.add((Conclusion) o);
    }
    standing.sort(Comparator.comparing((Conclusion c) -> c.getClass().getSimpleName())
        .thenComparing(c -> assessor.ruleInfo(c.getRule()).id())
        .thenComparing(Conclusion::describe)
        .thenComparing(c -> String.join("|", evidence(c))));
    for (Conclusion c : standing) {
      RuleInfo rule = assessor.ruleInfo(c.getRule());
      conclusions.add(new Assessment.Conclusion(c.getClass().getSimpleName(), c.describe(),
          rule.id(), rule.inventory(), evidence(c)));
      if (c instanceof Finding) {
        findingsById.computeIfAbsent(((Finding) c).getId(), k -> new ArrayList<>()).add((Finding) c);
      } else if (c instanceof Consideration) {
        considerationsById.computeIfAbsent(((Consideration) c).getId(), k -> new ArrayList<>())
            .add((Consideration) c);
      } else if (c instanceof Advice) {
        adviceById.computeIfAbsent(((Advice) c).getId(), k -> new ArrayList<>()).add((Advice) c);
      } else if (c instanceof Disposition) {
        Urgency u = ((Disposition) c).getUrgency();
        disposition = disposition == null || u.isHigherThan(disposition) ? u : disposition;
      } else if (c instanceof StopExercises) {
        stop = true;
      }
    }
    if (disposition == null) {
      throw new AssessmentException(patient.id(), null,
          "no rule concluded a disposition: the knowledge base lacks its INT-02 rules", null);
    }
    List<Assessment.Finding> findings = new ArrayList<>();
    findingsById.forEach((id, group) -> {
      Finding first = group.get(0);
      Urgency highest = group.stream().map(Finding::getUrgency).max(Comparator.naturalOrder())
          .orElseThrow();
      findings.add(new Assessment.Finding(id, first.getTitle(), highest,
          inventory(group), sources(group), reasons(group)));
    });
    findings.sort(Comparator.comparing(Assessment.Finding::urgency).reversed()
        .thenComparing(Assessment.Finding::id));
    List<Assessment.Consideration> considerations = new ArrayList<>();
    considerationsById.forEach((id, group) -> {
      Consideration heaviest = group.stream()
          .max(Comparator.comparingInt(Consideration::getWeight)).orElseThrow();
      considerations.add(new Assessment.Consideration(id, heaviest.getText(),
          heaviest.getWeight(), inventory(group), sources(group), reasons(group)));
    });
    considerations.sort(Comparator.comparingInt(Assessment.Consideration::weight).reversed()
        .thenComparing(Assessment.Consideration::id));
    List<Assessment.Advice> advice = new ArrayList<>();
    adviceById.forEach((id, group) -> advice.add(new Assessment.Advice(
        id, group.get(0).getText(), inventory(group), sources(group), reasons(group))));
    advice.sort(Comparator.comparing(Assessment.Advice::id));
    conclusions.sort(Comparator.comparing(Assessment.Conclusion::type)
        .thenComparing(Assessment.Conclusion::rule)
        .thenComparing(Assessment.Conclusion::description));
    List<Assessment.UnansweredQuestion> unanswered = patient.questions().stream()
        .filter(q -> q.isRedFlagQuestion() && q.isNotAsked())
        .map(q -> new Assessment.UnansweredQuestion(q.getPath(), q.getLabel()))
        .toList();
    return new Assessment(patient.id(), disposition, findings, considerations, advice, stop,
        unanswered, conclusions, fired);
  }

  private List<String> inventory(List<? extends Conclusion> group) {
    return group.stream().flatMap(c -> assessor.ruleInfo(c.getRule()).inventory().stream())
        .distinct().sorted().toList();
  }

  private List<String> sources(List<? extends Conclusion> group) {
    return group.stream().flatMap(c -> assessor.ruleInfo(c.getRule()).sources().stream())
        .distinct().toList();
  }

  // One reason per rule: a rule that matched several numb sites gives one reason naming them all.
  private List<Assessment.Reason> reasons(List<? extends Conclusion> group) {
    Map<RuleInfo, List<String>> byRule = new LinkedHashMap<>();
    for (Conclusion c : group) {
      List<String> observations =
          byRule.computeIfAbsent(assessor.ruleInfo(c.getRule()), r -> new ArrayList<>());
      for (String e : evidence(c)) {
        if (!observations.contains(e)) {
          observations.add(e);
        }
      }
    }
    return byRule.entrySet().stream()
        .map(e -> new Assessment.Reason(e.getKey().id(), e.getKey().name(), e.getValue()))
        .sorted(Comparator.comparing(Assessment.Reason::rule))
        .toList();
  }

  private static List<String> evidence(Conclusion c) {
    return describeAll(c.getEvidence());
  }

  private static List<String> describeAll(List<Object> objects) {
    List<String> out = new ArrayList<>();
    for (Object raw : objects) {
      List<?> items = raw instanceof java.util.Collection ? new ArrayList<>((java.util.Collection<?>) raw) : List.of(raw);
      for (Object o : items) {
      String d;
      if (o instanceof Question) {
        d = ((Question) o).describe();
      } else if (o instanceof Conclusion) {
        d = ((Conclusion) o).describe();
      } else if (o instanceof Age || o instanceof SymptomDuration) {
        d = o.toString();
      } else {
        continue; // the engine's own facts, such as the initial fact of a "not" or accumulate
      }
      if (!out.contains(d)) {
        out.add(d);
      }
      }
    }
    return out;
  }

  @Override
  public void close() {
    session.dispose();
  }
}
