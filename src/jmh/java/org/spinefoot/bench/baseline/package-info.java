/**
 * The fixed baseline of the benchmarks: the knowledge base of revision 2 (commit {@code b454644},
 * the last before the vocabulary moved from Java enums to {@code rules/vocabulary.yaml}) frozen
 * here, so that later work on the engine's rules or fact model cannot make the baseline faster or
 * slower by accident.
 *
 * <p>The enums of that revision's record model ({@link org.spinefoot.bench.baseline.Sign}, {@link
 * org.spinefoot.bench.baseline.Site}, {@link org.spinefoot.bench.baseline.Side}, {@link
 * org.spinefoot.bench.baseline.Urgency}, {@link org.spinefoot.bench.baseline.Answer}, {@link
 * org.spinefoot.bench.baseline.Category}) and its fact classes ({@code engine.facts}) are copies of
 * that commit's sources with only the {@code package} and {@code import} lines moved under {@code
 * org.spinefoot.bench.baseline}; its 15 DRL files and {@code red-flag-questions.yaml} are in {@code
 * src/jmh/resources/baseline-rev2/rules}, verbatim but for the same {@code import} lines and a
 * {@code package} under {@code org.spinefoot.bench.baseline.rules}. Do not edit them: a change
 * makes the baseline a different one, and the figures in {@code docs/performance.md} stop being
 * comparable with earlier runs. {@link org.spinefoot.bench.baseline.BaselineRev2} runs them; {@link
 * org.spinefoot.bench.baseline.Rev2Facts} turns today's records into their facts.
 */
package org.spinefoot.bench.baseline;
