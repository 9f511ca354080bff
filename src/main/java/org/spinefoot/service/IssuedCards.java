package org.spinefoot.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cards this service issued, each with its hook instance, so that feedback can be checked
 * against them. Shared by the hook, which issues cards, and the feedback endpoint, which reads
 * them. Bounded: the oldest are forgotten, and feedback on them is refused.
 */
final class IssuedCards {
  private static final int MAX_REMEMBERED_CARDS = 100_000;

  private final Map<String, String> hookInstanceByCard = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> e) {
          return size() > MAX_REMEMBERED_CARDS;
        }
      });

  void remember(String cardUuid, String hookInstance) {
    hookInstanceByCard.put(cardUuid, hookInstance);
  }

  /** The hook instance the card was issued in; null when not issued, or issued too long ago. */
  String hookInstanceOf(String cardUuid) {
    return hookInstanceByCard.get(cardUuid);
  }
}
