package org.spinefoot.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.spinefoot.Patient;
import org.spinefoot.Vocabulary;
import org.spinefoot.engine.facts.Age;
import org.spinefoot.engine.facts.Question;
import org.spinefoot.engine.facts.RedFlagQuestion;
import org.spinefoot.engine.facts.SymptomDuration;

/**
 * A patient record as the facts the rules see, for one vocabulary. Engine-internal: embedders
 * hand the engine a {@link Patient} and never meet these facts. Immutable and thread-safe.
 */
public final class PatientFacts {
  private static final class Packaged {
    static final PatientFacts INSTANCE = new PatientFacts(Vocabulary.packaged());
  }

  private final Vocabulary vocabulary;
  private final FactTable table;
  private final List<Vocabulary.Entry> redFlags;
  private final List<RedFlagQuestion> redFlagFacts;
  private final List<String> slotNames;
  private final org.spinefoot.engine.facts.SafetyNetSigns safetyNet;
  /** For each red-flag question, in order, the slot of its question fact. */
  private final int[] redFlagQuestionSlot;
  /** For each trigger, the red-flag questions asked when it holds. */
  private final java.util.Map<String, List<Vocabulary.Entry>> redFlagQuestionsByTrigger;
  private final java.util.Map<String, Integer> slotOfQuestion;

  public PatientFacts(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.table = new FactTable(vocabulary);
    List<Vocabulary.Entry> rf = new ArrayList<>();
    for (String path : vocabulary.redFlagQuestions()) {
      rf.add(vocabulary.entry(path).orElseThrow());
    }
    this.redFlags = List.copyOf(rf);
    this.redFlagFacts = rf.stream().map(e -> new RedFlagQuestion(e.path())).toList();
    this.safetyNet = safetyNet(rf);
    List<String> names = new ArrayList<>();
    for (Question q : table.questions(Patient.builder(null, vocabulary).build())) {
      names.add(q.getPath());
    }
    names.add("age");
    names.add("durationDays");
    names.add("safety-net signs");
    for (Vocabulary.Entry e : redFlags) {
      names.add("red-flag question due: " + e.path());
    }
    this.slotNames = List.copyOf(names);
    this.redFlagQuestionSlot = new int[redFlags.size()];
    for (int i = 0; i < redFlags.size(); i++) {
      redFlagQuestionSlot[i] = names.indexOf(redFlags.get(i).path());
    }
    java.util.Map<String, List<Vocabulary.Entry>> byTrigger = new java.util.HashMap<>();
    redFlags.forEach(e -> e.askedWhen().forEach(
        t -> byTrigger.computeIfAbsent(t, k -> new ArrayList<>()).add(e)));
    byTrigger.replaceAll((t, list) -> List.copyOf(list));
    this.redFlagQuestionsByTrigger = java.util.Map.copyOf(byTrigger);
    java.util.Map<String, Integer> slots = new java.util.HashMap<>();
    for (int i = 0; i < firstDueSlot(); i++) {
      slots.putIfAbsent(names.get(i), i);
    }
    this.slotOfQuestion = java.util.Map.copyOf(slots);
  }

  private static final java.util.Map<Vocabulary, PatientFacts> OTHERS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private static org.spinefoot.engine.facts.SafetyNetSigns safetyNet(List<Vocabulary.Entry> rf) {
    List<String> emergency = new ArrayList<>();
    List<String> sameDay = new ArrayList<>();
    List<String> tell = new ArrayList<>();
    for (Vocabulary.Entry e : rf) {
      List<String> list = e.safetyNet() == Vocabulary.SafetyNet.EMERGENCY ? emergency
          : e.safetyNet() == Vocabulary.SafetyNet.SAME_DAY ? sameDay : tell;
      if (!list.contains(e.safetyNetWords())) {
        list.add(e.safetyNetWords());
      }
    }
    return new org.spinefoot.engine.facts.SafetyNetSigns(emergency, sameDay, tell);
  }

  /** The facts of the packaged vocabulary. */
  public static PatientFacts packaged() {
    return Packaged.INSTANCE;
  }

  /** The facts of a vocabulary, made once (off the hot path: an assessor keeps its own). */
  public static PatientFacts of(Vocabulary vocabulary) {
    return vocabulary == Vocabulary.packaged() ? packaged()
        : OTHERS.computeIfAbsent(vocabulary, PatientFacts::new);
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * Every question of the record as a fact, answered or not, in the vocabulary's order. The
   * record is first put in this vocabulary ({@link Patient#in(Vocabulary)}).
   */
  public List<Question> questions(Patient patient) {
    return table.questions(patient.in(vocabulary));
  }

  /**
   * The record's facts by slot: every question, then age and duration (null when not asked),
   * the safety net's signs (the same in every session), then one slot per red-flag question: its {@link RedFlagQuestion} fact while the question is
   * due (its trigger holds, see {@link Vocabulary#isDue}), null otherwise. A session updates only
   * the slots that change.
   */
  public List<Object> slots(Patient patient) {
    Patient p = patient.in(vocabulary);
    List<Object> out = new ArrayList<>(slotNames.size());
    out.addAll(table.questions(p));
    out.add(p.age() == null ? null : new Age(p.age()));
    out.add(p.durationDays() == null ? null : new SymptomDuration(p.durationDays()));
    out.add(safetyNet);
    for (int i = 0; i < redFlags.size(); i++) {
      out.add(vocabulary.isDue(redFlags.get(i), p) ? redFlagFacts.get(i) : null);
    }
    return out;
  }

  /** The first slot of the red-flag questions due; the slots from it to the end are those. */
  public int firstDueSlot() {
    return slotNames.size() - redFlags.size();
  }

  /** The questions that trigger a conditional red-flag question. */
  public java.util.Set<String> triggersOfRedFlagQuestions() {
    return redFlagQuestionsByTrigger.keySet();
  }

  /** The red-flag questions asked when {@code trigger} holds; empty when it triggers none. */
  public List<Vocabulary.Entry> redFlagQuestionsTriggeredBy(String trigger) {
    return redFlagQuestionsByTrigger.getOrDefault(trigger, List.of());
  }

  /** The slot of the question at {@code path}, or -1 when the vocabulary has none there. */
  public int slotOf(String path) {
    return slotOfQuestion.getOrDefault(path, -1);
  }

  /** The names of {@link #slots(Patient)}, in order. */
  public List<String> slotNames() {
    return slotNames;
  }

  /** The facts a session starts with for the record (the slots that are not empty). */
  public List<Object> facts(Patient patient) {
    List<Object> out = slots(patient);
    out.removeIf(Objects::isNull);
    return out;
  }

  /** Every question fact, not asked. */
  public List<Question> everyQuestion() {
    return questions(Patient.builder(null, vocabulary).build());
  }

  /** The red-flag questions the record leaves unasked while they are due, in order. */
  public List<String> unansweredRedFlagQuestions(Patient patient) {
    return unansweredRedFlagQuestions(slots(patient));
  }

  /**
   * The red-flag questions unasked while due, read from a record's slots as {@link
   * #slots(Patient)} gives them (or a session holds them): what is due is worked out once.
   */
  public List<String> unansweredRedFlagQuestions(List<?> slots) {
    List<String> out = new ArrayList<>();
    int due = firstDueSlot();
    for (int i = 0; i < redFlagQuestionSlot.length; i++) {
      if (slots.get(due + i) != null && ((Question) slots.get(redFlagQuestionSlot[i])).isNotAsked()) {
        out.add(redFlags.get(i).path());
      }
    }
    return out;
  }
}
