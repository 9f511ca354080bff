package org.spinefoot.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.InventoryItem;
import org.spinefoot.RuleInfo;

/**
 * Which cases prove which rules and inventory items. Complete when every rule fires in some case
 * and is the near-miss of another, and every inventory item is encoded by a rule and has a case
 * that concludes it and a near-miss case that must not.
 *
 * <p>A case concludes a rule or item when the rule fires (its conclusion stands), or its expectation lists the item's
 * ID, the rule's ID or an ID the rule concludes under {@code present}/{@code rulesFired}. It is a
 * near-miss when it lists them under {@code absent}/{@code rulesNotFired}.
 */
public final class Coverage {
  /** Coverage of one rule: the cases it fired in, and the near-miss cases. */
  public record RuleCoverage(RuleInfo rule, List<String> firedIn, List<String> nearMissIn) {
    public boolean complete() {
      return !firedIn.isEmpty() && !nearMissIn.isEmpty();
    }
  }

  /** Coverage of one inventory item. */
  public record ItemCoverage(
      InventoryItem item, List<String> rules, List<String> positiveIn, List<String> nearMissIn) {
    public boolean complete() {
      return !rules.isEmpty() && !positiveIn.isEmpty() && !nearMissIn.isEmpty();
    }
  }

  private final List<RuleCoverage> rules;
  private final List<ItemCoverage> items;

  private Coverage(List<RuleCoverage> rules, List<ItemCoverage> items) {
    this.rules = List.copyOf(rules);
    this.items = List.copyOf(items);
  }

  public List<RuleCoverage> rules() {
    return rules;
  }

  public List<ItemCoverage> items() {
    return items;
  }

  public boolean complete() {
    return rules.stream().allMatch(RuleCoverage::complete)
        && items.stream().allMatch(ItemCoverage::complete);
  }

  /** What is missing, one line each; empty when complete. */
  public List<String> gaps() {
    List<String> out = new ArrayList<>();
    for (RuleCoverage r : rules) {
      if (r.firedIn().isEmpty()) {
        out.add("rule " + r.rule().id() + " (" + r.rule().location() + ") fires in no case");
      }
      if (r.nearMissIn().isEmpty()) {
        out.add("rule " + r.rule().id() + " (" + r.rule().location() + ") has no near-miss case");
      }
    }
    for (ItemCoverage i : items) {
      if (i.rules().isEmpty()) {
        out.add("inventory " + i.item().id() + " is encoded by no rule");
      }
      if (i.positiveIn().isEmpty()) {
        out.add("inventory " + i.item().id() + " has no case that concludes it");
      }
      if (i.nearMissIn().isEmpty()) {
        out.add("inventory " + i.item().id() + " has no near-miss case");
      }
    }
    return out;
  }

  /** Computes coverage of the assessor's rules and inventory by the results of valid cases. */
  public static Coverage of(Assessor assessor, List<CaseResult> results) {
    Map<String, TreeSet<String>> fired = new LinkedHashMap<>();
    Map<String, TreeSet<String>> ruleNearMiss = new LinkedHashMap<>();
    Map<String, TreeSet<String>> itemPositive = new LinkedHashMap<>();
    Map<String, TreeSet<String>> itemNearMiss = new LinkedHashMap<>();
    for (CaseResult result : results) {
      if (result.testCase() == null) {
        continue;
      }
      for (Assessment a : result.assessments()) {
        a.standingRules().forEach(id -> add(fired, id, result.name()));
      }
      List<Expectation> expectations = new ArrayList<>();
      expectations.add(result.testCase().expect());
      result.testCase().steps().forEach(s -> expectations.add(s.expect()));
      for (RuleInfo rule : assessor.rules()) {
        for (Expectation e : expectations) {
          if (e.rulesNotFired().contains(rule.id()) || mentions(e.absent(), rule)) {
            add(ruleNearMiss, rule.id(), result.name());
            rule.inventory().forEach(i -> add(itemNearMiss, i, result.name()));
          }
          if (e.rulesFired().contains(rule.id()) || mentions(e.present(), rule)) {
            rule.inventory().forEach(i -> add(itemPositive, i, result.name()));
          }
        }
      }
      for (Expectation e : expectations) {
        e.present().forEach(id -> add(itemPositive, id, result.name()));
        e.absent().forEach(id -> add(itemNearMiss, id, result.name()));
      }
    }
    List<RuleCoverage> rules = new ArrayList<>();
    for (RuleInfo rule : assessor.rules()) {
      rules.add(new RuleCoverage(rule, list(fired, rule.id()), list(ruleNearMiss, rule.id())));
    }
    List<ItemCoverage> items = new ArrayList<>();
    for (InventoryItem item : assessor.inventory()) {
      List<String> encodedBy = assessor.rules().stream()
          .filter(r -> r.inventory().contains(item.id())).map(RuleInfo::id).toList();
      items.add(new ItemCoverage(item, encodedBy, list(itemPositive, item.id()),
          list(itemNearMiss, item.id())));
    }
    return new Coverage(rules, items);
  }

  // An expectation names a rule when it lists the rule's conclusion IDs; an inventory ID counts
  // only for rules whose every conclusion carries it, so a listed RF-07 names the RF-07 rule.
  private static boolean mentions(List<String> ids, RuleInfo rule) {
    for (String id : ids) {
      if (rule.concludes().contains(id) || rule.inventory().contains(id)) {
        return true;
      }
    }
    return false;
  }

  private static void add(Map<String, TreeSet<String>> map, String key, String caseName) {
    map.computeIfAbsent(key, k -> new TreeSet<>()).add(caseName);
  }

  private static List<String> list(Map<String, TreeSet<String>> map, String key) {
    return map.containsKey(key) ? List.copyOf(map.get(key)) : List.of();
  }

  /** The report as text: one line per rule, one per inventory item, then the gaps. */
  public String report() {
    StringBuilder sb = new StringBuilder("Rule coverage (cases firing / near-miss cases)\n");
    for (RuleCoverage r : rules) {
      sb.append(String.format("  %-3s %-48s %3d fired %3d near-miss  %s%n",
          r.complete() ? "ok" : "GAP", r.rule().id(), r.firedIn().size(), r.nearMissIn().size(),
          r.rule().location()));
    }
    sb.append("\nInventory coverage (rules / positive cases / near-miss cases)\n");
    for (ItemCoverage i : items) {
      sb.append(String.format("  %-3s %-7s %2d rules %3d positive %3d near-miss  %s%n",
          i.complete() ? "ok" : "GAP", i.item().id(), i.rules().size(), i.positiveIn().size(),
          i.nearMissIn().size(), String.join(", ", i.positiveIn().stream().limit(3).toList())));
    }
    List<String> gaps = gaps();
    long rulesOk = rules.stream().filter(RuleCoverage::complete).count();
    long itemsOk = items.stream().filter(ItemCoverage::complete).count();
    sb.append(String.format("%nCoverage: %d of %d rules, %d of %d inventory items complete%n",
        rulesOk, rules.size(), itemsOk, items.size()));
    gaps.forEach(g -> sb.append("  gap: ").append(g).append('\n'));
    return sb.toString();
  }
}
