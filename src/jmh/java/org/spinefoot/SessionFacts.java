package org.spinefoot;

import java.util.List;

/**
 * How many facts a record puts into an engine session: every slot of the record (each question,
 * answered or not, as every session held before issue 23) against the facts the engine inserts
 * now (a question not asked only where a rule can match it). In the library's package because
 * what goes into a session is the engine's business, not the API's.
 */
public final class SessionFacts {
  private SessionFacts() {}

  /** Mean facts per record: {@code [every slot filled, inserted]}. */
  public static double[] meanPerRecord(Assessor assessor, List<Patient> records) {
    long filled = 0;
    long inserted = 0;
    for (Patient p : records) {
      List<Object> slots = assessor.facts().slots(p);
      for (int i = 0; i < slots.size(); i++) {
        if (slots.get(i) != null) {
          filled++;
          if (assessor.inSession(i, slots.get(i))) {
            inserted++;
          }
        }
      }
    }
    return new double[] {(double) filled / records.size(), (double) inserted / records.size()};
  }
}
