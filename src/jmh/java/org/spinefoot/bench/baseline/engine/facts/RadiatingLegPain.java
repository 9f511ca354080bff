package org.spinefoot.bench.baseline.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;
import org.spinefoot.bench.baseline.Side;

/**
 * Pain runs from the low back or buttock down the back of the leg (sciatic pain), on a side when
 * the record gives one. Concluded from the yes/no question or from pain at the back of the leg.
 */
public final class RadiatingLegPain extends Conclusion {
  private final Side side;

  public RadiatingLegPain(RuleContext context, Side side) {
    super(context);
    this.side = Objects.requireNonNull(side, "side");
  }

  /** The side the pain runs down; {@link Side#UNSPECIFIED} when the record does not say. */
  public Side getSide() {
    return side;
  }

  @Override
  public String describe() {
    return side == Side.BOTH ? "pain running down both legs"
        : side == Side.UNSPECIFIED ? "pain running down the leg"
        : "pain running down the " + side.name().toLowerCase(java.util.Locale.ROOT) + " leg";
  }
}
