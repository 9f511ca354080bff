package example.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a knowledge change does to a corpus: the job's impact report, written as {@code
 * summary.json}.
 *
 * @param records records in the corpus (blank lines not counted)
 * @param assessed records assessed by both knowledge bases
 * @param errors records with an error instead of a result, by kind ({@code input}, {@code rule},
 *     {@code internal}); each is in the per-record results with its message
 * @param before the knowledge base before the change
 * @param after the knowledge base after the change
 * @param dispositions how many records have each disposition before (outer key) and after
 *     (inner key), in order of urgency
 * @param wentDown how many records have a less urgent disposition after than before
 * @param wentDownRecords those records, by record number: first for safety review
 * @param findings for each finding ID that appears or disappears, in how many records
 * @param advice for each advice ID that appears or disappears, in how many records
 */
public record ImpactSummary(
    long records,
    long assessed,
    Map<String, Long> errors,
    Knowledge before,
    Knowledge after,
    Map<String, Map<String, Long>> dispositions,
    long wentDown,
    List<Moved> wentDownRecords,
    Map<String, Change> findings,
    Map<String, Change> advice) {

  /**
   * A knowledge base, as its {@code knowledge.yaml} and its rules' hash name it.
   *
   * @param location {@value KnowledgeBases#PACKAGED} or the rules folder
   * @param name the knowledge's name
   * @param version its version
   * @param rulesSha256 the hash of the rules that decided
   */
  public record Knowledge(String location, String name, String version, String rulesSha256)
      implements Serializable {}

  /**
   * A record whose disposition changed.
   *
   * @param record its number in the corpus
   * @param id its {@code id}, or null
   * @param before the disposition before
   * @param after the disposition after
   */
  public record Moved(long record, String id, String before, String after) {}

  /**
   * How many records gained or lost one ID.
   *
   * @param added records that have it after and not before
   * @param removed records that had it before and not after
   */
  public record Change(long added, long removed) {}
}
