package org.spinefoot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One item of the clinical inventory, as kept in {@code rules/inventory.yaml}: the knowledge a
 * rule must encode, the urgency it must reach and where it comes from. Immutable. Read from the
 * knowledge by {@link Assessor#inventory()}; mostly of use to reviewers' tools.
 *
 * @param id e.g. {@code RF-07}
 * @param title what the item says, in our own words
 * @param urgency EMERGENCY, URGENT, SOON, SELF_CARE, or NONE
 * @param sources article file and section, or guideline
 */
public record InventoryItem(String id, String title, String urgency, List<String> sources) {
  /** The form of an inventory ID: a series and two digits, e.g. {@code RF-07}. */
  public static final java.util.regex.Pattern ID_FORM =
      java.util.regex.Pattern.compile("(RF|CI|AC|SC|RE|INT)-\\d{2}");

  /**
   * An item as read from {@code inventory.yaml}; {@code sources} is copied.
   *
   * @param id e.g. {@code RF-07}
   * @param title what the item says, in our own words
   * @param urgency EMERGENCY, URGENT, SOON, SELF_CARE, or NONE
   * @param sources article file and section, or guideline; at least one
   * @throws IllegalArgumentException if a field is missing or {@code sources} is empty
   */
  @JsonCreator
  public InventoryItem(
      @JsonProperty("id") String id,
      @JsonProperty("title") String title,
      @JsonProperty("urgency") String urgency,
      @JsonProperty("sources") List<String> sources) {
    if (id == null || title == null || urgency == null || sources == null || sources.isEmpty()) {
      throw new IllegalArgumentException("an inventory item needs id, title, urgency and sources");
    }
    this.id = id;
    this.title = title;
    this.urgency = urgency;
    this.sources = List.copyOf(sources);
  }
}
