package org.spinefoot.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which findings a report shows together, keyed on finding IDs. A finding named nowhere here is
 * shown on its own, so a new finding is never hidden by default.
 */
final class Merges {
  private Merges() {}

  /**
   * A finding that stands absorbs these, when they are no more urgent than it: they add nothing
   * a reader needs apart (the bladder sign is part of the cauda equina picture; "no obvious
   * cause" is not news beside a suspected serious cause). Their reasons join the absorber's.
   */
  static final Map<String, List<String>> ABSORBS = Map.of(
      "cauda-equina-suspected", List.of("bladder-bowel-control-lost"),
      "serious-cause-suspected", List.of("numbness-without-obvious-cause"),
      "spinal-metastasis-possible", List.of("numbness-without-obvious-cause"),
      "sciatica-pattern", List.of("lumbar-origin-likely"));

  /**
   * Findings that each say "see a clinician": one line, led by the first that stands (the most
   * specific referral), with the reasons of all.
   */
  static final List<List<String>> ONE_LINE = List.of(
      List.of("see-a-spine-clinician", "whole-body-assessment",
          "lasting-numbness-needs-clinician", "see-a-clinician"));

  /**
   * Findings a report shows as a section of their own: the unanswered red-flag questions are
   * the "Ask next" list, with what each answer would mean.
   */
  static final Set<String> SHOWN_AS_ASK_NEXT = Set.of("red-flag-questions-unanswered");

  /** Advice to read first: what to stop or plan before anything else. */
  static final List<String> ADVICE_FIRST = List.of(
      "plan-exercise-with-professional", "avoid-aggravating-activities");

  /**
   * Exercises, read after the advice above and before the general advice, in this order; other
   * advice a rule gives as an exercise ({@code Advice.exercise}) follows them.
   */
  static final List<String> ADVICE_EXERCISES = List.of(
      "numb-feet-exercise", "stretching-programme", "pelvis-balance", "movement-retraining");

  /** General advice in this order; advice named nowhere here comes last, by ID. */
  static final List<String> ADVICE_GENERAL = List.of("keep-moving", "posture", "ice-then-heat");

  /** The inventory item of the safety-net advice, shown as a block of its own near the top. */
  static final String SAFETY_NET_INVENTORY = "SC-10";
}
