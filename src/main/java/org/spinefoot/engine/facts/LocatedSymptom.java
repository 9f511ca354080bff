package org.spinefoot.engine.facts;

import java.util.Locale;
import java.util.Objects;
import org.spinefoot.Answer;
import org.spinefoot.Side;
import org.spinefoot.Site;

/** Numbness or pain at one body site, with its side when present. */
public abstract class LocatedSymptom extends Question {
  private final Site definition;
  private final String site;
  private final Side side;

  protected LocatedSymptom(Site site, Answer answer, Side side) {
    super(answer);
    this.definition = Objects.requireNonNull(site, "site");
    this.site = site.key();
    this.side = answer == Answer.PRESENT ? Objects.requireNonNull(side, "side") : null;
  }

  public String getSite() {
    return site;
  }

  /** The site as the vocabulary defines it. */
  public Site definition() {
    return definition;
  }

  /** In the foot (the vocabulary's region foot). */
  public boolean isInFoot() {
    return definition.isInFoot();
  }

  /** In the leg or foot. */
  public boolean isInLowerLimb() {
    return definition.isInLowerLimb();
  }

  /** In the arm or hand. */
  public boolean isInUpperLimb() {
    return definition.isInUpperLimb();
  }

  /** In the neck or arm. */
  public boolean isNeckOrArm() {
    return definition.isNeckOrArm();
  }

  /** The side when present, null otherwise. */
  public Side getSide() {
    return side;
  }

  /** "numbness" or "pain": the name of this symptom's section in patient files. */
  protected abstract String kind();

  /** What is felt, e.g. "numbness or tingling". */
  protected abstract String feeling();

  @Override
  public String getPath() {
    return kind() + "." + site;
  }

  @Override
  public String getLabel() {
    return feeling() + " in " + definition.getLabel();
  }

  @Override
  protected String computeDescription() {
    if (side == null || side == Side.UNSPECIFIED) {
      return super.computeDescription();
    }
    String where = side == Side.BOTH ? "both sides" : side.name().toLowerCase(Locale.ROOT) + " side";
    return getLabel() + " (" + where + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && ((LocatedSymptom) o).site.equals(site)
        && ((LocatedSymptom) o).side == side
        && ((LocatedSymptom) o).getAnswer() == getAnswer();
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), site, side, getAnswer());
  }
}
