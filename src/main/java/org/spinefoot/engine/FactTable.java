package org.spinefoot.engine;

import java.util.ArrayList;
import java.util.List;
import org.spinefoot.Answer;
import org.spinefoot.Side;
import org.spinefoot.Sign;
import org.spinefoot.Site;
import org.spinefoot.Vocabulary;
import org.spinefoot.engine.facts.Numbness;
import org.spinefoot.engine.facts.Observation;
import org.spinefoot.engine.facts.Pain;
import org.spinefoot.engine.facts.Question;
import org.spinefoot.engine.facts.Weakness;

/**
 * Every question fact of one vocabulary, made once: each sign with each answer, each site
 * question with each answer and side. Records share them, so equal answers are the same fact and
 * building a record's facts allocates nothing. Immutable and thread-safe.
 */
public final class FactTable {
  private static final int STATES = 2 + Side.values().length; // absent, not asked, each side

  private final Vocabulary vocabulary;
  private final Observation[][] observations;
  private final Numbness[][] numbness;
  private final Pain[][] pain;
  private final Weakness[][] weakness;
  private final Object[] order;

  public FactTable(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.order = order(vocabulary);
    List<Sign> signs = vocabulary.signs();
    observations = new Observation[signs.size()][Answer.values().length];
    for (Sign s : signs) {
      for (Answer a : Answer.values()) {
        observations[s.index()][a.ordinal()] = new Observation(s, a);
      }
    }
    List<Site> sites = vocabulary.sites();
    numbness = new Numbness[sites.size()][];
    pain = new Pain[sites.size()][];
    weakness = new Weakness[sites.size()][];
    for (Site site : sites) {
      int i = site.index();
      numbness[i] = site.isNumbnessSite() ? new Numbness[STATES] : null;
      pain[i] = site.isPainSite() ? new Pain[STATES] : null;
      weakness[i] = site.isWeaknessSite() ? new Weakness[STATES] : null;
      for (int state = 0; state < STATES; state++) {
        Answer answer = answer(state);
        Side side = state >= 2 ? Side.values()[state - 2] : null;
        if (numbness[i] != null) {
          numbness[i][state] = new Numbness(site, answer, side);
        }
        if (pain[i] != null) {
          pain[i][state] = new Pain(site, answer, side);
        }
        if (weakness[i] != null) {
          weakness[i][state] = new Weakness(site, answer, side);
        }
      }
    }
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  private static Answer answer(int state) {
    return state == 0 ? Answer.ABSENT : state == 1 ? Answer.NOT_ASKED : Answer.PRESENT;
  }

  private static int state(Answer answer, Side side) {
    switch (answer) {
      case ABSENT:
        return 0;
      case NOT_ASKED:
        return 1;
      default:
        return 2 + side.ordinal();
    }
  }

  public Observation observation(Sign sign, Answer answer) {
    return observations[sign.index()][answer.ordinal()];
  }

  public Numbness numbness(Site site, Answer answer, Side side) {
    return pick(numbness[site.index()], site, "numbness", answer, side);
  }

  public Pain pain(Site site, Answer answer, Side side) {
    return pick(pain[site.index()], site, "pain", answer, side);
  }

  public Weakness weakness(Site site, Answer answer, Side side) {
    return pick(weakness[site.index()], site, "weakness", answer, side);
  }

  private static <T> T pick(T[] states, Site site, String section, Answer answer, Side side) {
    if (states == null) {
      throw new IllegalArgumentException(section + " is not recorded at " + site.key());
    }
    return states[state(answer, side)];
  }

  /**
   * The record's question facts, one per question of the vocabulary in its order (signs,
   * then numbness, pain and weakness by site, as the file lists them); a question the record
   * does not answer is there as "not asked". The record must be in this vocabulary ({@link
   * org.spinefoot.Patient#in(Vocabulary)}).
   */
  public List<Question> questions(org.spinefoot.Patient patient) {
    List<Question> out = new ArrayList<>(order.length);
    for (Object q : order) {
      if (q instanceof Sign s) {
        out.add(observation(s, patient.answer(s)));
      } else {
        SiteQuestion sq = (SiteQuestion) q;
        java.util.Map<Site, org.spinefoot.Felt> section = sq.section == 0 ? patient.numbness()
            : sq.section == 1 ? patient.pain() : patient.weakness();
        org.spinefoot.Felt f = section.getOrDefault(sq.site, org.spinefoot.Felt.NOT_ASKED);
        out.add(sq.section == 0 ? numbness(sq.site, f.answer(), f.side())
            : sq.section == 1 ? pain(sq.site, f.answer(), f.side())
            : weakness(sq.site, f.answer(), f.side()));
      }
    }
    return out;
  }

  private record SiteQuestion(int section, Site site) {}

  private static Object[] order(Vocabulary vocabulary) {
    List<Object> out = new ArrayList<>();
    for (Vocabulary.Entry e : vocabulary.entries()) {
      int dot = e.path().indexOf('.');
      if (e.kind() == Vocabulary.Kind.YES_NO) {
        out.add(vocabulary.sign(e.path().substring(dot + 1)));
      } else if (e.kind() == Vocabulary.Kind.SITE_AND_SIDE) {
        String section = e.path().substring(0, dot);
        out.add(new SiteQuestion(section.equals("numbness") ? 0 : section.equals("pain") ? 1 : 2,
            vocabulary.site(e.path().substring(dot + 1))));
      }
    }
    return out.toArray();
  }
}
