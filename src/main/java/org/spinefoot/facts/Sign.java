package org.spinefoot.facts;

/**
 * The yes/no questions a patient record can answer. Each has a key (its name in patient files),
 * a label (how it reads in a reason) and whether it is a red-flag question: one that some red-flag
 * rule needs, so that leaving it unasked keeps the record out of self-care (inventory INT-03).
 */
public enum Sign {
  // History
  OVERWEIGHT(Category.HISTORY, false, "overweight"),
  REPETITIVE_MOVEMENTS(Category.HISTORY, false, "repetitive bending, lifting or other repetitive movements"),
  DIABETES(Category.HISTORY, false, "diabetes"),
  LYME_DISEASE(Category.HISTORY, false, "Lyme disease"),
  RECENT_ANAESTHESIA(Category.HISTORY, false, "anaesthesia in the last few days"),
  RECENT_INJURY(Category.HISTORY, true, "an injury to the head, neck or back shortly before the symptoms"),
  KNOWN_HERNIATED_DISC(Category.HISTORY, false, "a herniated disc diagnosed before"),
  KNOWN_SPINAL_STENOSIS(Category.HISTORY, false, "spinal stenosis diagnosed before"),
  KNOWN_SPONDYLOLISTHESIS(Category.HISTORY, false, "spondylolisthesis (a slipped vertebra) diagnosed before"),
  EARLIER_SCIATICA(Category.HISTORY, false, "an earlier episode of sciatica"),
  CANCER_HISTORY(Category.HISTORY, true, "a history of cancer"),
  POOR_FOOTWEAR(Category.HISTORY, false, "poorly fitting or unsupportive footwear"),
  FOOT_INJURY(Category.HISTORY, false, "an injury to the foot"),
  FOOT_TREATMENT_FAILED(Category.HISTORY, false, "no improvement with treatment of the foot alone"),

  // Symptoms that are not tied to one body site
  PAIN_RADIATES_DOWN_LEG(Category.SYMPTOM, false, "pain running down the back of the leg"),
  SEVERE_NUMBNESS(Category.SYMPTOM, true, "severe numbness"),
  LOW_BACK_STIFF(Category.SYMPTOM, false, "a stiff or poorly supported low back"),
  TIGHT_BACK_OF_LEG_TO_SOLE(Category.SYMPTOM, false, "tightness down the back of the leg into the sole of the foot"),

  // Time course
  SUDDEN_ONSET(Category.COURSE, true, "sudden onset"),
  RAPIDLY_WORSENING(Category.COURSE, true, "numbness or weakness getting rapidly worse over a short time"),
  SPREADING_QUICKLY(Category.COURSE, true, "numbness spreading quickly"),
  GETTING_WORSE(Category.COURSE, false, "symptoms getting worse"),
  RESOLVED_WITHIN_MINUTES(Category.COURSE, false, "numbness that passed within minutes"),

  // Triggers
  WORSE_STANDING_EASED_BY_SITTING(Category.TRIGGER, false, "worse when standing or walking, eased by sitting or bending forward"),
  WORSE_AFTER_LONG_REST(Category.TRIGGER, false, "worse after sitting or lying down for a long time"),
  BEGAN_AFTER_FIXED_POSITION(Category.TRIGGER, false, "began after sitting cross-legged or in one position for a long time"),

  // Alarm symptoms: every one is a red-flag question
  BLADDER_OR_BOWEL_CONTROL_LOST(Category.ALARM, true, "loss of bladder or bowel control"),
  CONFUSION_OR_FAINTING(Category.ALARM, true, "confusion or loss of consciousness, even briefly"),
  SLURRED_SPEECH(Category.ALARM, true, "slurred speech"),
  VISION_CHANGE(Category.ALARM, true, "a change in vision"),
  DIFFICULTY_WALKING(Category.ALARM, true, "difficulty walking"),
  CANNOT_CONTROL_LIMB(Category.ALARM, true, "unable to control how an arm or leg moves"),
  WEAKNESS_OR_PARALYSIS(Category.ALARM, true, "weakness or paralysis"),
  FEVER(Category.ALARM, true, "fever"),
  UNEXPLAINED_WEIGHT_LOSS(Category.ALARM, true, "unexplained weight loss"),
  SEVERE_NIGHT_PAIN(Category.ALARM, true, "severe pain that gets worse at night"),

  // Examination or self-check
  HEEL_WALK_FAILS(Category.EXAMINATION, false, "cannot lift the front of the foot when walking on the heels"),
  FOOT_DROP(Category.EXAMINATION, false, "foot drop: the ankle will not easily flex up and the front of the foot is hard to raise"),
  ONE_SIDED_WEAKNESS(Category.EXAMINATION, false, "weaker on one side"),
  POOR_BALANCE(Category.EXAMINATION, false, "poor balance or unsteadiness"),
  PELVIS_UNEVEN(Category.EXAMINATION, false, "the pelvis balance check shows more pressure on one side");

  private final Category category;
  private final boolean redFlagQuestion;
  private final String label;
  private final String key;

  Sign(Category category, boolean redFlagQuestion, String label) {
    this.category = category;
    this.redFlagQuestion = redFlagQuestion;
    this.label = label;
    this.key = Keys.camelCase(name());
  }

  public Category getCategory() {
    return category;
  }

  /** True when some red-flag rule needs this answer, so it must be asked before self-care. */
  public boolean isRedFlagQuestion() {
    return redFlagQuestion;
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
