package org.spinefoot.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.spinefoot.Answer;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.Explanation;
import org.spinefoot.Felt;
import org.spinefoot.Patient;
import org.spinefoot.Side;
import org.spinefoot.Sign;
import org.spinefoot.Site;
import org.spinefoot.Trace;
import org.spinefoot.Urgency;
import org.spinefoot.VariedPatients;
import org.spinefoot.Vocabulary;

/**
 * The floor of the benchmarks: plain Java, no rule engine, evaluating ten of today's most common
 * rules straight from today's {@link Patient} and producing the conclusions those rules do. What
 * the work of the ten costs when nothing is generic: one pass over the record's numbness, pain and
 * weakness, a few sign look-ups, and constant conclusions. It bounds from below what any embedding
 * of the rules could reach; the harness is not expected to come near it. Unlike the fixed baseline
 * ({@code baseline.BaselineRev2}) it is not frozen: it follows today's rules, and {@link #check}
 * says when the two part.
 *
 * <p>The ten are the rules whose conclusions stand in the most of the benchmark's 1,024 records
 * ({@code VariedPatients.patients(1024, 42_000_000L)}, today's knowledge base), among the rules
 * that can be evaluated from the record: each one's conditions read the record, or conclusions that
 * a few other rules draw from the record alone, and those few are hand-coded as its premises.
 * Counted with {@link #main} (records in which the rule fired, its firings, records in which its
 * conclusion stands at the end), on 2026-12-07 at commit b6593f9:
 *
 * <pre>
 *  rule                                       fired in  firings  stands in
 *  int-unanswered-red-flag-questions               888      888        888
 *  int-exercises-wait-for-red-flag-answers         888      888        888
 *  rf-numbness-both-feet                           585      847        585
 *  referral-lasting-foot-numbness                  551      891        551
 *  disc-support-older-age                          549      549        549
 *  referral-symptoms-review-window                 541      541        541
 *  referral-symptoms-persisting                    482      482        482
 *  rf-neck-or-arm-pain-with-numbness               440    1,227        440
 *  stenosis-support-older-age                      411      411        411
 *  sciatica-pattern                                362      362        362
 * </pre>
 *
 * <p>Left out although they fire more often: {@code int-disposition-highest-urgency} (1,024
 * records; the highest urgency over every finding of all 146 rules), {@code int-stop-exercises}
 * (993; any urgent or emergency finding, which 53 rules conclude) and {@code
 * referral-spine-clinician} (946; a {@code SpinalOrigin}, which 16 rules conclude): hand-coding
 * them is hand-coding most of the knowledge base. {@code int-disposition-no-finding} fires in 764
 * records but its conclusion stands in none: it fires before the first finding and truth
 * maintenance withdraws it, an order of the agenda that plain Java has no reason to copy. At 362
 * records {@code sciatica-pattern} ties with the four {@code sciatica-consider-*} rules, which read
 * it and the counts of every cause's supports; the pattern is taken.
 *
 * <p>Premises hand-coded with them: {@code rf-numbness-both-feet} steps aside for {@code
 * neuropathy-long-standing-symmetric-with-known-cause}, which reads {@code MotorDeficit} ({@code
 * signs-motor-deficit}, {@code signs-motor-deficit-at-site}); {@code
 * referral-lasting-foot-numbness} steps aside for a temporary cause, of which only {@code
 * othercauses-anaesthesia-numbness-recent} can hold beside it ({@code
 * othercauses-temporary-positional-compression} needs the numbness to have passed within minutes,
 * which the rule excludes); {@code sciatica-pattern} reads {@code RadiatingLegPain} ({@code
 * signs-radiating-leg-pain}, {@code signs-radiating-leg-pain-on-a-side}) and {@code MotorDeficit};
 * the red-flag rules read which red-flag questions are due from the vocabulary's triggers ({@code
 * askedWhen}).
 *
 * <p>{@link #check} compares, record by record, which of the ten fire here and in the engine (the
 * rules in the engine's trace) and the conclusions each draws (type and description); {@link #main}
 * prints it. On that day: the same rules fired in 1,024 of the 1,024 records, and the same
 * conclusions stood in 1,024. The premises count: without the neuropathy one, 2 records disagree;
 * without the anaesthesia one, 51. A rule change in {@code rules/} shows there as disagreement.
 */
public final class HandWrittenFloor {
  /** The ten rules, most common first. */
  public static final List<String> RULES =
      List.of(
          "int-unanswered-red-flag-questions",
          "int-exercises-wait-for-red-flag-answers",
          "rf-numbness-both-feet",
          "referral-lasting-foot-numbness",
          "disc-support-older-age",
          "referral-symptoms-review-window",
          "referral-symptoms-persisting",
          "rf-neck-or-arm-pain-with-numbness",
          "stenosis-support-older-age",
          "sciatica-pattern");

  /** A conclusion as the engine's assessment lists it: rule, fact type, description. */
  public record Concluded(String rule, String type, String description) {}

  private static final Concluded UNANSWERED =
      finding(RULES.get(0), Urgency.SOON, "Red-flag questions were not asked");
  private static final Concluded EXERCISES_WITHHELD =
      new Concluded(
          RULES.get(1),
          "ExercisesWithheld",
          "exercises wait until every red-flag question is answered");
  private static final Concluded BOTH_FEET =
      finding(RULES.get(2), Urgency.URGENT, "Numbness in both feet or legs, or spreading quickly");
  private static final Concluded LASTING_FOOT_NUMBNESS =
      finding(RULES.get(3), Urgency.SOON, "Foot numbness that lasts: see a clinician");
  private static final Concluded DISC_AGE =
      new Concluded(
          RULES.get(4),
          "CauseSupport",
          "age 50 or more (the discs dry out) (supports a herniated disc)");
  private static final Concluded REVIEW_WINDOW =
      new Concluded(
          RULES.get(5), "ReviewWindow", "numbness or pain: see a clinician if it lasts 14 days");
  private static final Concluded PERSISTING =
      finding(RULES.get(6), Urgency.SOON, "Symptoms that last or get worse: see a clinician");
  private static final Concluded NECK_ORIGIN =
      finding(RULES.get(7), Urgency.SOON, "The cause may be in the neck rather than the low back");
  private static final Concluded NECK_EXPLAINS =
      new Concluded(
          RULES.get(7),
          "NumbnessExplained",
          "numbness explained by a possible nerve root in the neck");
  private static final Concluded STENOSIS_AGE =
      new Concluded(
          RULES.get(8),
          "CauseSupport",
          "age 60 or more (wear and tear of the spine) (supports lumbar spinal stenosis)");
  private static final List<Concluded> SCIATICA =
      List.of(
          new Concluded(RULES.get(9), "SciaticaPattern", "sciatica pattern"),
          finding(
              RULES.get(9),
              Urgency.SOON,
              "Sciatica pattern: a nerve running from the low back "
                  + "down the leg is likely pressed or irritated"),
          new Concluded(
              RULES.get(9), "NumbnessExplained", "numbness explained by a sciatica pattern"),
          new Concluded(
              RULES.get(9),
              "SpinalOrigin",
              "foot symptoms may come from the spine: sciatica pattern"));

  /** A red-flag question and the triggers that make it due (none: always due). */
  private record RedFlag(ToIntFunction<Patient> question, List<ToIntFunction<Patient>> triggers) {}

  private final RedFlag[] redFlags;
  private final Site backOfLeg;
  private final Sign burningFeet;
  private final Sign resolvedWithinMinutes;
  private final Sign recentAnaesthesia;
  private final Sign painRadiatesDownLeg;
  private final Sign gradualOnset;
  private final Sign stableCourse;
  private final Sign gettingWorse;
  private final Sign suddenOnset;
  private final Sign spreadingQuickly;
  private final Sign rapidlyWorsening;
  private final Sign weaknessOrParalysis;
  private final Sign[] motorSigns;
  private final Sign[] neuropathyCauses;

  /** For records of the packaged vocabulary, as {@code VariedPatients.patients} makes them. */
  public HandWrittenFloor() {
    this(Vocabulary.packaged());
  }

  /** For records of a vocabulary: its questions are looked up once, here. */
  public HandWrittenFloor(Vocabulary vocabulary) {
    List<RedFlag> flags = new ArrayList<>();
    for (String path : vocabulary.redFlagQuestions()) {
      List<ToIntFunction<Patient>> triggers = new ArrayList<>();
      for (String trigger : vocabulary.entry(path).orElseThrow().askedWhen()) {
        triggers.add(question(vocabulary, trigger));
      }
      flags.add(new RedFlag(question(vocabulary, path), List.copyOf(triggers)));
    }
    this.redFlags = flags.toArray(new RedFlag[0]);
    this.backOfLeg = vocabulary.site("backOfLeg");
    this.burningFeet = vocabulary.sign("burningFeet");
    this.resolvedWithinMinutes = vocabulary.sign("resolvedWithinMinutes");
    this.recentAnaesthesia = vocabulary.sign("recentAnaesthesia");
    this.painRadiatesDownLeg = vocabulary.sign("painRadiatesDownLeg");
    this.gradualOnset = vocabulary.sign("gradualOnset");
    this.stableCourse = vocabulary.sign("stableCourse");
    this.gettingWorse = vocabulary.sign("gettingWorse");
    this.suddenOnset = vocabulary.sign("suddenOnset");
    this.spreadingQuickly = vocabulary.sign("spreadingQuickly");
    this.rapidlyWorsening = vocabulary.sign("rapidlyWorsening");
    this.weaknessOrParalysis = vocabulary.sign("weaknessOrParalysis");
    this.motorSigns =
        signs(
            vocabulary,
            "weaknessOrParalysis",
            "footDrop",
            "heelWalkFails",
            "oneSidedWeakness",
            "cannotControlLimb");
    this.neuropathyCauses =
        signs(
            vocabulary,
            "diabetes",
            "heavyAlcoholUse",
            "vitaminB12Deficiency",
            "neurotoxicChemotherapy",
            "kidneyFailure");
  }

  /** The conclusions of the ten rules for one record, in the order of {@link #RULES}. */
  public List<Concluded> evaluate(Patient p) {
    boolean numbness = false;
    boolean lowerLimbNumbness = false;
    boolean footNumbness = false;
    boolean legNumbnessAboveFoot = false;
    boolean lowerLimbBoth = false;
    boolean lowerLimbLeft = false;
    boolean lowerLimbRight = false;
    boolean footBoth = false;
    boolean footLeft = false;
    boolean footRight = false;
    for (Map.Entry<Site, Felt> e : p.numbness().entrySet()) {
      Felt felt = e.getValue();
      if (felt.answer() != Answer.PRESENT) {
        continue;
      }
      numbness = true;
      Site site = e.getKey();
      if (site.isInLowerLimb()) {
        Side side = felt.side();
        lowerLimbNumbness = true;
        lowerLimbBoth |= side == Side.BOTH;
        lowerLimbLeft |= side == Side.LEFT;
        lowerLimbRight |= side == Side.RIGHT;
        if (site.isInFoot()) {
          footNumbness = true;
          footBoth |= side == Side.BOTH;
          footLeft |= side == Side.LEFT;
          footRight |= side == Side.RIGHT;
        } else {
          legNumbnessAboveFoot = true;
        }
      }
    }
    boolean pain = false;
    boolean neckOrArmPain = false;
    boolean backOfLegPain = false;
    for (Map.Entry<Site, Felt> e : p.pain().entrySet()) {
      if (e.getValue().answer() == Answer.PRESENT) {
        pain = true;
        neckOrArmPain |= e.getKey().isNeckOrArm();
        backOfLegPain |= e.getKey() == backOfLeg;
      }
    }
    // signs-motor-deficit, signs-motor-deficit-at-site
    boolean motorDeficit = anyPresent(p, motorSigns);
    if (!motorDeficit) {
      for (Felt felt : p.weakness().values()) {
        if (felt.answer() == Answer.PRESENT) {
          motorDeficit = true;
          break;
        }
      }
    }
    Integer age = p.age();
    Integer days = p.durationDays();

    List<Concluded> out = new ArrayList<>(16);
    // int-unanswered-red-flag-questions, int-exercises-wait-for-red-flag-answers: a red-flag
    // question due (see Vocabulary.isDue) and not asked.
    if (redFlagQuestionUnanswered(p)) {
      out.add(UNANSWERED);
      out.add(EXERCISES_WITHHELD);
    }
    // rf-numbness-both-feet, unless neuropathy-long-standing-symmetric-with-known-cause holds.
    boolean burning = p.answer(burningFeet) == Answer.PRESENT;
    if ((lowerLimbBoth || lowerLimbLeft && lowerLimbRight || burning)
        && !((footBoth || footLeft && footRight || burning)
            && !legNumbnessAboveFoot
            && p.answer(gradualOnset) == Answer.PRESENT
            && days != null
            && days >= 56
            && p.answer(stableCourse) == Answer.PRESENT
            && p.answer(gettingWorse) != Answer.PRESENT
            && p.answer(suddenOnset) == Answer.ABSENT
            && p.answer(spreadingQuickly) == Answer.ABSENT
            && p.answer(rapidlyWorsening) == Answer.ABSENT
            && p.answer(weaknessOrParalysis) == Answer.ABSENT
            && !motorDeficit
            && anyPresent(p, neuropathyCauses))) {
      out.add(BOTH_FEET);
    }
    // referral-lasting-foot-numbness, unless othercauses-anaesthesia-numbness-recent explains it.
    if (footNumbness
        && p.answer(resolvedWithinMinutes) != Answer.PRESENT
        && !(p.answer(recentAnaesthesia) == Answer.PRESENT && days != null && days < 3)) {
      out.add(LASTING_FOOT_NUMBNESS);
    }
    // disc-support-older-age
    if (age != null && age >= 50) {
      out.add(DISC_AGE);
    }
    // referral-symptoms-review-window, referral-symptoms-persisting
    boolean persisting = days != null && days >= 14;
    if ((numbness || pain) && !persisting) {
      out.add(REVIEW_WINDOW);
    }
    if ((numbness || pain) && persisting) {
      out.add(PERSISTING);
    }
    // rf-neck-or-arm-pain-with-numbness
    if (neckOrArmPain && numbness) {
      out.add(NECK_ORIGIN);
      out.add(NECK_EXPLAINS);
    }
    // stenosis-support-older-age
    if (age != null && age >= 60) {
      out.add(STENOSIS_AGE);
    }
    // sciatica-pattern: radiating leg pain (either signs rule) with lower-limb numbness or a
    // motor deficit.
    if ((backOfLegPain || p.answer(painRadiatesDownLeg) == Answer.PRESENT)
        && (lowerLimbNumbness || motorDeficit)) {
      out.addAll(SCIATICA);
    }
    return out;
  }

  private boolean redFlagQuestionUnanswered(Patient p) {
    for (RedFlag flag : redFlags) {
      if (flag.question().applyAsInt(p) != Answer.NOT_ASKED.ordinal()) {
        continue;
      }
      if (flag.triggers().isEmpty()) {
        return true;
      }
      for (ToIntFunction<Patient> trigger : flag.triggers()) {
        if (trigger.applyAsInt(p) != Answer.ABSENT.ordinal()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean anyPresent(Patient p, Sign[] signs) {
    for (Sign s : signs) {
      if (p.answer(s) == Answer.PRESENT) {
        return true;
      }
    }
    return false;
  }

  /**
   * The answer (its ordinal) to the question at a path: signs.x, numbness.x, pain.x, weakness.x.
   */
  private static ToIntFunction<Patient> question(Vocabulary v, String path) {
    int dot = path.indexOf('.');
    String section = path.substring(0, dot);
    String key = path.substring(dot + 1);
    if (section.equals("signs")) {
      Sign sign = v.sign(key);
      return p -> p.answer(sign).ordinal();
    }
    Site site = v.site(key);
    return switch (section) {
      case "numbness" -> p -> p.numbness().getOrDefault(site, Felt.NOT_ASKED).answer().ordinal();
      case "pain" -> p -> p.pain().getOrDefault(site, Felt.NOT_ASKED).answer().ordinal();
      case "weakness" -> p -> p.weakness().getOrDefault(site, Felt.NOT_ASKED).answer().ordinal();
      default -> throw new IllegalArgumentException("not a yes/no or site question: " + path);
    };
  }

  private static Sign[] signs(Vocabulary v, String... keys) {
    Sign[] out = new Sign[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = v.sign(keys[i]);
    }
    return out;
  }

  private static Concluded finding(String rule, Urgency urgency, String title) {
    return new Concluded(rule, "Finding", title + " (" + urgency + ")");
  }

  /**
   * How the hand-written ten agree with the engine over some records.
   *
   * @param records how many records were compared
   * @param firedAgree records in which the same ones of the ten fired here and in the engine
   * @param concludedAgree records in which the ten drew the same conclusions here and in the engine
   *     (type and description; the engine's that stand at the end)
   * @param byRule per rule: records it fired in the engine, here, and in both
   */
  public record Agreement(
      int records, int firedAgree, int concludedAgree, Map<String, int[]> byRule) {}

  /** Compares the ten with what the engine fires and concludes for each record. */
  public Agreement check(Assessor assessor, List<Patient> patients) {
    Set<String> ten = Set.copyOf(RULES);
    Map<String, int[]> byRule = new LinkedHashMap<>();
    RULES.forEach(r -> byRule.put(r, new int[3]));
    int firedAgree = 0;
    int concludedAgree = 0;
    for (Patient p : patients) {
      Explanation explanation = assessor.explain(p);
      Set<String> engineFired = new HashSet<>();
      for (Trace.Fired f : explanation.trace().firings()) {
        if (ten.contains(f.rule())) {
          engineFired.add(f.rule());
        }
      }
      Set<Concluded> engineConcluded = new HashSet<>();
      for (Assessment.Conclusion c : explanation.assessment().conclusions()) {
        if (ten.contains(c.rule())) {
          engineConcluded.add(new Concluded(c.rule(), c.type(), c.description()));
        }
      }
      List<Concluded> mine = evaluate(p);
      Set<String> fired = new HashSet<>();
      mine.forEach(c -> fired.add(c.rule()));
      for (String r : RULES) {
        int[] n = byRule.get(r);
        boolean e = engineFired.contains(r);
        boolean h = fired.contains(r);
        n[0] += e ? 1 : 0;
        n[1] += h ? 1 : 0;
        n[2] += e && h ? 1 : 0;
      }
      firedAgree += engineFired.equals(fired) ? 1 : 0;
      concludedAgree += engineConcluded.equals(new HashSet<>(mine)) ? 1 : 0;
    }
    return new Agreement(patients.size(), firedAgree, concludedAgree, byRule);
  }

  /**
   * Counts how often each rule of today's knowledge base fires over the benchmark's records (the
   * ranking the ten come from), then checks the ten against the engine.
   */
  public static void main(String[] args) {
    Assessor assessor = Assessor.fromClasspath();
    List<Patient> patients = VariedPatients.patients(AssessBenchmark.PATIENTS, 42_000_000L);
    Map<String, int[]> counts = new HashMap<>(); // records fired in, firings, records standing
    for (Patient p : patients) {
      Explanation e = assessor.explain(p);
      Set<String> seen = new HashSet<>();
      for (Trace.Fired f : e.trace().firings()) {
        int[] n = counts.computeIfAbsent(f.rule(), k -> new int[3]);
        n[1]++;
        if (seen.add(f.rule())) {
          n[0]++;
        }
      }
      for (String r : e.assessment().standingRules()) {
        counts.computeIfAbsent(r, k -> new int[3])[2]++;
      }
    }
    System.out.printf(
        Locale.ROOT, "%-45s %8s %8s %9s%n", "rule", "fired in", "firings", "stands in");
    counts.entrySet().stream()
        .sorted(
            (a, b) ->
                b.getValue()[0] != a.getValue()[0]
                    ? b.getValue()[0] - a.getValue()[0]
                    : a.getKey().compareTo(b.getKey()))
        .limit(25)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "%-45s %8d %8d %9d%s%n",
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1],
                    e.getValue()[2],
                    RULES.contains(e.getKey()) ? "  (one of the ten)" : ""));

    Agreement a = new HandWrittenFloor().check(assessor, patients);
    System.out.printf(
        Locale.ROOT, "%nhand-written ten against the engine over %d records:%n", a.records());
    System.out.printf(
        Locale.ROOT, "%-45s %8s %11s %5s%n", "rule", "engine", "hand-written", "both");
    a.byRule()
        .forEach(
            (r, n) -> System.out.printf(Locale.ROOT, "%-45s %8d %11d %5d%n", r, n[0], n[1], n[2]));
    System.out.printf(
        Locale.ROOT,
        "same rules fired: %d of %d records; same conclusions: %d of " + "%d%n",
        a.firedAgree(),
        a.records(),
        a.concludedAgree(),
        a.records());
  }
}
