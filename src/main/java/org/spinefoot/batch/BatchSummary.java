package org.spinefoot.batch;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import org.spinefoot.Urgency;

/**
 * What a batch did, counted over the lines written.
 *
 * @param lines input lines read up to the last one written, blank lines included
 * @param assessed records assessed (a result line each)
 * @param invalid records that could not be read (an error record each, {@code "kind": "input"})
 * @param assessmentFailures records a rule failed or looped on, or that failed inside spinefoot
 *     (an error record each, {@code "kind": "rule"} or {@code "internal"})
 * @param blank blank lines, skipped
 * @param dispositions how many assessments ended in each disposition
 * @param stopped true when the batch was interrupted before the end of the input
 * @param elapsed how long the batch ran
 */
public record BatchSummary(
    long lines,
    long assessed,
    long invalid,
    long assessmentFailures,
    long blank,
    Map<Urgency, Long> dispositions,
    boolean stopped,
    Duration elapsed) {

  public BatchSummary {
    EnumMap<Urgency, Long> copy = new EnumMap<>(Urgency.class);
    for (Urgency u : Urgency.values()) {
      copy.put(u, dispositions.getOrDefault(u, 0L));
    }
    dispositions = Collections.unmodifiableMap(copy);
  }

  /** Lines that gave an error record. */
  public long failed() {
    return invalid + assessmentFailures;
  }

  /** Records (assessed or failed) per second. */
  public double recordsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : (assessed + failed()) / seconds;
  }

  /**
   * One line for a person: {@code batch: 1000 lines, 997 assessed, 2 failed, 1 blank;
   * EMERGENCY 12, URGENT 40, SOON 900, SELF_CARE 45 (4500 records/s)}.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder(stopped ? "batch stopped: " : "batch: ");
    sb.append(lines).append(" lines, ").append(assessed).append(" assessed, ")
        .append(failed()).append(" failed");
    if (assessmentFailures > 0) {
      sb.append(" (").append(invalid).append(" invalid, ").append(assessmentFailures)
          .append(" failed in the rules)");
    }
    if (blank > 0) {
      sb.append(", ").append(blank).append(" blank");
    }
    StringJoiner byDisposition = new StringJoiner(", ", "; ", "");
    for (Urgency u : new Urgency[] {
        Urgency.EMERGENCY, Urgency.URGENT, Urgency.SOON, Urgency.SELF_CARE}) {
      byDisposition.add(u.name() + " " + dispositions.get(u));
    }
    return sb.append(byDisposition)
        .append(" (").append(Math.round(recordsPerSecond())).append(" records/s)").toString();
  }
}
