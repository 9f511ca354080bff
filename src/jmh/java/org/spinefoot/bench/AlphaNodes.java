package org.spinefoot.bench;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.ObjectSinkPropagator;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.spinefoot.Assessor;

/**
 * How many of each fact type's alpha nodes the rule network hashes (looks up by value rather than
 * testing one by one), for the packaged knowledge base: the measure of "constraints on hashable
 * values". {@code java ... AlphaNodes}; {@link #counts} for any knowledge base.
 */
public final class AlphaNodes {
  private AlphaNodes() {}

  public static void main(String[] args) throws Exception {
    counts(Assessor.fromClasspath()).forEach((type, c) -> {
      if (c[0] > 0 && type.startsWith("org.spinefoot.engine.facts.")) {
        System.out.printf("%-22s %3d sinks, %3d hashed%n",
            type.substring(type.lastIndexOf('.') + 1), c[0], c[1]);
      }
    });
  }

  /** As {@link #counts(KieBase)}, for an assessor's knowledge base. */
  public static Map<String, int[]> counts(Assessor assessor) throws ReflectiveOperationException {
    Field f = Assessor.class.getDeclaredField("kieBase");
    f.setAccessible(true);
    return counts((KieBase) f.get(assessor));
  }

  /**
   * For each fact type of a knowledge base (by class name), the alpha nodes right under its type
   * node and how many of them are hashed: {sinks, hashed}.
   */
  public static Map<String, int[]> counts(KieBase kieBase) {
    Map<String, int[]> out = new TreeMap<>();
    InternalRuleBase base = (InternalRuleBase) kieBase;
    for (EntryPointNode ep : base.getRete().getEntryPointNodes().values()) {
      for (ObjectTypeNode otn : ep.getObjectTypeNodes().values()) {
        ObjectSinkPropagator p = otn.getObjectSinkPropagator();
        int sinks = p.getSinks().length;
        int hashed = p instanceof CompositeObjectSinkAdapter c && c.getHashedSinkMap() != null
            ? c.getHashedSinkMap().size() : 0;
        out.put(otn.getObjectType().getClassName(), new int[] {sinks, hashed});
      }
    }
    return out;
  }
}
