package org.spinefoot;

/**
 * The knowledge base the engine's tests run on: the fixture rule set, loaded once for the whole
 * test run. Tests of the shipped knowledge use {@link #shipped()}, and only generically.
 */
public final class TestAssessor {
  private TestAssessor() {}

  public static Assessor get() {
    return Fixture.assessor();
  }

  /** The rules packaged with the library (the project's {@code rules/}). */
  public static Assessor shipped() {
    return Shipped.ASSESSOR;
  }

  private static final class Shipped {
    static final Assessor ASSESSOR = Assessor.fromClasspath();
  }
}
