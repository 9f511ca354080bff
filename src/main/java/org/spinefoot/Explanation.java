package org.spinefoot;

/**
 * An assessment together with the trace of how the engine reached it.
 *
 * @param assessment the result
 * @param trace every rule fired and every conclusion withdrawn, in order
 */
public record Explanation(Assessment assessment, Trace trace) {}
