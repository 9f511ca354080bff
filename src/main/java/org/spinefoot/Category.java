package org.spinefoot;

/** The groups of yes/no questions, in the order a clinician would ask them. */
public enum Category {
  HISTORY,
  SYMPTOM,
  COURSE,
  TRIGGER,
  ALARM,
  EXAMINATION
}
