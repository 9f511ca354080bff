package org.spinefoot;

/** One knowledge base for the whole test run: loading one takes over a second. */
public final class TestAssessor {
  private static final Assessor ASSESSOR = Assessor.fromClasspath();

  private TestAssessor() {}

  public static Assessor get() {
    return ASSESSOR;
  }
}
