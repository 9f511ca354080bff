package org.spinefoot;

import java.util.List;

/**
 * What the engine did while assessing one record, in order: every rule that fired, with what it
 * matched and concluded, and every conclusion that truth maintenance withdrew again. Recorded
 * only when asked for ({@link Assessor#explain}, {@link Assessor#openSession(Patient, boolean)}).
 */
public record Trace(List<Event> events) {
  public Trace {
    events = List.copyOf(events);
  }

  /** One step of the engine. */
  public sealed interface Event permits Fired, Withdrawn {
    /** Position in the trace, from 1. */
    int order();
  }

  /**
   * A rule fired.
   *
   * @param rule the rule's ID
   * @param ruleName the rule's name
   * @param matched what the rule matched: observations and earlier conclusions
   * @param concluded what its action concluded
   */
  public record Fired(int order, String rule, String ruleName, List<String> matched,
      List<String> concluded) implements Event {
    public Fired {
      matched = List.copyOf(matched);
      concluded = List.copyOf(concluded);
    }
  }

  /**
   * A conclusion was withdrawn because its premises stopped holding.
   *
   * @param type the conclusion's kind, e.g. {@code Finding}, {@code Advice}
   * @param description how it read
   * @param rule the ID of the rule that had concluded it
   * @param because why: the rule whose conclusion undid it, or the change to the record
   */
  public record Withdrawn(int order, String type, String description, String rule, String because)
      implements Event {}

  public List<Fired> firings() {
    return events.stream().filter(Fired.class::isInstance).map(Fired.class::cast).toList();
  }

  public List<Withdrawn> withdrawals() {
    return events.stream().filter(Withdrawn.class::isInstance).map(Withdrawn.class::cast).toList();
  }
}
