package org.spinefoot.bench.scale;

/**
 * An intermediate conclusion of a synthetic rule set, which other rules read (as the packaged
 * rules conclude a syndrome that red-flag rules then read). Equal by id, so two rules concluding
 * the same one justify one fact.
 */
public final class Derived {
  private final String id;

  public Derived(String id) {
    this.id = id;
  }

  public String getId() {
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Derived other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
