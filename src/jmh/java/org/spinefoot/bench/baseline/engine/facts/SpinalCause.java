package org.spinefoot.bench.baseline.engine.facts;

/** The underlying causes of a sciatica pattern the knowledge base can point to (CI-02). */
public enum SpinalCause {
  HERNIATED_DISC("a herniated disc"),
  SPINAL_STENOSIS("lumbar spinal stenosis"),
  SPONDYLOLISTHESIS("spondylolisthesis (a slipped vertebra)"),
  PIRIFORMIS_SYNDROME("piriformis syndrome");

  private final String label;

  SpinalCause(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }

  /** The ID of the consideration that lists this cause, e.g. {@code consider-herniated-disc}. */
  public String considerationId() {
    return "consider-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
