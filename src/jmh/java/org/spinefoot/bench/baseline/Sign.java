package org.spinefoot.bench.baseline;

import org.spinefoot.bench.baseline.engine.facts.Keys;

/**
 * The yes/no questions a patient record can answer. Each has a key (its name in patient files)
 * and a label (how it reads in a reason). Which of them are red-flag questions is declared in the
 * knowledge, beside the rules (rules/red-flag-questions.yaml), not here.
 */
public enum Sign {
  // History
  /** {@code signs.overweight}: overweight. */
  OVERWEIGHT(Category.HISTORY, "overweight"),
  /**
   * {@code signs.repetitiveMovements}: repetitive bending, lifting or other repetitive movements.
   */
  REPETITIVE_MOVEMENTS(Category.HISTORY, "repetitive bending, lifting or other repetitive movements"),
  /** {@code signs.diabetes}: diabetes. */
  DIABETES(Category.HISTORY, "diabetes"),
  /** {@code signs.lymeDisease}: Lyme disease. */
  LYME_DISEASE(Category.HISTORY, "Lyme disease"),
  /** {@code signs.recentAnaesthesia}: anaesthesia in the last few days. */
  RECENT_ANAESTHESIA(Category.HISTORY, "anaesthesia in the last few days"),
  /**
   * {@code signs.recentInjury}: an injury to the head, neck or back shortly before the symptoms.
   */
  RECENT_INJURY(Category.HISTORY, "an injury to the head, neck or back shortly before the symptoms"),
  /** {@code signs.knownHerniatedDisc}: a herniated disc diagnosed before. */
  KNOWN_HERNIATED_DISC(Category.HISTORY, "a herniated disc diagnosed before"),
  /** {@code signs.knownSpinalStenosis}: spinal stenosis diagnosed before. */
  KNOWN_SPINAL_STENOSIS(Category.HISTORY, "spinal stenosis diagnosed before"),
  /**
   * {@code signs.knownSpondylolisthesis}: spondylolisthesis (a slipped vertebra) diagnosed before.
   */
  KNOWN_SPONDYLOLISTHESIS(Category.HISTORY, "spondylolisthesis (a slipped vertebra) diagnosed before"),
  /** {@code signs.earlierSciatica}: an earlier episode of sciatica. */
  EARLIER_SCIATICA(Category.HISTORY, "an earlier episode of sciatica"),
  /** {@code signs.cancerHistory}: a history of cancer. */
  CANCER_HISTORY(Category.HISTORY, "a history of cancer"),
  /** {@code signs.poorFootwear}: poorly fitting or unsupportive footwear. */
  POOR_FOOTWEAR(Category.HISTORY, "poorly fitting or unsupportive footwear"),
  /** {@code signs.footInjury}: an injury to the foot. */
  FOOT_INJURY(Category.HISTORY, "an injury to the foot"),
  /** {@code signs.footTreatmentFailed}: no improvement with treatment of the foot alone. */
  FOOT_TREATMENT_FAILED(Category.HISTORY, "no improvement with treatment of the foot alone"),

  // Symptoms that are not tied to one body site
  /** {@code signs.painRadiatesDownLeg}: pain running down the back of the leg. */
  PAIN_RADIATES_DOWN_LEG(Category.SYMPTOM, "pain running down the back of the leg"),
  /** {@code signs.severeNumbness}: severe numbness. */
  SEVERE_NUMBNESS(Category.SYMPTOM, "severe numbness"),
  /** {@code signs.lowBackStiff}: a stiff or poorly supported low back. */
  LOW_BACK_STIFF(Category.SYMPTOM, "a stiff or poorly supported low back"),
  /**
   * {@code signs.tightBackOfLegToSole}: tightness down the back of the leg into the sole of the
   * foot.
   */
  TIGHT_BACK_OF_LEG_TO_SOLE(Category.SYMPTOM, "tightness down the back of the leg into the sole of the foot"),

  // Time course
  /** {@code signs.suddenOnset}: sudden onset. */
  SUDDEN_ONSET(Category.COURSE, "sudden onset"),
  /**
   * {@code signs.rapidlyWorsening}: numbness or weakness getting rapidly worse over a short time.
   */
  RAPIDLY_WORSENING(Category.COURSE, "numbness or weakness getting rapidly worse over a short time"),
  /** {@code signs.spreadingQuickly}: numbness spreading quickly. */
  SPREADING_QUICKLY(Category.COURSE, "numbness spreading quickly"),
  /** {@code signs.gettingWorse}: symptoms getting worse. */
  GETTING_WORSE(Category.COURSE, "symptoms getting worse"),
  /** {@code signs.resolvedWithinMinutes}: numbness that passed within minutes. */
  RESOLVED_WITHIN_MINUTES(Category.COURSE, "numbness that passed within minutes"),

  // Triggers
  /**
   * {@code signs.worseStandingEasedBySitting}: worse when standing or walking, eased by sitting or
   * bending forward.
   */
  WORSE_STANDING_EASED_BY_SITTING(Category.TRIGGER, "worse when standing or walking, eased by sitting or bending forward"),
  /** {@code signs.worseAfterLongRest}: worse after sitting or lying down for a long time. */
  WORSE_AFTER_LONG_REST(Category.TRIGGER, "worse after sitting or lying down for a long time"),
  /**
   * {@code signs.beganAfterFixedPosition}: began after sitting cross-legged or in one position for
   * a long time.
   */
  BEGAN_AFTER_FIXED_POSITION(Category.TRIGGER, "began after sitting cross-legged or in one position for a long time"),

  // Alarm symptoms
  /** {@code signs.bladderOrBowelControlLost}: loss of bladder or bowel control. */
  BLADDER_OR_BOWEL_CONTROL_LOST(Category.ALARM, "loss of bladder or bowel control"),
  /** {@code signs.confusionOrFainting}: confusion or loss of consciousness, even briefly. */
  CONFUSION_OR_FAINTING(Category.ALARM, "confusion or loss of consciousness, even briefly"),
  /** {@code signs.slurredSpeech}: slurred speech. */
  SLURRED_SPEECH(Category.ALARM, "slurred speech"),
  /** {@code signs.visionChange}: a change in vision. */
  VISION_CHANGE(Category.ALARM, "a change in vision"),
  /** {@code signs.difficultyWalking}: difficulty walking. */
  DIFFICULTY_WALKING(Category.ALARM, "difficulty walking"),
  /** {@code signs.cannotControlLimb}: unable to control how an arm or leg moves. */
  CANNOT_CONTROL_LIMB(Category.ALARM, "unable to control how an arm or leg moves"),
  /** {@code signs.weaknessOrParalysis}: weakness or paralysis. */
  WEAKNESS_OR_PARALYSIS(Category.ALARM, "weakness or paralysis"),
  /** {@code signs.fever}: fever. */
  FEVER(Category.ALARM, "fever"),
  /** {@code signs.unexplainedWeightLoss}: unexplained weight loss. */
  UNEXPLAINED_WEIGHT_LOSS(Category.ALARM, "unexplained weight loss"),
  /** {@code signs.severeNightPain}: severe pain that gets worse at night. */
  SEVERE_NIGHT_PAIN(Category.ALARM, "severe pain that gets worse at night"),

  // Examination or self-check
  /** {@code signs.heelWalkFails}: cannot lift the front of the foot when walking on the heels. */
  HEEL_WALK_FAILS(Category.EXAMINATION, "cannot lift the front of the foot when walking on the heels"),
  /**
   * {@code signs.footDrop}: foot drop: the ankle will not easily flex up and the front of the foot
   * is hard to raise.
   */
  FOOT_DROP(Category.EXAMINATION, "foot drop: the ankle will not easily flex up and the front of the foot is hard to raise"),
  /** {@code signs.oneSidedWeakness}: weaker on one side. */
  ONE_SIDED_WEAKNESS(Category.EXAMINATION, "weaker on one side"),
  /** {@code signs.poorBalance}: poor balance or unsteadiness. */
  POOR_BALANCE(Category.EXAMINATION, "poor balance or unsteadiness"),
  /** {@code signs.pelvisUneven}: the pelvis balance check shows more pressure on one side. */
  PELVIS_UNEVEN(Category.EXAMINATION, "the pelvis balance check shows more pressure on one side");

  private final Category category;
  private final String label;
  private final String key;

  Sign(Category category, String label) {
    this.category = category;
    this.label = label;
    this.key = Keys.camelCase(name());
  }

  /**
   * The group the question belongs to.
   *
   * @return its category, e.g. {@link Category#ALARM}
   */
  public Category getCategory() {
    return category;
  }

  /**
   * How the sign reads in a reason and in a questionnaire.
   *
   * @return e.g. "loss of bladder or bowel control"
   */
  public String getLabel() {
    return label;
  }

  /**
   * The sign's name in patient files, under {@code signs}; also what {@link #toString()} gives.
   *
   * @return e.g. {@code bladderOrBowelControlLost}
   */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return key;
  }
}
