package org.spinefoot.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spinefoot.NextQuestions;
import org.spinefoot.Patient;
import org.spinefoot.Reply;
import org.spinefoot.Vocabulary;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.RecordAnswers;
import org.spinefoot.engine.facts.Question;
import org.spinefoot.report.Wrap;

/**
 * What {@code ask} says in words rather than record paths: each question as the vocabulary words
 * it, what a question is called when an answer is taken back or left unknown, the summary of the
 * answers given before the report, and what would change it with each question's choices once.
 */
final class AskText {
  /** Whose words the questions are asked in. */
  enum Words { patient, clinician }

  private final Vocabulary vocabulary;
  private final Words words;
  private final Map<String, String> labels = new LinkedHashMap<>();

  AskText(Vocabulary vocabulary, Words words, Patient start) {
    this.vocabulary = vocabulary;
    this.words = words;
    for (Question q : PatientFacts.of(vocabulary).questions(start)) {
      labels.put(q.getPath(), q.getLabel());
    }
  }

  /** The question as the vocabulary words it, for the patient or the clinician. */
  String phrase(NextQuestions.Question q) {
    return vocabulary.entry(q.path())
        .map(e -> words == Words.clinician ? e.clinician() : e.patient())
        .orElse(q.question() + "?");
  }

  /** What a question is called in a sentence, e.g. "fever" for {@code signs.fever}. */
  String label(String path) {
    return labels.getOrDefault(path, path);
  }

  /**
   * The answers given in this questionnaire, in short: each yes (with its side) and each unknown
   * by name, the noes counted. An answer taken back and given again counts once, as it stands.
   *
   * @param start the record the questionnaire started from
   * @param end the record as answered
   * @param unknown the questions answered unknown here
   */
  String summary(Patient start, Patient end, Set<String> unknown, int width) {
    List<String> yes = new ArrayList<>();
    int no = 0;
    List<Question> before = PatientFacts.of(vocabulary).questions(start);
    List<Question> after = PatientFacts.of(vocabulary).questions(end);
    for (int i = 0; i < after.size(); i++) {
      Reply now = RecordAnswers.current(after.get(i));
      if (now == RecordAnswers.current(before.get(i)) || now == Reply.UNKNOWN) {
        continue;
      }
      if (now == Reply.NO) {
        no++;
      } else {
        yes.add(label(after.get(i).getPath()) + (now.isSide() ? " (" + side(now) + ")" : ""));
      }
    }
    List<String> notKnown = unknown.stream().map(this::label).sorted().toList();
    int given = yes.size() + no + notKnown.size();
    Wrap w = new Wrap(width);
    if (given == 0) {
      return w.para("", "  ", "Answers given: none.").toString();
    }
    w.para("", "  ", "Answers given (" + given + "):");
    if (!yes.isEmpty()) {
      w.para("  yes: ", "    ", String.join("; ", yes));
    }
    if (!notKnown.isEmpty()) {
      w.para("  unknown: ", "    ", String.join("; ", notKnown));
    }
    if (no > 0) {
      w.para("  no: ", "    ", no + (no == 1 ? " question" : " questions"));
    }
    return w.toString();
  }

  private static String side(Reply reply) {
    return reply == Reply.BOTH ? "both sides" : reply.name().toLowerCase(Locale.ROOT) + " side";
  }

  /**
   * One line per answered question whose answer, changed, would change the disposition: the
   * choices that lead to the same outcome named together, so a question about a place on the
   * body lists its sides once (if yes, left or right: SOON; if both: URGENT) rather than a line
   * each.
   */
  static List<String> wouldChange(List<NextQuestions.Counterfactual> changes) {
    Map<String, List<NextQuestions.Counterfactual>> byQuestion = new LinkedHashMap<>();
    changes.forEach(c -> byQuestion.computeIfAbsent(c.path(), p -> new ArrayList<>()).add(c));
    List<String> lines = new ArrayList<>();
    for (List<NextQuestions.Counterfactual> question : byQuestion.values()) {
      Map<String, List<String>> byOutcome = new LinkedHashMap<>();
      for (NextQuestions.Counterfactual c : question) {
        String outcome = c.disposition() + (c.stopExercises() && !c.disposition().stopsSelfCare()
            ? ", stop the exercises" : "");
        byOutcome.computeIfAbsent(outcome, o -> new ArrayList<>()).add(c.instead().toString());
      }
      NextQuestions.Counterfactual first = question.get(0);
      List<String> parts = new ArrayList<>();
      byOutcome.forEach((outcome, replies) -> parts.add("if " + or(replies)
          + (parts.isEmpty() ? " to \"" + first.question() + "\" (now " + first.answer() + ")" : "")
          + ": " + outcome));
      lines.add(String.join("; ", parts));
    }
    return lines;
  }

  private static String or(List<String> choices) {
    int last = choices.size() - 1;
    return last == 0 ? choices.get(0)
        : String.join(", ", choices.subList(0, last)) + " or " + choices.get(last);
  }
}
