package example.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One record's result under both knowledge bases, a row of the job's per-record output (a
 * JavaBean, for Spark's bean encoder). A record that could not be read or assessed has {@code
 * errorKind} and {@code error} set and no dispositions: it is a result too, so nothing is lost.
 */
public class RecordImpact implements Serializable {
  private static final long serialVersionUID = 1L;

  private long record;
  private String id;
  private String beforeDisposition;
  private String afterDisposition;
  private boolean wentDown;
  private List<String> beforeFindings;
  private List<String> afterFindings;
  private List<String> beforeAdvice;
  private List<String> afterAdvice;
  private String errorKind;
  private String error;

  /** The record's number in the corpus, from 1: its line for NDJSON, blank lines counted. */
  public long getRecord() {
    return record;
  }

  public void setRecord(long record) {
    this.record = record;
  }

  /** The record's {@code id}; null when it has none or it could not be read. */
  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  /** The disposition (an {@code Urgency} name) the "before" knowledge gives. */
  public String getBeforeDisposition() {
    return beforeDisposition;
  }

  public void setBeforeDisposition(String beforeDisposition) {
    this.beforeDisposition = beforeDisposition;
  }

  /** The disposition (an {@code Urgency} name) the "after" knowledge gives. */
  public String getAfterDisposition() {
    return afterDisposition;
  }

  public void setAfterDisposition(String afterDisposition) {
    this.afterDisposition = afterDisposition;
  }

  /** True when the "after" disposition is less urgent than the "before": for safety review. */
  public boolean isWentDown() {
    return wentDown;
  }

  public void setWentDown(boolean wentDown) {
    this.wentDown = wentDown;
  }

  /** The finding IDs before, most urgent first. */
  public List<String> getBeforeFindings() {
    return beforeFindings;
  }

  public void setBeforeFindings(List<String> beforeFindings) {
    this.beforeFindings = beforeFindings;
  }

  /** The finding IDs after, most urgent first. */
  public List<String> getAfterFindings() {
    return afterFindings;
  }

  public void setAfterFindings(List<String> afterFindings) {
    this.afterFindings = afterFindings;
  }

  /** The advice IDs before. */
  public List<String> getBeforeAdvice() {
    return beforeAdvice;
  }

  public void setBeforeAdvice(List<String> beforeAdvice) {
    this.beforeAdvice = beforeAdvice;
  }

  /** The advice IDs after. */
  public List<String> getAfterAdvice() {
    return afterAdvice;
  }

  public void setAfterAdvice(List<String> afterAdvice) {
    this.afterAdvice = afterAdvice;
  }

  /**
   * Why the record has no result, as {@code spinefoot batch} names it: {@code input} (the record
   * does not read), {@code rule} (a rule failed or looped on it), {@code internal}; else null.
   */
  public String getErrorKind() {
    return errorKind;
  }

  public void setErrorKind(String errorKind) {
    this.errorKind = errorKind;
  }

  /** What went wrong, naming the knowledge base when only one failed; else null. */
  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }
}
