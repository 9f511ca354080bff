package org.spinefoot;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.spinefoot.facts.Answer;
import org.spinefoot.facts.Side;
import org.spinefoot.facts.Sign;
import org.spinefoot.facts.Site;

/**
 * Deterministic, varied patient records for load and concurrency tests: record {@code i} is the
 * same in every run, and together they reach every disposition.
 */
public final class VariedPatients {
  private VariedPatients() {}

  public static Patient patient(long i) {
    SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 17);
    // Most records answer every red-flag question "no", as a complete form would; some leave
    // questions out, and a few report alarm symptoms.
    int alarmPercent = random.nextInt(100) < 10 ? 20 : 1;
    int unaskedPercent = random.nextInt(100) < 20 ? 30 : 0;
    Map<Sign, Answer> signs = new EnumMap<>(Sign.class);
    for (Sign s : Sign.values()) {
      signs.put(s, answer(random, alarmPercent, unaskedPercent));
    }
    Map<Site, Felt> numbness = new EnumMap<>(Site.class);
    Map<Site, Felt> pain = new EnumMap<>(Site.class);
    for (Site s : Site.values()) {
      if (s.isNumbnessSite()) {
        numbness.put(s, felt(random, alarmPercent * 5, unaskedPercent));
      }
      pain.put(s, felt(random, alarmPercent * 5, unaskedPercent));
    }
    Integer age = random.nextInt(10) == 0 ? null : random.nextInt(Patient.MAX_AGE + 1);
    Integer days = random.nextInt(10) == 0 ? null : random.nextInt(400);
    String id = i % 7 == 3 ? null : "p" + i;
    return new Patient(id, null, age, days, signs, numbness, pain);
  }

  private static Answer answer(SplittableRandom random, int presentPercent, int unaskedPercent) {
    int roll = random.nextInt(100);
    return roll < unaskedPercent ? Answer.NOT_ASKED
        : roll < unaskedPercent + presentPercent ? Answer.PRESENT : Answer.ABSENT;
  }

  private static Felt felt(SplittableRandom random, int presentPercent, int unaskedPercent) {
    Answer a = answer(random, presentPercent, unaskedPercent);
    return a == Answer.PRESENT ? Felt.on(Side.values()[random.nextInt(Side.values().length)])
        : a == Answer.ABSENT ? Felt.NO : Felt.NOT_ASKED;
  }
}
