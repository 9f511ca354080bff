package org.spinefoot.bench.scale;

import java.util.Objects;

/**
 * A final conclusion of a synthetic rule set: an id and its urgency. Equal by both, so two rules
 * concluding the same one justify one fact.
 */
public final class Finding {
  private final String id;
  private final String urgency;

  public Finding(String id, String urgency) {
    this.id = id;
    this.urgency = urgency;
  }

  public String getId() {
    return id;
  }

  public String getUrgency() {
    return urgency;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Finding other && id.equals(other.id) && urgency.equals(other.urgency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, urgency);
  }

  @Override
  public String toString() {
    return id + "(" + urgency + ")";
  }
}
