package org.spinefoot.review;

import java.util.List;
import org.spinefoot.Urgency;

/**
 * How the knowledge base reached its assessment of one patient, for a reviewer: every rule that
 * fired in order, every standing conclusion with the chain of facts and conclusions behind it,
 * the conclusions truth maintenance withdrew, and what each unasked red-flag question would do.
 *
 * @param patientId the record's identifier
 * @param disposition the overall urgency
 * @param stopExercises true when an emergency or urgent finding stands
 * @param fired every rule that fired, in firing order
 * @param conclusions every conclusion standing at the end, most important first, each with its
 *     chain
 * @param withdrawn conclusions drawn and then withdrawn, in order, with why
 * @param unasked the red-flag questions the record leaves unasked, each with the disposition a
 *     "yes" would give
 * @param wouldChange for the answered questions, every single-answer change that would change
 *     the disposition or the stop-the-exercises flag
 */
public record ExplainReport(
    String patientId,
    Urgency disposition,
    boolean stopExercises,
    List<FiredRule> fired,
    List<Node> conclusions,
    List<Withdrawal> withdrawn,
    List<WhatIf> unasked,
    List<org.spinefoot.NextQuestions.Counterfactual> wouldChange) {

  public ExplainReport {
    wouldChange = List.copyOf(wouldChange);
    fired = List.copyOf(fired);
    conclusions = List.copyOf(conclusions);
    withdrawn = List.copyOf(withdrawn);
    unasked = List.copyOf(unasked);
  }

  /** The same report under another identifier (for example the id escaped for a terminal). */
  public ExplainReport withPatientId(String id) {
    return new ExplainReport(id, disposition, stopExercises, fired, conclusions, withdrawn, unasked,
        wouldChange);
  }


  /**
   * A rule firing.
   *
   * @param order the position in the engine's trace, from 1
   * @param urgency the rule's {@code @urgency}
   * @param location the rule's file and line
   * @param matched the observations and earlier conclusions it matched
   * @param concluded what its action concluded
   * @param stands whether a conclusion of the rule stands at the end; false when truth
   *     maintenance withdrew everything it concluded (the withdrawals say why)
   */
  public record FiredRule(int order, String rule, String name, String urgency, List<String> inventory,
      List<String> sources, String location, List<String> matched, List<String> concluded,
      boolean stands) {
    public FiredRule {
      inventory = List.copyOf(inventory);
      sources = List.copyOf(sources);
      matched = List.copyOf(matched);
      concluded = List.copyOf(concluded);
    }
  }

  /**
   * A standing conclusion and what it rests on.
   *
   * @param type the kind of conclusion, e.g. {@code Finding}, {@code SciaticaPattern}
   * @param rule the ID of the rule that concluded it
   * @param because what that rule matched, each premise followed to the conclusions behind it
   */
  public record Node(String type, String description, String rule, String ruleName,
      List<String> inventory, List<Premise> because) {
    public Node {
      inventory = List.copyOf(inventory);
      because = List.copyOf(because);
    }
  }

  /**
   * One premise of a conclusion.
   *
   * @param fact how it reads
   * @param concludedBy the standing conclusions it is (empty for an observation of the record)
   * @param seenAbove true when the chain already passed through it, so it is not followed again
   */
  public record Premise(String fact, List<Node> concludedBy, boolean seenAbove) {
    public Premise {
      concludedBy = List.copyOf(concludedBy);
    }
  }

  /**
   * A conclusion that truth maintenance withdrew, and why.
   *
   * @param recordChanged true when the record changed under it; false when it was withdrawn while
   *     the rules settled on one record (a later conclusion undid it)
   */
  public record Withdrawal(int order, String type, String description, String rule, String because,
      boolean recordChanged) {}

  /**
   * An unasked red-flag question and the assessment if the answer were yes.
   *
   * @param path its place in the record, e.g. {@code signs.fever}
   * @param ifYes the disposition the record would get with this one question answered yes
   * @param newFindings the findings that answer would add, as {@code id (URGENCY)}
   */
  public record WhatIf(String path, String question, Urgency ifYes, List<String> newFindings) {
    public WhatIf {
      newFindings = List.copyOf(newFindings);
    }
  }
}
