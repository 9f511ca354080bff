package org.spinefoot.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.spinefoot.Felt;
import org.spinefoot.Patient;
import org.spinefoot.Sign;
import org.spinefoot.Site;
import org.spinefoot.engine.facts.Age;
import org.spinefoot.engine.facts.Observation;
import org.spinefoot.engine.facts.Question;
import org.spinefoot.engine.facts.SymptomDuration;
import org.spinefoot.engine.facts.Symptoms;

/**
 * A patient record as the facts the rules see. Engine-internal: embedders hand the engine a
 * {@link Patient} and never meet these facts.
 */
public final class PatientFacts {
  /** The names of {@link #slots(Patient)}: question paths, then {@code age}, {@code durationDays}. */
  public static final List<String> SLOT_NAMES = slotNames();

  private PatientFacts() {}

  /**
   * Every question of the record as a fact, answered or not: one {@link Observation} per sign,
   * one {@link org.spinefoot.engine.facts.Numbness} per numbness site, one {@link
   * org.spinefoot.engine.facts.Pain} per pain site, one {@link
   * org.spinefoot.engine.facts.Weakness} per weakness site.
   */
  public static List<Question> questions(Patient patient) {
    List<Question> out = new ArrayList<>();
    for (Sign sign : Sign.values()) {
      out.add(Observation.of(sign, patient.answer(sign)));
    }
    for (Site site : Site.values()) {
      if (site.isNumbnessSite()) {
        Felt f = patient.numbness().getOrDefault(site, Felt.NOT_ASKED);
        out.add(Symptoms.numbness(site, f.answer(), f.side()));
      }
    }
    for (Site site : Site.values()) {
      if (site.isPainSite()) {
        Felt f = patient.pain().getOrDefault(site, Felt.NOT_ASKED);
        out.add(Symptoms.pain(site, f.answer(), f.side()));
      }
    }
    for (Site site : Site.values()) {
      if (site.isWeaknessSite()) {
        Felt f = patient.weakness().getOrDefault(site, Felt.NOT_ASKED);
        out.add(Symptoms.weakness(site, f.answer(), f.side()));
      }
    }
    return out;
  }

  /**
   * The facts in fixed slots, one per question plus age and duration (null when not given), so
   * that a session can compare two records slot by slot. Slot names: {@link #SLOT_NAMES}.
   */
  public static List<Object> slots(Patient patient) {
    List<Object> out = new ArrayList<>(questions(patient));
    out.add(patient.age() == null ? null : new Age(patient.age()));
    out.add(patient.durationDays() == null ? null : new SymptomDuration(patient.durationDays()));
    return out;
  }

  /** All facts the rules see: the questions, plus age and duration when given. */
  public static List<Object> facts(Patient patient) {
    List<Object> out = slots(patient);
    out.removeIf(Objects::isNull);
    return out;
  }

  /** The questions of a record that asks nothing: every question the record model has. */
  public static List<Question> everyQuestion() {
    return questions(Patient.builder(null).build());
  }

  private static List<String> slotNames() {
    List<String> names = new ArrayList<>();
    for (Question q : everyQuestion()) {
      names.add(q.getPath());
    }
    names.add("age");
    names.add("durationDays");
    return List.copyOf(names);
  }
}
