package org.spinefoot.bench;

import java.lang.reflect.Field;
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
 * values". {@code java ... AlphaNodes}.
 */
public final class AlphaNodes {
  private AlphaNodes() {}

  public static void main(String[] args) throws Exception {
    count(Assessor.fromClasspath()).forEach((type, n) ->
        System.out.printf("%-22s %3d sinks, %3d hashed%n", type, n[0], n[1]));
  }

  /** For each fact type with alpha nodes: {@code [sinks of its type node, how many hashed]}. */
  static java.util.Map<String, int[]> count(Assessor assessor) throws ReflectiveOperationException {
    Field f = Assessor.class.getDeclaredField("kieBase");
    f.setAccessible(true);
    InternalRuleBase base = (InternalRuleBase) (KieBase) f.get(assessor);
    java.util.Map<String, int[]> out = new java.util.TreeMap<>();
    for (EntryPointNode ep : base.getRete().getEntryPointNodes().values()) {
      for (ObjectTypeNode otn : ep.getObjectTypeNodes().values()) {
        ObjectSinkPropagator p = otn.getObjectSinkPropagator();
        int sinks = p.getSinks().length;
        int hashed = p instanceof CompositeObjectSinkAdapter c && c.getHashedSinkMap() != null
            ? c.getHashedSinkMap().size() : 0;
        String type = otn.getObjectType().getClassName();
        if (sinks > 0 && type.startsWith("org.spinefoot.engine.facts.")) {
          out.put(type.substring(type.lastIndexOf('.') + 1), new int[] {sinks, hashed});
        }
      }
    }
    return out;
  }
}
