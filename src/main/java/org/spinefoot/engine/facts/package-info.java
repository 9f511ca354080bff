/**
 * Internal to spinefoot, not API: may change without notice. The facts the DRL rules match and
 * conclude: questions and their answers ({@code Observation}, {@code Numbness}, {@code Pain},
 * {@code Weakness}, {@code Age}, {@code SymptomDuration}), intermediate conclusions ({@code
 * SciaticaPattern}, {@code MotorDeficit}, ...) and the conclusions an assessment is made of
 * ({@code Finding}, {@code Consideration}, {@code Advice}, {@code Disposition}, {@code
 * StopExercises}). Reviewers see them, with their fields and record keys, in {@code
 * docs/rule-vocabulary.md}. Embedders read the results as {@code org.spinefoot.Assessment}
 * instead.
 */
package org.spinefoot.engine.facts;
