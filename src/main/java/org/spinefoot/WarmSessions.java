package org.spinefoot;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions kept warm between assessments. A session from the pool already holds the previous
 * record's facts and conclusions; assessing the next record updates only the answers that differ
 * and lets truth maintenance withdraw what no longer holds, which is far cheaper than building a
 * session and inserting every fact. The result is the one a fresh session gives (see {@link
 * PatientSession}); tests compare the two. A session that failed is closed, never reused.
 */
final class WarmSessions {
  private final Assessor assessor;
  private final int capacity;
  private final ConcurrentLinkedDeque<PatientSession> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();

  WarmSessions(Assessor assessor, int capacity) {
    this.assessor = assessor;
    this.capacity = capacity;
  }

  Assessment assess(Patient patient) {
    PatientSession session = idle.pollFirst();
    if (session == null) {
      session = assessor.openSession(patient, false); // assesses the record as it opens
      Assessment result = session.assessment(); // before the session is shared again
      give(session);
      return result;
    }
    idleCount.decrementAndGet();
    Assessment result;
    try {
      result = session.update(patient);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    give(session);
    return result;
  }

  private void give(PatientSession session) {
    if (idleCount.incrementAndGet() <= capacity) {
      idle.offerFirst(session);
    } else {
      idleCount.decrementAndGet();
      session.close();
    }
  }
}
