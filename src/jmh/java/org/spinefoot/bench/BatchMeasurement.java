package org.spinefoot.bench;

/** Batch throughput end to end; filled in once batch mode exists. */
final class BatchMeasurement {
  private BatchMeasurement() {}

  static String measure(boolean quick) {
    return "not measured yet (batch mode not built)";
  }
}
