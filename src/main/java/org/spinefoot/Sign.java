package org.spinefoot;

import org.spinefoot.engine.facts.Keys;

/**
 * The yes/no questions a patient record can answer. Each has a key (its name in patient files)
 * and a label (how it reads in a reason). Which of them are red-flag questions is declared in the
 * knowledge, beside the rules (rules/red-flag-questions.yaml), not here.
 */
public enum Sign {
  // History
  OVERWEIGHT(Category.HISTORY, "overweight"),
  REPETITIVE_MOVEMENTS(Category.HISTORY, "repetitive bending, lifting or other repetitive movements"),
  DIABETES(Category.HISTORY, "diabetes"),
  LYME_DISEASE(Category.HISTORY, "Lyme disease"),
  RECENT_ANAESTHESIA(Category.HISTORY, "anaesthesia in the last few days"),
  RECENT_INJURY(Category.HISTORY, "an injury to the head, neck or back shortly before the symptoms"),
  KNOWN_HERNIATED_DISC(Category.HISTORY, "a herniated disc diagnosed before"),
  KNOWN_SPINAL_STENOSIS(Category.HISTORY, "spinal stenosis diagnosed before"),
  KNOWN_SPONDYLOLISTHESIS(Category.HISTORY, "spondylolisthesis (a slipped vertebra) diagnosed before"),
  EARLIER_SCIATICA(Category.HISTORY, "an earlier episode of sciatica"),
  CANCER_HISTORY(Category.HISTORY, "a history of cancer"),
  POOR_FOOTWEAR(Category.HISTORY, "poorly fitting or unsupportive footwear"),
  FOOT_INJURY(Category.HISTORY, "an injury to the foot"),
  FOOT_TREATMENT_FAILED(Category.HISTORY, "no improvement with treatment of the foot alone"),

  // Symptoms that are not tied to one body site
  PAIN_RADIATES_DOWN_LEG(Category.SYMPTOM, "pain running down the back of the leg"),
  SEVERE_NUMBNESS(Category.SYMPTOM, "severe numbness"),
  LOW_BACK_STIFF(Category.SYMPTOM, "a stiff or poorly supported low back"),
  TIGHT_BACK_OF_LEG_TO_SOLE(Category.SYMPTOM, "tightness down the back of the leg into the sole of the foot"),

  // Time course
  SUDDEN_ONSET(Category.COURSE, "sudden onset"),
  RAPIDLY_WORSENING(Category.COURSE, "numbness or weakness getting rapidly worse over a short time"),
  SPREADING_QUICKLY(Category.COURSE, "numbness spreading quickly"),
  GETTING_WORSE(Category.COURSE, "symptoms getting worse"),
  RESOLVED_WITHIN_MINUTES(Category.COURSE, "numbness that passed within minutes"),

  // Triggers
  WORSE_STANDING_EASED_BY_SITTING(Category.TRIGGER, "worse when standing or walking, eased by sitting or bending forward"),
  WORSE_AFTER_LONG_REST(Category.TRIGGER, "worse after sitting or lying down for a long time"),
  BEGAN_AFTER_FIXED_POSITION(Category.TRIGGER, "began after sitting cross-legged or in one position for a long time"),

  // Alarm symptoms
  BLADDER_OR_BOWEL_CONTROL_LOST(Category.ALARM, "loss of bladder or bowel control"),
  CONFUSION_OR_FAINTING(Category.ALARM, "confusion or loss of consciousness, even briefly"),
  SLURRED_SPEECH(Category.ALARM, "slurred speech"),
  VISION_CHANGE(Category.ALARM, "a change in vision"),
  DIFFICULTY_WALKING(Category.ALARM, "difficulty walking"),
  CANNOT_CONTROL_LIMB(Category.ALARM, "unable to control how an arm or leg moves"),
  WEAKNESS_OR_PARALYSIS(Category.ALARM, "weakness or paralysis"),
  FEVER(Category.ALARM, "fever"),
  UNEXPLAINED_WEIGHT_LOSS(Category.ALARM, "unexplained weight loss"),
  SEVERE_NIGHT_PAIN(Category.ALARM, "severe pain that gets worse at night"),

  // Examination or self-check
  HEEL_WALK_FAILS(Category.EXAMINATION, "cannot lift the front of the foot when walking on the heels"),
  FOOT_DROP(Category.EXAMINATION, "foot drop: the ankle will not easily flex up and the front of the foot is hard to raise"),
  ONE_SIDED_WEAKNESS(Category.EXAMINATION, "weaker on one side"),
  POOR_BALANCE(Category.EXAMINATION, "poor balance or unsteadiness"),
  PELVIS_UNEVEN(Category.EXAMINATION, "the pelvis balance check shows more pressure on one side");

  private final Category category;
  private final String label;
  private final String key;

  Sign(Category category, String label) {
    this.category = category;
    this.label = label;
    this.key = Keys.camelCase(name());
  }

  public Category getCategory() {
    return category;
  }

  /** How the sign reads in a reason, e.g. "loss of bladder or bowel control". */
  public String getLabel() {
    return label;
  }

  /** The sign's name in patient files, e.g. {@code bladderOrBowelControlLost}. */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return key;
  }
}
