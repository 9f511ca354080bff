package org.spinefoot;

import java.nio.file.Path;

/**
 * The fixture knowledge base under {@code src/test/resources/fixture}: a small rule set with its
 * own knowledge index, source index, example patients and cases. Tests of the engine, lint,
 * watch, catalog and explain pin their behaviour on it, never on the shipped {@code rules/}, so a
 * reviewer's edit of the knowledge never breaks a Java test.
 */
public final class Fixture {
  public static final Path ROOT = Path.of("src/test/resources/fixture");

  private Fixture() {}

  public static Path rules() {
    return ROOT.resolve("rules");
  }

  public static Path cases() {
    return ROOT.resolve("test-cases");
  }

  /** An example patient of the fixture, e.g. {@code facts("cauda-equina-emergency.yaml")}. */
  public static Path facts(String name) {
    return ROOT.resolve("facts").resolve(name);
  }

  /** The fixture's rules loaded once for the whole test run. */
  public static Assessor assessor() {
    return Holder.ASSESSOR;
  }

  private static final class Holder {
    static final Assessor ASSESSOR = Assessor.fromDirectory(rules());
  }
}
