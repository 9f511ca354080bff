package org.spinefoot;

/**
 * An assessment together with the trace of how the engine reached it, as {@link
 * Assessor#explain(Patient)} returns it. Immutable.
 *
 * @param assessment the result, the same as {@link Assessor#assess(Patient)} gives
 * @param trace every rule fired and every conclusion withdrawn, in order
 */
public record Explanation(Assessment assessment, Trace trace) {}
