package org.spinefoot;

import java.util.List;

/**
 * What the engine did while assessing one record, in order: every rule that fired, with what it
 * matched and concluded, and every conclusion that truth maintenance withdrew again. Recorded
 * only when asked for ({@link Assessor#explain}, {@link Assessor#openSession(Patient, boolean)}).
 * Immutable.
 *
 * @param events the steps, in the order the engine took them: {@link Fired} and {@link
 *     Withdrawn}
 */
public record Trace(List<Event> events) {
  /**
   * Copies the events.
   *
   * @param events the steps, in the order the engine took them: {@link Fired} and {@link
   *     Withdrawn}
   * @throws NullPointerException if {@code events} is null or holds null
   */
  public Trace {
    events = List.copyOf(events);
  }

  /** One step of the engine. */
  public sealed interface Event permits Fired, Withdrawn {
    /**
     * Where this step is in the trace.
     *
     * @return the position, counted from 1
     */
    int order();
  }

  /**
   * A rule fired.
   *
   * @param order the step's position in the trace, from 1
   * @param rule the rule's ID ({@code @id})
   * @param ruleName the rule's name
   * @param matched what the rule matched: observations and earlier conclusions
   * @param concluded what its action concluded
   */
  public record Fired(int order, String rule, String ruleName, List<String> matched,
      List<String> concluded) implements Event {
    /**
     * Copies the lists.
     *
     * @param order the step's position in the trace, from 1
     * @param rule the rule's ID ({@code @id})
     * @param ruleName the rule's name
     * @param matched what the rule matched: observations and earlier conclusions
     * @param concluded what its action concluded
     * @throws NullPointerException if {@code matched} or {@code concluded} is null or holds null
     */
    public Fired {
      matched = List.copyOf(matched);
      concluded = List.copyOf(concluded);
    }
  }

  /**
   * A conclusion was withdrawn because its premises stopped holding (truth maintenance).
   *
   * @param order the step's position in the trace, from 1
   * @param type the conclusion's kind, e.g. {@code Finding}, {@code Advice}
   * @param description how it read
   * @param rule the ID of the rule that had concluded it
   * @param because why: the rule whose conclusion undid it, or the change to the record
   */
  public record Withdrawn(int order, String type, String description, String rule, String because)
      implements Event {}

  /**
   * The rules that fired, in order.
   *
   * @return the {@link Fired} events only
   */
  public List<Fired> firings() {
    return events.stream().filter(Fired.class::isInstance).map(Fired.class::cast).toList();
  }

  /**
   * The conclusions withdrawn, in order.
   *
   * @return the {@link Withdrawn} events only
   */
  public List<Withdrawn> withdrawals() {
    return events.stream().filter(Withdrawn.class::isInstance).map(Withdrawn.class::cast).toList();
  }
}
