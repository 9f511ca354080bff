package org.spinefoot.bench;

/** The explanatory notes under the table of docs/performance.md. */
final class Notes {
  private Notes() {}

  static final String TEXT = "";
}
