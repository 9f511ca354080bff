package org.spinefoot.facts;

/** The side of the body a symptom is felt on. */
public enum Side {
  LEFT,
  RIGHT,
  BOTH,
  /** Present, but the record does not say on which side. */
  UNSPECIFIED
}
