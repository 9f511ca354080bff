package org.spinefoot.engine.facts;

import java.util.List;

/**
 * The red-flag observations of the vocabulary, in a patient's words, grouped by what their start
 * means: call emergency services now, be seen today, or tell the clinician. One per session, made
 * from the vocabulary ({@code safetyNet:} of each red-flag question), so that every red-flag
 * observation appears in the safety net without anyone listing it again (SC-10, INT-09).
 */
public final class SafetyNetSigns {
  private final List<String> emergency;
  private final List<String> sameDay;
  private final List<String> tell;
  private final String text; // the same in every session: built once

  public SafetyNetSigns(List<String> emergency, List<String> sameDay, List<String> tell) {
    this.emergency = List.copyOf(emergency);
    this.sameDay = List.copyOf(sameDay);
    this.tell = List.copyOf(tell);
    this.text = text();
  }

  /** The safety net's sentences, each list joined in the patient's words. */
  public String getText() {
    return text;
  }

  private String text() {
    StringBuilder sb = new StringBuilder();
    if (!emergency.isEmpty()) {
      sb.append("Call emergency services now if any of these start: ")
          .append(String.join("; ", emergency)).append('.');
    }
    if (!sameDay.isEmpty()) {
      sb.append(sb.length() == 0 ? "" : " ").append("Get seen the same day if any of these start: ")
          .append(String.join("; ", sameDay)).append('.');
    }
    if (!tell.isEmpty()) {
      sb.append(sb.length() == 0 ? "" : " ").append("Tell the clinician if any of these apply: ")
          .append(String.join("; ", tell)).append('.');
    }
    return sb.toString();
  }

  public List<String> getEmergency() {
    return emergency;
  }

  public List<String> getSameDay() {
    return sameDay;
  }

  public List<String> getTell() {
    return tell;
  }

  @Override
  public String toString() {
    return "safety-net signs";
  }
}
