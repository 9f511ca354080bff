package org.spinefoot.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spinefoot.Felt;
import org.spinefoot.Patient;
import org.spinefoot.Vocabulary;
import org.spinefoot.bench.baseline.engine.facts.Age;
import org.spinefoot.bench.baseline.engine.facts.Observation;
import org.spinefoot.bench.baseline.engine.facts.RedFlagQuestion;
import org.spinefoot.bench.baseline.engine.facts.SymptomDuration;
import org.spinefoot.bench.baseline.engine.facts.Symptoms;

/**
 * Today's records (today's {@link Patient}, e.g. from {@code VariedPatients}) as the facts the
 * revision-2 rules read, made the way that revision's {@code engine/PatientFacts} made them: one
 * {@code Observation} per revision-2 sign, one {@code Numbness}, {@code Pain} or {@code Weakness}
 * per revision-2 site that records it, answered or not, then {@code Age} and {@code
 * SymptomDuration} when given; and, first, one {@code RedFlagQuestion} per question of that
 * revision's {@code red-flag-questions.yaml}, which that revision's {@code Assessor} put in every
 * session (without them its INT-03 rule never fires and a record with unasked red flags could end
 * in self-care; that revision's own naive benchmark left them out, this baseline does not). Part of
 * the fixed baseline: it reads today's records, but only to make the frozen facts.
 *
 * <p>The mapping is by key: each of the 41 revision-2 signs and 17 sites exists today under the
 * same key, and its answer and side are copied. What today's record answers beyond that is dropped,
 * as revision 2 could not read it: the signs added since (57 in today's vocabulary, e.g. {@code
 * majorInjury}, {@code claudication}, {@code burningFeet}) and the sites {@code thoracicBack},
 * {@code trunkBand}, {@code sole}, {@code heel}, {@code betweenToes}, {@code flank}, {@code groin}
 * and {@code abdomen}. A record is converted once, before it is measured, so the baseline's cost
 * does not move with today's record classes.
 */
public final class Rev2Facts {
  /** Revision 2's declared red-flag questions, one fact each. */
  private static final List<RedFlagQuestion> RED_FLAG_QUESTIONS = redFlagQuestions();

  private Rev2Facts() {}

  /** The revision-2 facts of one of today's records; an unmodifiable list. */
  public static List<Object> facts(Patient patient) {
    Vocabulary today = patient.vocabulary();
    List<Object> out = new ArrayList<>(RED_FLAG_QUESTIONS);
    for (Sign sign : Sign.values()) {
      Answer answer =
          today.findSign(sign.key()).map(s -> answer(patient.answer(s))).orElse(Answer.NOT_ASKED);
      out.add(Observation.of(sign, answer));
    }
    for (Site site : Site.values()) {
      if (site.isNumbnessSite()) {
        Felt f = felt(patient.numbness(), today, site);
        out.add(Symptoms.numbness(site, answer(f.answer()), side(f)));
      }
    }
    for (Site site : Site.values()) {
      if (site.isPainSite()) {
        Felt f = felt(patient.pain(), today, site);
        out.add(Symptoms.pain(site, answer(f.answer()), side(f)));
      }
    }
    for (Site site : Site.values()) {
      if (site.isWeaknessSite()) {
        Felt f = felt(patient.weakness(), today, site);
        out.add(Symptoms.weakness(site, answer(f.answer()), side(f)));
      }
    }
    if (patient.age() != null) {
      out.add(new Age(patient.age()));
    }
    if (patient.durationDays() != null) {
      out.add(new SymptomDuration(patient.durationDays()));
    }
    return List.copyOf(out);
  }

  private static Felt felt(Map<org.spinefoot.Site, Felt> section, Vocabulary today, Site site) {
    return today
        .findSite(site.key())
        .map(s -> section.getOrDefault(s, Felt.NOT_ASKED))
        .orElse(Felt.NOT_ASKED);
  }

  private static Answer answer(org.spinefoot.Answer answer) {
    return Answer.valueOf(answer.name());
  }

  private static Side side(Felt felt) {
    return felt.side() == null ? null : Side.valueOf(felt.side().name());
  }

  private static List<RedFlagQuestion> redFlagQuestions() {
    String path = BaselineRev2.RULES + "/red-flag-questions.yaml";
    try (InputStream in = Rev2Facts.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the class path");
      }
      List<RedFlagQuestion> out = new ArrayList<>();
      for (JsonNode q : new ObjectMapper(new YAMLFactory()).readTree(in).get("redFlagQuestions")) {
        out.add(new RedFlagQuestion(q.asText()));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
