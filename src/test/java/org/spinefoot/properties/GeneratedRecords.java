package org.spinefoot.properties;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.spinefoot.Answer;
import org.spinefoot.Felt;
import org.spinefoot.Patient;
import org.spinefoot.Side;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.facts.LocatedSymptom;
import org.spinefoot.engine.facts.Question;

/**
 * Generated patient records for the safety properties: every question of the record model gets
 * yes (on a side, for a site), no, or not asked. How often "yes" and "not asked" come is drawn per
 * record, so that some records are nearly all "no" (the low dispositions, where self-care and
 * exercise advice live) and others are crowded with signs. Each answer is one integer, shrinking
 * toward "no": a counterexample shrinks to a record that says "no" to everything that does not
 * matter. The questions are taken from the record model, so new ones are generated too.
 */
final class GeneratedRecords {
  /** Every question of the record model, answered "not asked", in the model's order. */
  static final List<Question> QUESTIONS =
      PatientFacts.packaged().everyQuestion();

  private static final Side[] SIDES = {Side.LEFT, Side.RIGHT, Side.BOTH, Side.UNSPECIFIED};

  private GeneratedRecords() {}

  static Arbitrary<Patient> records() {
    Arbitrary<Integer> yesPercent = Arbitraries.of(0, 3, 8, 20, 40);
    Arbitrary<Integer> unaskedPercent = Arbitraries.of(0, 5, 20);
    Arbitrary<List<Integer>> rolls =
        Arbitraries.integers().between(0, 99).list().ofSize(QUESTIONS.size());
    Arbitrary<Integer> age = Arbitraries.integers().between(0, Patient.MAX_AGE).injectNull(0.1);
    Arbitrary<Integer> days = Arbitraries.of(0, 1, 2, 3, 7, 13, 14, 30, 89, 90, 400)
        .injectNull(0.15);
    return Combinators.combine(yesPercent, unaskedPercent, rolls, age, days)
        .as(GeneratedRecords::build);
  }

  /** How a generated record reads in a failure: what is yes and what is not asked. */
  static String describe(Patient p) {
    List<String> yes = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (Question q : PatientFacts.packaged().questions(p)) {
      if (q.isPresent()) {
        yes.add(q.getPath() + (q instanceof LocatedSymptom ls ? "=" + ls.getSide() : ""));
      } else if (q.isNotAsked()) {
        open.add(q.getPath());
      }
    }
    return "record{age=" + p.age() + ", durationDays=" + p.durationDays() + ", yes=" + yes
        + ", not asked=" + open + ", everything else no}";
  }

  private static Patient build(int yesPercent, int unaskedPercent, List<Integer> rolls,
      Integer age, Integer days) {
    Patient.Builder b = Patient.builder("generated");
    if (age != null) {
      b.age(age);
    }
    if (days != null) {
      b.durationDays(days);
    }
    for (int i = 0; i < QUESTIONS.size(); i++) {
      int roll = rolls.get(i);
      int fromTop = 99 - roll; // 0 for the highest roll: "yes" sits at the top, "no" at 0
      if (fromTop < yesPercent) {
        answer(b, QUESTIONS.get(i), Answer.PRESENT, SIDES[fromTop % SIDES.length]);
      } else if (fromTop < yesPercent + unaskedPercent) {
        continue; // not asked
      } else {
        answer(b, QUESTIONS.get(i), Answer.ABSENT, null);
      }
    }
    return b.build();
  }

  /** Sets one question's answer in a builder: yes on a side (for a site), or no. */
  static void answer(Patient.Builder b, Question q, Answer answer, Side side) {
    if (q instanceof LocatedSymptom) {
      b.felt(q.getPath(), answer == Answer.PRESENT ? Felt.on(side) : Felt.NO);
    } else {
      b.answer(q.getPath(), answer);
    }
  }

  /**
   * The record with one question answered anew (yes on a side, no) or taken back (not asked),
   * everything else unchanged.
   */
  static Patient with(Patient p, Question target, Answer answer, Side side) {
    Patient.Builder b = p.toBuilder();
    if (answer == Answer.NOT_ASKED) {
      b.withdraw(target.getPath());
    } else {
      answer(b, target, answer, side);
    }
    return b.build();
  }

  /** The record's red-flag questions (by the knowledge base's list) answered "no". */
  static List<Question> redFlagQuestionsAnsweredNo(Patient p, java.util.Collection<String> redFlags) {
    List<Question> out = new ArrayList<>();
    for (Question q : PatientFacts.packaged().questions(p)) {
      if (redFlags.contains(q.getPath()) && q.isAbsent()) {
        out.add(q);
      }
    }
    return out;
  }

  static Side side(int i) {
    return SIDES[Math.floorMod(i, SIDES.length)];
  }
}
