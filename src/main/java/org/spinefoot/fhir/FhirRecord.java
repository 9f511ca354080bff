package org.spinefoot.fhir;

import java.util.List;
import java.util.Set;
import org.spinefoot.Patient;

/**
 * A record read from FHIR: the patient record the rules assess, plus what the record alone
 * cannot say, which questions were asked but answered "unknown" (they are "not asked" to the
 * rules, but must not be asked again).
 *
 * @param patient the record; a question left out or answered unknown is "not asked"
 * @param asked the linkIds that carry an answer, "unknown" included, in response order
 * @param askedUnknown the linkIds answered with data-absent-reason {@code asked-unknown}
 * @param subject the response's subject reference (e.g. {@code Patient/123}), or null
 */
public record FhirRecord(Patient patient, List<String> asked, Set<String> askedUnknown,
    String subject) {
  public FhirRecord {
    asked = List.copyOf(asked);
    askedUnknown = Set.copyOf(askedUnknown);
  }
}
