/**
 * The fact classes of revision 2 (commit {@code b454644}, {@code org.spinefoot.engine.facts}),
 * copied verbatim but for the {@code package} and {@code import} lines: what the frozen revision-2
 * rules match and conclude. Part of the fixed benchmark baseline; do not edit (see {@link
 * org.spinefoot.bench.baseline}).
 */
package org.spinefoot.bench.baseline.engine.facts;
