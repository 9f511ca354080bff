package org.spinefoot.properties;

/**
 * How hard the safety properties search (jqwik). In {@code mvn verify}: a fixed seed and the
 * count of records in {@code src/test/resources/junit-platform.properties} ({@code
 * jqwik.tries.default}), so the build stays quick and a failure reproduces exactly. For a longer
 * search:
 *
 * <pre>mvn test -Dtest=SafetyPropertiesTest -Djqwik.tries.default=50000</pre>
 *
 * and for records the fixed seed never draws, change {@link #SEED}. A failure prints its seed
 * and the shrunk record; turn the record into a case in {@code test-cases/}.
 */
final class Search {
  /** The seed of every safety property: the day the properties were written. */
  static final String SEED = "20261201";

  private Search() {}
}
