package org.spinefoot.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.spinefoot.Urgency;

/** Words for a patient: what each disposition means to do, and glosses for medical terms. */
final class PlainWords {
  private PlainWords() {}

  /** What to do now, for each disposition, in short sentences. */
  static String whatToDo(Urgency u) {
    return switch (u) {
      case EMERGENCY -> "Call emergency services now for an ambulance, or go to an emergency "
          + "department now. Do not wait to see if it gets better.";
      case URGENT -> "See a doctor today. If you cannot get an appointment today, go to an "
          + "urgent care centre.";
      case SOON -> "Book a visit with a doctor in the next few days.";
      case SELF_CARE -> "You can look after this at home for now. See a doctor if it does not "
          + "get better, or if it gets worse.";
    };
  }

  /** The same, as a short phrase after "If you have any of these, ...". */
  static String ifYes(Urgency u) {
    return switch (u) {
      case EMERGENCY -> "call emergency services now";
      case URGENT -> "see a doctor today";
      case SOON -> "book a visit with a doctor in the next few days";
      case SELF_CARE -> "tell your doctor at your next visit";
    };
  }

  /**
   * Medical words a patient may not know, each with a short gloss added after its first use.
   * Longer terms come first, so "cauda equina syndrome" is glossed before "syndrome" could be.
   */
  private static final Map<String, String> GLOSSES = new LinkedHashMap<>();

  static {
    GLOSSES.put("cauda equina syndrome", "the nerves at the bottom of the spine are squeezed");
    GLOSSES.put("lumbar spinal stenosis", "the space for the nerves in the lower back is too narrow");
    GLOSSES.put("spinal stenosis", "the space for the nerves in the spine is too narrow");
    GLOSSES.put("spondylolisthesis", "a bone of the spine has slipped");
    GLOSSES.put("piriformis syndrome", "a muscle deep in the buttock presses on a nerve");
    GLOSSES.put("herniated disc", "a soft pad between two bones of the spine bulges out");
    GLOSSES.put("sciatica", "pain along the big nerve that runs from the back down the leg");
    GLOSSES.put("neuropathy", "damage to the nerves");
    GLOSSES.put("lumbar", "lower back");
    GLOSSES.put("paralysis", "not able to move a part of the body");
    GLOSSES.put("metastasis", "cancer that has spread");
    GLOSSES.put("nerve root", "where a nerve leaves the spine");
    GLOSSES.put("anaesthesia", "medicine that numbs you or puts you to sleep for an operation");
    GLOSSES.put("clinician", "a doctor, nurse or physiotherapist");
  }

  /** The text with the first use of each medical word followed by its gloss in brackets. */
  static String glossed(String text, java.util.Set<String> alreadyGlossed) {
    String out = text;
    for (Map.Entry<String, String> g : GLOSSES.entrySet()) {
      if (alreadyGlossed.contains(g.getKey())) {
        continue;
      }
      int at = out.toLowerCase(Locale.ROOT).indexOf(g.getKey());
      if (at < 0 || insideGloss(out, at)) {
        continue;
      }
      int end = at + g.getKey().length();
      out = out.substring(0, end) + " (" + g.getValue() + ")" + out.substring(end);
      alreadyGlossed.add(g.getKey());
      // A shorter term inside a glossed one ("spinal stenosis" in "lumbar spinal stenosis") is
      // glossed with it.
      for (String shorter : GLOSSES.keySet()) {
        if (g.getKey().contains(shorter)) {
          alreadyGlossed.add(shorter);
        }
      }
    }
    return out;
  }

  private static boolean insideGloss(String text, int at) {
    int open = text.lastIndexOf('(', at);
    return open >= 0 && text.indexOf(')', open) > at;
  }
}
