package org.spinefoot.bench.baseline;

/** The groups of yes/no questions, in the order a clinician would ask them. */
public enum Category {
  /** Past illness, injury and circumstances, e.g. diabetes, an earlier sciatica. */
  HISTORY,
  /** Symptoms not tied to one body site, e.g. pain running down the leg. */
  SYMPTOM,
  /** How the symptoms began and changed over time, e.g. sudden onset. */
  COURSE,
  /** What brings the symptoms on or eases them, e.g. worse when standing. */
  TRIGGER,
  /** Alarm symptoms, most of them red flags, e.g. loss of bladder or bowel control. */
  ALARM,
  /** What an examination or a self-check shows, e.g. foot drop. */
  EXAMINATION
}
