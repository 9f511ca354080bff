package org.spinefoot.bench.baseline.engine.facts;

import java.util.Locale;
import java.util.Objects;
import org.spinefoot.bench.baseline.Answer;
import org.spinefoot.bench.baseline.Side;
import org.spinefoot.bench.baseline.Site;

/** Numbness or pain at one body site, with its side when present. */
public abstract class LocatedSymptom extends Question {
  private final Site site;
  private final Side side;

  protected LocatedSymptom(Site site, Answer answer, Side side) {
    super(answer);
    this.site = Objects.requireNonNull(site, "site");
    this.side = answer == Answer.PRESENT ? Objects.requireNonNull(side, "side") : null;
  }

  public Site getSite() {
    return site;
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
    return kind() + "." + site.key();
  }

  @Override
  public String getLabel() {
    return feeling() + " in " + site.getLabel();
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
        && ((LocatedSymptom) o).site == site
        && ((LocatedSymptom) o).side == side
        && ((LocatedSymptom) o).getAnswer() == getAnswer();
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), site, side, getAnswer());
  }
}
