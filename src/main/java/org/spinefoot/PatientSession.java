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
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.Watchdog;
import org.spinefoot.engine.facts.Advice;
import org.spinefoot.engine.facts.Conclusion;
import org.spinefoot.engine.facts.Consideration;
import org.spinefoot.engine.facts.Disposition;
import org.spinefoot.engine.facts.Finding;
import org.spinefoot.engine.facts.StopExercises;

/**
 * One patient's live session, for an interactive questionnaire: assess, change or withdraw
 * answers with {@link #update(Patient)}, and assess again. Truth maintenance withdraws every
 * conclusion whose premises no longer hold (INT-06). Not thread-safe: one session belongs to one
 * conversation. Close it when done.
 *
 * <p>The assessment depends only on the record, never on what the session saw before: the rules
 * are stratified (no conclusion depends, through a {@code not}, on its own consequences), so the
 * conclusions that stand after an update are those a fresh session would reach.
 */
public final class PatientSession implements AutoCloseable {
  static final String OVER_BUDGET = "did not finish within";
  private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule \"([^\"]+)\"");

  private final Assessor assessor;
  private final KieSession session;
  // One slot per question, then age and duration, then each red-flag question while it is due:
  // see PatientFacts.slots(Patient).
  private final Object[] facts;
  private final FactHandle[] handles;
  private final Map<Rule, Integer> firings = new HashMap<>();
  /** Trace events as recorded; a firing's conclusions are added while its action runs. */
  private final List<Object> trace;
  private final List<String> changes = new ArrayList<>();
  private FiringRecord current;
  private FiringRecord lastFiring;
  /** Conclusions inserted in this step, newest last, with the rule that concluded each. */
  private final List<Conclusion> insertedThisStep = new ArrayList<>();
  private final DefaultAgendaEventListener firingListener;
  private final TraceListener traceListener;
  private boolean failed;
  /** The rule whose action is running, for naming a rule that fails or never returns. */
  private volatile String firing;
  private Patient patient;
  private Assessment assessment;

  private record FiringRecord(RuleInfo rule, List<String> matched, List<String> concluded) {}

  /** The knowledge base this session assesses with. */
  Assessor assessor() {
    return assessor;
  }

  /**
   * Opens a session on the given engine session (new, or taken from the assessor's pool: then
   * {@link #close()} gives it back, reset, unless an assessment failed in it).
   */
  PatientSession(Assessor assessor, Patient patient, boolean tracing, KieSession session) {
    this.assessor = assessor;
    this.session = session;
    this.facts = new Object[assessor.facts().slotNames().size()];
    this.handles = new FactHandle[facts.length];
    this.trace = tracing ? new ArrayList<>() : null;
    this.firingListener = new DefaultAgendaEventListener() {
      @Override
      public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch().getRule().getName();
        if (trace != null) {
          current = new FiringRecord(assessor.ruleInfo(event.getMatch().getRule()),
              Conclusion.describe(event.getMatch().getObjects()), new ArrayList<>());
          trace.add(current);
        }
      }

      @Override
      public void afterMatchFired(AfterMatchFiredEvent event) {
        firing = null;
        firings.merge(event.getMatch().getRule(), 1, Integer::sum);
        lastFiring = current;
        current = null;
      }
    };
    session.addEventListener(firingListener);
    this.traceListener = tracing ? new TraceListener() : null;
    if (traceListener != null) {
      session.addEventListener(traceListener);
    }
    try {
      this.assessment = guarded(Objects.requireNonNull(patient, "patient"));
    } catch (RuntimeException e) {
      failed = true;
      close();
      throw e;
    }
  }

  /**
   * The record as last given.
   *
   * @return the record of the last assessment or update
   */
  public Patient patient() {
    return patient;
  }

  /**
   * The assessment of the record as last given; no rules run.
   *
   * @return the assessment made when the session opened or at the last {@link #update}
   */
  public Assessment assessment() {
    return assessment;
  }

  /**
   * Replaces the record: answers that changed are updated in the session, answers now left out
   * are withdrawn (they become "not asked"), and the rules run again. The result is the
   * assessment a fresh session would give for {@code changed}.
   *
   * @param changed the whole new record, e.g. {@code session.patient().with(...)}
   * @return the new assessment, also from {@link #assessment()} afterwards
   * @throws AssessmentException if a rule fails or loops on the changed record; close the session
   *     then and open a new one
   * @throws NullPointerException if {@code changed} is null
   */
  public Assessment update(Patient changed) {
    try {
      assessment = guarded(Objects.requireNonNull(changed, "patient"));
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
    return assessment;
  }

  /**
   * What to ask next about the record as last given, and which single answer changes would
   * change its outcome ({@link NextQuestions}). Each possible answer to each question is set in
   * this session, the rules run and the outcome is read, then the answer is taken back; the
   * session ends as it was, its assessment (and trace) unchanged.
   *
   * @return the ranked questions and the answer changes that would change the outcome
   * @throws AssessmentException if a rule fails or loops on one of the answers tried
   */
  public NextQuestions nextQuestions() {
    return nextQuestions(true);
  }

  /** As {@link #nextQuestions()}; without counterfactuals, the answered questions are not tried. */
  NextQuestions nextQuestions(boolean counterfactuals) {
    List<Object> savedTrace = trace == null ? null : new ArrayList<>(trace);
    try {
      return QuestionPlanner.plan(this, counterfactuals);
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    } finally {
      if (savedTrace != null) {
        trace.clear();
        trace.addAll(savedTrace);
      }
    }
  }

  /** The outcome the rules give now: disposition, stop flag and the IDs of standing findings. */
  record Outcome(Urgency disposition, boolean stopExercises, java.util.Set<String> findings) {}

  /** The fact in one slot of {@link PatientFacts#slots(Patient)}, as the session holds it. */
  Object slot(int index) {
    return facts[index];
  }

  /** Puts another fact in one slot, runs the rules and reads the outcome; the fact stays. */
  Outcome tryFact(int index, Object fact) {
    put(index, fact);
    fire();
    return outcome();
  }

  /** Runs the rules after facts were put back, so the session is as before the trials. */
  void settle() {
    fire();
  }

  /** Puts a fact in one slot without running the rules (the next run sees it). */
  void put(int index, Object fact) {
    if (!Objects.equals(facts[index], fact)) {
      place(index, fact);
    }
  }

  /**
   * Sets a slot's fact, and the engine's copy of it: inserted, updated or deleted, or kept out
   * when no rule could match it ({@link Assessor#inSession}).
   */
  private void place(int index, Object fact) {
    Object shown = assessor.inSession(index, fact) ? fact : null;
    FactHandle handle = handles[index];
    if (handle == null) {
      if (shown != null) {
        handles[index] = session.insert(shown);
      }
    } else if (shown == null) {
      session.delete(handle);
      handles[index] = null;
    } else {
      session.update(handle, shown);
    }
    facts[index] = fact;
  }

  Outcome outcome() {
    Urgency disposition = null;
    boolean stop = false;
    java.util.Set<String> findings = new java.util.HashSet<>();
    for (Object o : session.getObjects(o -> o instanceof Conclusion)) {
      if (o instanceof Disposition) {
        Urgency u = ((Disposition) o).getUrgency();
        disposition = disposition == null || u.isHigherThan(disposition) ? u : disposition;
      } else if (o instanceof StopExercises) {
        stop = true;
      } else if (o instanceof Finding) {
        findings.add(((Finding) o).getId());
      }
    }
    if (disposition == null) {
      throw new AssessmentException(patient.id(), null,
          "no rule concluded a disposition: the knowledge base lacks its INT-02 rules", null);
    }
    return new Outcome(disposition, stop, findings);
  }

  /**
   * What the engine did for the last assessment or update: rules fired and conclusions withdrawn.
   *
   * @return the trace of the last run only; earlier runs are not kept
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
      if (event.getObject() instanceof Conclusion) {
        Conclusion c = (Conclusion) event.getObject();
        insertedThisStep.add(c);
        if (current != null) {
          current.concluded().add(c.describe());
        }
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
      trace.add(new Trace.Withdrawn(0, c.getClass().getSimpleName(), c.describe(),
          assessor.ruleInfo(c.getRule()).id(), whyWithdrawn(c)));
    }
  }

  /**
   * Why truth maintenance withdrew a conclusion: a fact it matched is gone (the record changed,
   * or an earlier conclusion was withdrawn), or else something its rule requires to be absent
   * ({@code not X()}) has been concluded: the newest such conclusion is named.
   */
  private String whyWithdrawn(Conclusion c) {
    for (Object premise : c.getEvidence()) {
      boolean ours = premise instanceof Conclusion || premise instanceof org.spinefoot.engine.facts.Question
          || premise instanceof org.spinefoot.engine.facts.Age
          || premise instanceof org.spinefoot.engine.facts.SymptomDuration;
      if (ours && session.getFactHandle(premise) == null) {
        if (premise instanceof Conclusion) {
          return "it rested on \"" + ((Conclusion) premise).describe() + "\", which was withdrawn";
        }
        return "the record changed: " + (changes.isEmpty() ? premise : String.join("; ", changes));
      }
    }
    java.util.Set<String> negated = assessor.negatedTypes(assessor.ruleInfo(c.getRule()));
    for (int i = insertedThisStep.size() - 1; i >= 0; i--) {
      Conclusion newer = insertedThisStep.get(i);
      if (negated.contains(newer.getClass().getSimpleName())
          && session.getFactHandle(newer) != null) {
        return "rule " + assessor.ruleInfo(newer.getRule()).id() + " concluded: " + newer.describe();
      }
    }
    if (!changes.isEmpty()) {
      return "the record changed: " + String.join("; ", changes);
    }
    FiringRecord cause = current != null ? current : lastFiring;
    return cause == null ? "its premises stopped holding"
        : "rule " + cause.rule().id() + " concluded: " + String.join("; ", cause.concluded());
  }

  /**
   * Applies a record within the assessor's time budget. A rule that never returns is stopped and
   * named; an {@link Error} from a rule (a stack overflow, memory exhausted) fails this
   * assessment like an exception, naming the rule, and the session is never reused.
   */
  private Assessment guarded(Patient next) {
    Watchdog.Guard guard = assessor.watchdog().watch(session);
    String id = next.id();
    Assessment result;
    try {
      try {
        result = apply(next);
      } finally {
        guard.close();
      }
    } catch (AssessmentException e) {
      if (guard.expired()) {
        throw overBudget(id, guard, e);
      }
      throw e;
    } catch (RuntimeException | ThreadDeath e) {
      if (guard.expired()) {
        throw overBudget(id, guard, e);
      }
      throw e instanceof RuntimeException ? (RuntimeException) e : new AssessmentException(id,
          firing, "stopped", e);
    } catch (VirtualMachineError | LinkageError | AssertionError e) {
      failed = true;
      String rule = firing != null ? firing : assessor.ruleOnStack(e.getStackTrace());
      throw new AssessmentException(id, rule, (firing != null ? "the rule's action failed: "
          : "a rule failed while evaluating: ") + e, e);
    }
    if (guard.expired()) {
      throw overBudget(id, guard, null); // halted between firings: half an assessment stands
    }
    return result;
  }

  private AssessmentException overBudget(String id, Watchdog.Guard guard, Throwable cause) {
    failed = true;
    String rule = firing != null ? firing : assessor.ruleOnStack(guard.stackWhenExpired());
    return new AssessmentException(id, rule, OVER_BUDGET + " "
        + describe(assessor.watchdog().budget()) + " and was stopped",
        cause instanceof ThreadDeath ? null : cause);
  }

  private static String describe(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private Assessment apply(Patient next) {
    if (trace != null) {
      trace.clear();
      insertedThisStep.clear();
    }
    lastFiring = null;
    changes.clear();
    boolean first = patient == null;
    next = next.in(assessor.vocabulary());
    List<Object> wanted = assessor.facts().slots(next);
    for (int i = 0; i < facts.length; i++) {
      Object old = facts[i];
      Object fact = wanted.get(i);
      if (Objects.equals(old, fact)) {
        continue;
      }
      place(i, fact);
      if (trace != null && !first) {
        changes.add(assessor.facts().slotNames().get(i) + ": " + (old == null ? "not given" : old)
            + " -> " + (fact == null ? "withdrawn" : fact));
      }
    }
    patient = next;
    fire();
    return collect();
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
      // The rules in a cycle fire about equally often, and far more than the rules that fired
      // once or twice on the way: only they are named.
      int most = firings.values().stream().max(Integer::compare).orElse(0);
      List<Map.Entry<Rule, Integer>> looping = firings.entrySet().stream()
          .filter(en -> en.getValue() * 4L >= most)
          .sorted(Map.Entry.<Rule, Integer>comparingByValue().reversed()
              .thenComparing(en -> en.getKey().getName()))
          .toList();
      String first = looping.isEmpty() ? null : looping.get(0).getKey().getName();
      String others = looping.size() < 2 ? "" : "; the rules in the loop: " + looping.stream()
          .map(en -> "\"" + en.getKey().getName() + "\" (" + en.getValue() + " times)")
          .collect(java.util.stream.Collectors.joining(", "));
      throw new AssessmentException(patient.id(), first,
          "the rules fired " + count + " times without settling: the rule loops" + others, null);
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

  /** A conclusion with its rule looked up once. */
  private record Standing(Conclusion conclusion, RuleInfo rule) {}

  private Assessment collect() {
    // The session returns facts in no fixed order; sort them so equal records give equal results.
    List<Standing> standing = new ArrayList<>();
    for (Object o : session.getObjects(o -> o instanceof Conclusion)) {
      Conclusion c = (Conclusion) o;
      RuleInfo rule = assessor.ruleInfo(c.getRule());
      standing.add(new Standing(c, rule));
    }
    standing.sort(Comparator.comparing(s -> s.conclusion().orderKey()));

    Map<String, List<Standing>> findingsById = new LinkedHashMap<>();
    Map<String, List<Standing>> considerationsById = new LinkedHashMap<>();
    Map<String, List<Standing>> adviceById = new LinkedHashMap<>();
    List<Assessment.Conclusion> conclusions = new ArrayList<>(standing.size());
    Urgency disposition = null;
    boolean stop = false;
    for (Standing s : standing) {
      Conclusion c = s.conclusion();
      conclusions.add(new Assessment.Conclusion(c.getClass().getSimpleName(), c.describe(),
          s.rule().id(), s.rule().inventory(), c.getReasons()));
      if (c instanceof Finding) {
        findingsById.computeIfAbsent(((Finding) c).getId(), k -> new ArrayList<>()).add(s);
      } else if (c instanceof Consideration) {
        considerationsById.computeIfAbsent(((Consideration) c).getId(), k -> new ArrayList<>())
            .add(s);
      } else if (c instanceof Advice) {
        adviceById.computeIfAbsent(((Advice) c).getId(), k -> new ArrayList<>()).add(s);
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
      Finding first = (Finding) group.get(0).conclusion();
      Urgency highest = first.getUrgency();
      for (Standing s : group) {
        Urgency u = ((Finding) s.conclusion()).getUrgency();
        highest = u.isHigherThan(highest) ? u : highest;
      }
      findings.add(new Assessment.Finding(id, first.getTitle(), highest,
          inventory(group), sources(group), reasons(group)));
    });
    // Most urgent first; within an urgency, what the patient has (red flags, conditions, other
    // causes) before where to go (referrals) and the safety net (unanswered questions).
    findings.sort(Comparator.comparing(Assessment.Finding::urgency).reversed()
        .thenComparingInt(PatientSession::readingOrder)
        .thenComparing(Assessment.Finding::id));
    List<Assessment.Consideration> considerations = new ArrayList<>();
    considerationsById.forEach((id, group) -> {
      Consideration heaviest = (Consideration) group.get(0).conclusion();
      for (Standing s : group) {
        Consideration c = (Consideration) s.conclusion();
        heaviest = c.getWeight() > heaviest.getWeight() ? c : heaviest;
      }
      considerations.add(new Assessment.Consideration(id, heaviest.getText(),
          heaviest.getWeight(), inventory(group), sources(group), reasons(group)));
    });
    considerations.sort(Comparator.comparingInt(Assessment.Consideration::weight).reversed()
        .thenComparing(Assessment.Consideration::id));
    List<Assessment.Advice> advice = new ArrayList<>();
    adviceById.forEach((id, group) -> advice.add(new Assessment.Advice(
        id, ((Advice) group.get(0).conclusion()).getText(), inventory(group), sources(group),
        reasons(group), ((Advice) group.get(0).conclusion()).isExercise())));
    advice.sort(Comparator.comparing(Assessment.Advice::id));
    List<Assessment.UnansweredQuestion> unanswered = new ArrayList<>();
    for (String path : assessor.facts()
        .unansweredRedFlagQuestions(java.util.Arrays.asList(facts))) {
      unanswered.add(new Assessment.UnansweredQuestion(path,
          assessor.vocabulary().entry(path).orElseThrow().label()));
    }
    return new Assessment(patient.id(), disposition, findings, considerations, advice, stop,
        unanswered, conclusions, assessor.knowledge());
  }

  private static final List<String> READING_ORDER = List.of("RF", "CI", "AC", "RE", "SC", "INT");

  private static int readingOrder(Assessment.Finding f) {
    int best = READING_ORDER.size();
    for (String id : f.inventory()) {
      int dash = id.indexOf('-');
      int rank = READING_ORDER.indexOf(dash < 0 ? id : id.substring(0, dash));
      if (rank >= 0 && rank < best) {
        best = rank;
      }
    }
    return best;
  }

  private static List<String> inventory(List<Standing> group) {
    if (group.size() == 1) {
      return group.get(0).rule().inventory();
    }
    return group.stream().flatMap(s -> s.rule().inventory().stream()).distinct().sorted().toList();
  }

  private static List<String> sources(List<Standing> group) {
    if (group.size() == 1) {
      return group.get(0).rule().sources();
    }
    return group.stream().flatMap(s -> s.rule().sources().stream()).distinct().toList();
  }

  // One reason per rule: a rule that matched several numb sites gives one reason naming them all.
  private static List<Assessment.Reason> reasons(List<Standing> group) {
    Map<RuleInfo, List<String>> byRule = new LinkedHashMap<>();
    for (Standing s : group) {
      List<String> observations = byRule.computeIfAbsent(s.rule(), r -> new ArrayList<>());
      for (String e : s.conclusion().getReasons()) {
        if (!observations.contains(e)) {
          observations.add(e);
        }
      }
    }
    List<Assessment.Reason> out = new ArrayList<>(byRule.size());
    byRule.forEach((rule, observations) ->
        out.add(new Assessment.Reason(rule.id(), rule.name(), observations)));
    out.sort(Comparator.comparing(Assessment.Reason::rule));
    return out;
  }

  /** Ends the session. A pooled engine session goes back to the pool reset, unless it failed. */
  @Override
  public void close() {
    session.removeEventListener(firingListener);
    if (traceListener != null) {
      session.removeEventListener(traceListener);
    }
    if (failed) {
      session.destroy(); // never reuse a session a rule failed or looped in
    } else {
      session.dispose();
    }
  }
}
