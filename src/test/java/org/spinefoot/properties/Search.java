package org.spinefoot.properties;

import org.quicktheories.QuickTheory;

/**
 * How hard the safety properties search. In {@code mvn verify}: a fixed seed and a count of
 * records that keeps the build quick, so that a failure reproduces exactly. For a long search
 * with a new seed each run:
 *
 * <pre>mvn test -Dtest=SafetyPropertiesTest -Dspinefoot.properties.seed=random \
 *     -Dspinefoot.properties.examples=50000</pre>
 *
 * A failure prints its seed and the shrunk record; give the seed back with
 * {@code -Dspinefoot.properties.seed=...} to reproduce it, and turn the record into a case in
 * {@code test-cases/}.
 */
final class Search {
  /** The seed used when none is given: the day the properties were written. */
  static final long FIXED_SEED = 20261201L;
  /** Records per property when no count is given. */
  static final int DEFAULT_EXAMPLES = 1000;

  private Search() {}

  static QuickTheory theory() {
    QuickTheory qt = QuickTheory.qt()
        .withExamples(Integer.getInteger("spinefoot.properties.examples", DEFAULT_EXAMPLES))
        .withShrinkCycles(200);
    String seed = System.getProperty("spinefoot.properties.seed", Long.toString(FIXED_SEED));
    return seed.equalsIgnoreCase("random") ? qt : qt.withFixedSeed(Long.parseLong(seed));
  }
}
