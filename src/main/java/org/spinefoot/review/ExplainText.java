package org.spinefoot.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spinefoot.Urgency;
import org.spinefoot.report.Wrap;

/**
 * The readable text of an {@link ExplainReport}: the conclusions and the chains behind them
 * first, each shown once; then the rules that fired, one entry per rule with a count, most
 * urgent first; then the withdrawals; then the unasked red-flag questions.
 */
public final class ExplainText {
  private ExplainText() {}

  /** At 80 columns, withdrawals made while the rules settled hidden. */
  public static String render(ExplainReport r, String source) {
    return render(r, source, 80, false);
  }

  /**
   * @param width the longest line
   * @param all also show the conclusions truth maintenance withdrew while the rules settled on
   *     the record (a later conclusion undid them); those withdrawn because the record changed
   *     are always shown
   */
  public static String render(ExplainReport r, String source, int width, boolean all) {
    Wrap w = new Wrap(width);
    w.para("", "  ", "Patient " + r.patientId() + "  (" + source + ")");
    w.para("", "  ", "Disposition: " + r.disposition() + " - " + r.disposition().meaning());
    if (r.stopExercises()) {
      w.para("", "  ", "Stop the exercises: an emergency or urgent finding stands.");
    }

    w.blank().para("", "Conclusions and how they were reached");
    Set<String> shown = new HashSet<>();
    for (ExplainReport.Node n : merged(r.conclusions())) {
      if (!shown.contains(key(n))) {
        node(w, n, "  ", "    ", shown);
      }
    }

    // A rule whose every conclusion was withdrawn is listed apart: among the rules that fired
    // it read as if its conclusion still stood.
    List<Group> groups = groups(r.fired());
    w.blank().para("", "Rules fired whose conclusions stand (one entry per rule, most urgent "
        + "first)");
    groups.stream().filter(g -> g.first.stands()).forEach(g -> firing(w, g));
    List<Group> withdrawnGroups = groups.stream().filter(g -> !g.first.stands()).toList();
    if (!withdrawnGroups.isEmpty()) {
      w.blank().para("", "Rules fired whose conclusions were all withdrawn (nothing of theirs "
          + "stands)");
      for (Group g : withdrawnGroups) {
        firing(w, g);
        r.withdrawn().stream().filter(x -> x.rule().equals(g.first.rule()))
            .map(ExplainReport.Withdrawal::because).distinct()
            .forEach(why -> w.para("      withdrawn because ", "        ", why));
      }
    }

    w.blank().para("", "Withdrawn (a premise stopped holding)");
    List<ExplainReport.Withdrawal> settling = r.withdrawn().stream()
        .filter(x -> !x.recordChanged()).toList();
    List<ExplainReport.Withdrawal> shownWithdrawals = r.withdrawn().stream()
        .filter(x -> all || x.recordChanged()).toList();
    if (shownWithdrawals.isEmpty() && (all || settling.isEmpty())) {
      w.para("  ", "none");
    }
    for (ExplainReport.Withdrawal x : shownWithdrawals) {
      w.para(String.format("  %3d. ", x.order()), "       ", x.description() + "  [" + x.type()
          + ", rule " + x.rule() + "]");
      w.para("       because ", "         ", x.because());
    }
    if (!all && !settling.isEmpty()) {
      w.para("  ", "  ", (shownWithdrawals.isEmpty() ? "none; " : "") + settling.size()
          + " withdrawn while the rules settled on the record, as later conclusions replaced "
          + "earlier ones, are hidden (--all shows them)");
    }

    w.blank().para("", "Red-flag questions not asked, and the disposition if answered yes");
    if (r.unasked().isEmpty()) {
      w.para("  ", "none: every red-flag question was asked");
    }
    for (ExplainReport.WhatIf q : r.unasked()) {
      w.para("  - ", "    ", q.question() + "  (" + q.path() + "): " + q.ifYes()
          + (q.newFindings().isEmpty() ? "" : "  adds " + String.join(", ", q.newFindings())));
    }
    WouldChangeText.render(r.wouldChange(), w);
    return w.toString();
  }

  private static void firing(Wrap w, Group g) {
    ExplainReport.FiredRule f = g.first;
    w.para("  ", "      ", f.rule() + (g.count > 1 ? "  x" + g.count : "") + "  " + f.name());
    w.para("      ", "        ", "urgency " + f.urgency() + "; inventory "
        + String.join(", ", f.inventory()) + "; at " + f.location()
        + (f.sources().isEmpty() ? "" : "; source: " + String.join("; ", f.sources())));
    w.para(g.count > 1 ? "      first matched: " : "      matched: ", "        ",
        list(f.matched()));
    w.para("      concluded: ", "        ", list(List.copyOf(g.concluded)));
  }

  // A conclusion, then each premise on its own line below it; a premise that is itself a
  // conclusion is drawn the same way, one step further in, the first time only.
  private static void node(Wrap w, ExplainReport.Node n, String first, String indent,
      Set<String> shown) {
    shown.add(key(n));
    String ids = "  [" + n.type() + ", rule " + n.rule()
        + (n.inventory().isEmpty() ? "" : ", " + String.join(", ", n.inventory())) + "]";
    w.para(first, indent + "   ", n.description() + ids);
    Set<String> premises = new HashSet<>();
    for (ExplainReport.Premise p : n.because()) {
      if (!premises.add(p.fact())) {
        continue; // two matched facts that read the same are one premise to a reader
      }
      if (p.concludedBy().isEmpty()) {
        w.para(indent + "<- ", indent + "   ", p.fact() + (p.seenAbove() ? "  (see above)" : ""));
        continue;
      }
      for (ExplainReport.Node behind : merged(p.concludedBy())) {
        if (shown.contains(key(behind))) {
          w.para(indent + "<- ", indent + "   ", behind.description() + "  (see above)");
        } else {
          node(w, behind, indent + "<- ", indent + "   ", shown);
        }
      }
    }
  }

  private static String key(ExplainReport.Node n) {
    return n.type() + '\u0000' + n.description() + '\u0000' + n.rule();
  }

  /**
   * One node per conclusion as a reader sees it (kind, description, rule): the same conclusion
   * drawn from several premises, such as the disposition from each finding at its urgency, is
   * shown once with all of them.
   */
  static List<ExplainReport.Node> merged(List<ExplainReport.Node> nodes) {
    Map<String, ExplainReport.Node> byKey = new LinkedHashMap<>();
    for (ExplainReport.Node n : nodes) {
      byKey.merge(key(n), n, (a, b) -> {
        List<ExplainReport.Premise> because = new ArrayList<>(a.because());
        for (ExplainReport.Premise p : b.because()) {
          int same = -1;
          for (int i = 0; i < because.size(); i++) {
            if (because.get(i).fact().equals(p.fact())) {
              same = i;
            }
          }
          if (same < 0) {
            because.add(p);
          } else {
            ExplainReport.Premise q = because.get(same);
            List<ExplainReport.Node> by = new ArrayList<>(q.concludedBy());
            p.concludedBy().stream().filter(x -> !by.contains(x)).forEach(by::add);
            because.set(same, new ExplainReport.Premise(q.fact(), by,
                q.seenAbove() && p.seenAbove()));
          }
        }
        return new ExplainReport.Node(a.type(), a.description(), a.rule(), a.ruleName(),
            a.inventory(), because);
      });
    }
    return List.copyOf(byKey.values());
  }

  /** The firings of one rule. */
  private static final class Group {
    final ExplainReport.FiredRule first;
    int count;
    final Set<String> concluded = new LinkedHashSet<>();

    Group(ExplainReport.FiredRule first) {
      this.first = first;
    }
  }

  private static List<Group> groups(List<ExplainReport.FiredRule> fired) {
    Map<String, Group> byRule = new LinkedHashMap<>();
    for (ExplainReport.FiredRule f : fired) {
      Group g = byRule.computeIfAbsent(f.rule(), k -> new Group(f));
      g.count++;
      g.concluded.addAll(f.concluded());
    }
    List<Group> out = new ArrayList<>(byRule.values());
    out.sort(Comparator.comparingInt((Group g) -> urgencyRank(g.first.urgency()))
        .thenComparingInt(g -> g.first.order()));
    return out;
  }

  // EMERGENCY first; rules that conclude no finding (NONE) after every urgency.
  private static int urgencyRank(String urgency) {
    for (Urgency u : Urgency.values()) {
      if (u.name().equals(urgency)) {
        return Urgency.values().length - u.ordinal();
      }
    }
    return Urgency.values().length + 1;
  }

  private static String list(List<String> items) {
    return items.isEmpty() ? "(nothing)" : String.join("; ", items);
  }
}
