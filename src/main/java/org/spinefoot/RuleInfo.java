package org.spinefoot;

import java.util.List;

/**
 * One rule of the knowledge base and its provenance, as a reviewer reads it ({@link
 * Assessor#rules()}). Immutable: the lists are copies.
 *
 * @param id the stable rule ID ({@code @id})
 * @param name the rule's name: the clinician's sentence
 * @param topic the DRL package, which is the rule file's folder under {@code rules/}
 * @param file the rule file, relative to the rules root, e.g. {@code redflags/red-flags.drl}
 * @param line the line of the file where the rule starts
 * @param inventory the inventory IDs the rule encodes ({@code @inventory})
 * @param urgency the urgency of the findings it concludes, or NONE ({@code @urgency})
 * @param sources article file and section, or guideline ({@code @source})
 * @param concludes the IDs of the findings, considerations and advice its action inserts
 * @param drl the rule's DRL text, from {@code rule} to {@code end}
 * @param saferReading where the rule reads its source more widely than the letter, so that the
 *     higher urgency wins (INT-02), why ({@code @saferReading}); null when it follows the letter
 */
public record RuleInfo(
    String id,
    String name,
    String topic,
    String file,
    int line,
    List<String> inventory,
    String urgency,
    List<String> sources,
    List<String> concludes,
    String drl,
    String saferReading) {
  /**
   * Copies the lists, so the rule cannot change afterwards.
   *
   * @param id the stable rule ID ({@code @id})
   * @param name the rule's name: the clinician's sentence
   * @param topic the DRL package, which is the rule file's folder under {@code rules/}
   * @param file the rule file, relative to the rules root, e.g. {@code redflags/red-flags.drl}
   * @param line the line of the file where the rule starts
   * @param inventory the inventory IDs the rule encodes ({@code @inventory})
   * @param urgency the urgency of the findings it concludes, or NONE ({@code @urgency})
   * @param sources article file and section, or guideline ({@code @source})
   * @param concludes the IDs of the findings, considerations and advice its action inserts
   * @param drl the rule's DRL text, from {@code rule} to {@code end}
   * @param saferReading where the rule reads its source more widely than the letter, so that the
   *     higher urgency wins (INT-02), why ({@code @saferReading}); null when it follows the letter
   * @throws NullPointerException if {@code inventory}, {@code sources} or {@code concludes} is
   *     null or holds null
   */
  public RuleInfo {
    inventory = List.copyOf(inventory);
    sources = List.copyOf(sources);
    concludes = List.copyOf(concludes);
  }

  /**
   * Where the rule is, for messages.
   *
   * @return {@code file:line}, e.g. {@code redflags/red-flags.drl:12}
   */
  public String location() {
    return file + ":" + line;
  }
}
