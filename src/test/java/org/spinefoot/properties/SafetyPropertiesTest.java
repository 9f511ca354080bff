package org.spinefoot.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.spinefoot.Answer;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.Side;
import org.spinefoot.TestAssessor;
import org.spinefoot.Urgency;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.facts.LocatedSymptom;
import org.spinefoot.engine.facts.NumbnessExplained;
import org.spinefoot.engine.facts.Question;

/**
 * The safety invariants of the knowledge base (INT-08) and its coherence (INT-07), checked on
 * generated records rather than on the cases alone. They read the shipped rules but pin nothing
 * of them: which questions are red-flag questions, which advice is an exercise and which rules
 * say "no obvious cause" all come from the knowledge base itself, so a reviewer's new rule is held
 * to the same invariants without a change here. See {@link Search} for the seed and count.
 */
class SafetyPropertiesTest {
  // -Dspinefoot.properties.rules=DIR checks another rule directory (say, a reviewer's draft).
  private static final Path RULES = Path.of(System.getProperty("spinefoot.properties.rules", "rules"));
  private static final Assessor ASSESSOR = System.getProperty("spinefoot.properties.rules") == null
      ? TestAssessor.shipped() : Assessor.fromDirectory(RULES);
  private static final Set<String> NO_OBVIOUS_CAUSE_RULES = rulesNegating("NumbnessExplained");
  /** The rules that name INT-10: a non-spinal cause presented as the explanation. */
  private static final Set<String> MIMIC_RULES = new HashSet<>(ASSESSOR.rules().stream()
      .filter(r -> r.inventory().contains("INT-10")).map(org.spinefoot.RuleInfo::id).toList());

  @Provide
  Arbitrary<Patient> records() {
    return GeneratedRecords.records();
  }

  /** INT-08 (d): exercises and self-care stop while an emergency or urgent finding stands. */
  @Property(seed = Search.SEED)
  void noAdviceBesideAnEmergencyOrUrgentFinding(@ForAll("records") Patient p) {
    Assessment a = ASSESSOR.assess(p);
    boolean urgent = a.findings().stream().anyMatch(f -> f.urgency().isHigherThan(Urgency.SOON));
    if (urgent) {
      assertThat(a.advice()).as("advice beside an emergency or urgent finding").isEmpty();
      assertThat(a.stopExercises()).as("stop the exercises").isTrue();
    }
    assertThat(a.disposition().isHigherThan(Urgency.SOON)).isEqualTo(urgent);
  }

  /** INT-08 (b): answering "yes" instead of "no" to a red-flag question never lowers. */
  @Property(seed = Search.SEED)
  void aYesToARedFlagQuestionNeverLowersTheDisposition(@ForAll("records") Patient p,
      @ForAll @IntRange(min = 0, max = 10_000) int pick) {
    List<Question> no = GeneratedRecords.redFlagQuestionsAnsweredNo(p, ASSESSOR.redFlagQuestions());
    if (no.isEmpty()) {
      return;
    }
    Question q = no.get(pick % no.size());
    Patient yes = GeneratedRecords.with(p, q, Answer.PRESENT, GeneratedRecords.side(pick / 7));
    Urgency before = ASSESSOR.assess(p).disposition();
    Urgency after = ASSESSOR.assess(yes).disposition();
    assertThat(before.isHigherThan(after))
        .as("%s: no gives %s, yes gives %s", q.getPath(), before, after)
        .isFalse();
  }

  /**
   * INT-08 (c): a red-flag answer turned from "no" into "unknown" never gives self-care or
   * exercise advice: unknown is not absent.
   */
  @Property(seed = Search.SEED)
  void anUnknownRedFlagAnswerNeverGivesSelfCareOrExercises(@ForAll("records") Patient p,
      @ForAll @IntRange(min = 0, max = 10_000) int pick) {
    List<Question> no = GeneratedRecords.redFlagQuestionsAnsweredNo(p, ASSESSOR.redFlagQuestions());
    if (no.isEmpty()) {
      return;
    }
    Question q = no.get(pick % no.size());
    Patient unknown = GeneratedRecords.with(p, q, Answer.NOT_ASKED, null);
    if (!ASSESSOR.vocabulary().isDue(entry(q.getPath()), unknown)) {
      return; // a conditional question whose trigger was answered "no" is not asked (INT-03)
    }
    Assessment a = ASSESSOR.assess(unknown);
    assertThat(a.disposition()).as("%s unknown", q.getPath()).isNotEqualTo(Urgency.SELF_CARE);
    assertThat(exercises(a)).as("exercise advice with %s unknown", q.getPath()).isEmpty();
  }

  /**
   * INT-08 (a): a red flag concluded from what is known is not undone by what is not yet known.
   * For a record at EMERGENCY or URGENT, answering any one question it left open, either way,
   * never brings it below URGENT.
   */
  @Property(seed = Search.SEED)
  void anOpenQuestionAnsweredNeverTakesARedFlagRecordBelowUrgent(@ForAll("records") Patient p,
      @ForAll @IntRange(min = 0, max = 10_000) int pick) {
    Assessment before = ASSESSOR.assess(p);
    List<Question> open = PatientFacts.packaged().questions(p).stream().filter(Question::isNotAsked).toList();
    if (!before.disposition().isHigherThan(Urgency.SOON) || open.isEmpty()) {
      return;
    }
    Question q = open.get(pick % open.size());
    Answer answer = pick % 2 == 0 ? Answer.ABSENT : Answer.PRESENT;
    Patient answered = GeneratedRecords.with(p, q, answer, GeneratedRecords.side(pick / 3));
    Urgency after = ASSESSOR.assess(answered).disposition();
    assertThat(after.isHigherThan(Urgency.SOON))
        .as("%s at %s; %s answered %s gives %s", before.findings().get(0).id(),
            before.disposition(), q.getPath(), answer, after)
        .isTrue();
  }

  /**
   * INT-09: every red-flag observation of the vocabulary is a red-flag question: unasked while
   * due, it is named as unanswered and keeps the record out of self-care (INT-03); and the safety
   * net, where one stands, names it.
   */
  @Property(seed = Search.SEED)
  void everyRedFlagObservationIsCountedWhenUnaskedAndNamedInTheSafetyNet(
      @ForAll("records") Patient p) {
    assertThat(ASSESSOR.redFlagQuestions()).as("the red-flag questions are the vocabulary's")
        .isEqualTo(ASSESSOR.vocabulary().entries().stream()
            .filter(org.spinefoot.Vocabulary.Entry::redFlag)
            .map(org.spinefoot.Vocabulary.Entry::path).toList());
    Assessment a = ASSESSOR.assess(p);
    List<String> unanswered = a.unanswered().stream()
        .map(Assessment.UnansweredQuestion::path).toList();
    String safetyNet = a.advice().stream().filter(v -> v.id().equals("safety-net"))
        .map(Assessment.Advice::text).findFirst().orElse(null);
    for (org.spinefoot.Vocabulary.Entry e : ASSESSOR.vocabulary().entries()) {
      if (!e.redFlag()) {
        continue;
      }
      boolean open = p.answerAt(ASSESSOR.vocabulary(), e.path()) == Answer.NOT_ASKED
          && ASSESSOR.vocabulary().isDue(e, p);
      assertThat(unanswered.contains(e.path())).as("%s named as unanswered", e.path())
          .isEqualTo(open);
      if (open) {
        assertThat(a.disposition()).as("%s unasked", e.path()).isNotEqualTo(Urgency.SELF_CARE);
      }
      if (safetyNet != null) {
        assertThat(safetyNet).as("the safety net names %s", e.path())
            .contains(e.safetyNetWords());
      }
    }
  }

  /**
   * INT-10: a non-spinal cause that explains the symptoms (a rule that names INT-10) is the
   * explanation: "no obvious cause" never stands beside it, and beside an emergency or urgent one
   * no advice stands, spinal, stretching or keep-moving alike.
   */
  @Property(seed = Search.SEED)
  void aNonSpinalCauseIsTheExplanationWithoutSpinalAdviceBesideAnUrgentOne(@ForAll("records") Patient p) {
    Assessment a = ASSESSOR.assess(p);
    for (Assessment.Finding f : a.findings()) {
      boolean mimic = f.because().stream().anyMatch(r -> MIMIC_RULES.contains(r.rule()));
      if (!mimic) {
        continue;
      }
      assertThat(a.findings()).as("no obvious cause beside %s", f.id())
          .noneMatch(g -> g.because().stream().anyMatch(r -> NO_OBVIOUS_CAUSE_RULES.contains(
              r.rule())));
      if (f.urgency().isHigherThan(Urgency.SOON)) {
        assertThat(a.advice()).as("advice beside %s", f.id()).isEmpty();
      }
    }
  }

  private static org.spinefoot.Vocabulary.Entry entry(String path) {
    return ASSESSOR.vocabulary().entry(path).orElseThrow();
  }

  /** INT-07: no reason cites, as present, what the record answered "no". */
  @Property(seed = Search.SEED)
  void noReasonCitesAnObservationAnsweredNo(@ForAll("records") Patient p) {
    Set<String> deniedClaims = new HashSet<>();
    for (Question q : PatientFacts.packaged().questions(p)) {
      if (q.isAbsent()) {
        deniedClaims.addAll(presentForms(q));
      }
    }
    Assessment a = ASSESSOR.assess(p);
    List<Assessment.Reason> reasons = new ArrayList<>();
    a.findings().forEach(f -> reasons.addAll(f.because()));
    a.considerations().forEach(c -> reasons.addAll(c.because()));
    a.advice().forEach(v -> reasons.addAll(v.because()));
    for (Assessment.Reason r : reasons) {
      assertThat(r.observations())
          .as("reason of rule %s", r.rule())
          .noneMatch(deniedClaims::contains);
    }
  }

  /**
   * INT-07: "no obvious cause" (a finding of a rule that needs nothing to explain the numbness)
   * never stands beside something that explains the numbness, nor beside an emergency or urgent
   * finding, which is what to act on.
   */
  @Property(seed = Search.SEED)
  void noObviousCauseNeverStandsBesideACauseOrAnUrgentFinding(@ForAll("records") Patient p) {
    Assessment a = ASSESSOR.assess(p);
    boolean noObviousCause = a.findings().stream()
        .flatMap(f -> f.because().stream())
        .anyMatch(r -> NO_OBVIOUS_CAUSE_RULES.contains(r.rule()));
    if (!noObviousCause) {
      return;
    }
    assertThat(a.conclusions())
        .noneMatch(c -> c.type().equals(NumbnessExplained.class.getSimpleName()));
    assertThat(a.findings()).noneMatch(f -> f.urgency().isHigherThan(Urgency.SOON));
  }

  private static List<String> exercises(Assessment a) {
    return a.advice().stream().filter(Assessment.Advice::exercise).map(Assessment.Advice::id)
        .toList();
  }

  // How a question answered "yes" reads in a reason, on any side.
  private static List<String> presentForms(Question q) {
    List<String> out = new ArrayList<>();
    if (q instanceof LocatedSymptom ls) {
      for (Side side : Side.values()) {
        String kind = q.getPath().substring(0, q.getPath().indexOf('.'));
        Question yes = switch (kind) {
          case "numbness" -> new org.spinefoot.engine.facts.Numbness(ls.definition(),
              Answer.PRESENT, side);
          case "pain" -> new org.spinefoot.engine.facts.Pain(ls.definition(), Answer.PRESENT, side);
          default -> new org.spinefoot.engine.facts.Weakness(ls.definition(), Answer.PRESENT, side);
        };
        out.add(yes.describe());
      }
    } else {
      out.add(q.getLabel());
    }
    return out;
  }

  /** The @id of every shipped rule with a bare "not" of the given fact type in its conditions. */
  static Set<String> rulesNegating(String factType) {
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.walk(RULES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
        PackageDescr pkg = new DrlParser().parse(false, Files.readString(file));
        for (RuleDescr rule : pkg.getRules()) {
          if (negates(rule.getLhs(), factType, false)) {
            ids.add(String.valueOf(rule.getAnnotation("id").getSingleValueStripped()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DroolsParserException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  private static boolean negates(BaseDescr descr, String factType, boolean underNot) {
    if (descr instanceof PatternDescr pattern) {
      // A bare "not X()": nothing of that type at all. "not X( temporary )" asks for less.
      return underNot && pattern.getObjectType().equals(factType)
          && pattern.getConstraint().getDescrs().isEmpty();
    }
    if (descr instanceof ConditionalElementDescr ce) {
      boolean not = underNot || descr instanceof NotDescr;
      for (BaseDescr child : ce.getDescrs()) {
        if (negates(child, factType, not)) {
          return true;
        }
      }
    }
    return false;
  }
}
