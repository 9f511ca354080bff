package org.spinefoot.impact;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;
import java.util.Map;
import org.spinefoot.Urgency;

/**
 * An {@link ImpactReport} as one self-contained HTML page (styles inline, no scripts): the
 * knowledge bases, the outcome, the disposition table, the records that went down for safety
 * review, the changes with the rules behind them, and the examples as the clinician's report
 * shows them. Long lists of records that went up, and of errors, are cut in the page; the JSON
 * has every one.
 */
public final class ImpactHtml {
  /** Rows shown of a list that needs no review (records that went up, errors). */
  static final int ROWS_SHOWN = 500;

  private static final String STYLE = """
      body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 80em;
             padding: 0 1em; color: #111; }
      table { border-collapse: collapse; margin: .5em 0 1.5em; }
      th, td { border: 1px solid #bbb; padding: .25em .6em; vertical-align: top; text-align: left; }
      td.n { text-align: right; }
      .same { background: #f3f3f3; }
      .down { background: #fdecea; font-weight: bold; }
      .up { background: #fff3e0; }
      .outcome { border: 3px solid #393; padding: .6em 1em; font-size: 1.15em; }
      .outcome.review { border-color: #b00; background: #fdecea; }
      pre { background: #fafafa; border: 1px solid #ddd; padding: .5em; white-space: pre-wrap;
            font-size: .85em; margin: 0; }
      .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
      code { font-size: .9em; }
      """;

  private ImpactHtml() {}

  /** The page. */
  public static String render(ImpactReport r) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Impact of a knowledge change</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>Impact of a knowledge change</h1>\n");
    h.append("<table>\n<tr><th></th><th>Source</th><th>Knowledge</th><th>Rules SHA-256</th></tr>\n");
    knowledgeRow(h, "Before", r.before());
    knowledgeRow(h, "After", r.after());
    h.append("</table>\n<p>Corpus: <code>").append(esc(r.corpus().path())).append("</code>, ")
        .append(r.corpus().records()).append(" records, ").append(r.corpus().compared())
        .append(" compared, ").append(r.corpus().failed()).append(" could not be compared")
        .append(r.corpus().blank() > 0 ? ", " + r.corpus().blank() + " blank lines" : "")
        .append(".</p>\n");
    h.append("<p class=\"outcome").append(r.wentDown() > 0 ? " review" : "").append("\">")
        .append(esc(r.summary())).append("</p>\n");

    h.append("<h2>Dispositions, before by after</h2>\n<table>\n<tr><th>before \\ after</th>");
    Urgency[] levels = Urgency.values();
    for (int a = levels.length - 1; a >= 0; a--) {
      h.append("<th>").append(levels[a].name()).append("</th>");
    }
    h.append("</tr>\n");
    for (int b = levels.length - 1; b >= 0; b--) {
      Map<Urgency, Long> row = r.dispositions().get(levels[b]);
      h.append("<tr><th>").append(levels[b].name()).append("</th>");
      for (int a = levels.length - 1; a >= 0; a--) {
        long n = row.get(levels[a]);
        String cls = a == b ? "same" : a < b ? (n > 0 ? "down" : "") : (n > 0 ? "up" : "");
        h.append("<td class=\"n ").append(cls).append("\">").append(n).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");

    List<ImpactReport.Moved> down = r.moved().stream().filter(ImpactReport.Moved::safetyReview)
        .toList();
    List<ImpactReport.Moved> up = r.moved().stream().filter(m -> !m.safetyReview()).toList();
    h.append("<h2>Went down: for safety review (").append(down.size()).append(")</h2>\n");
    moved(h, down, true);
    h.append("<h2>Went up (").append(up.size()).append(")</h2>\n");
    moved(h, up, false);

    h.append("<h2>Moves of the disposition</h2>\n");
    if (r.transitions().isEmpty()) {
      h.append("<p>No disposition moved.</p>\n");
    } else {
      h.append("<table>\n<tr><th>Before</th><th>After</th><th>Records</th><th>Examples</th></tr>\n");
      for (ImpactReport.Transition t : r.transitions()) {
        h.append("<tr class=\"").append(t.after().compareTo(t.before()) < 0 ? "down" : "up")
            .append("\"><td>").append(t.before().name()).append("</td><td>")
            .append(t.after().name()).append("</td><td class=\"n\">").append(t.records())
            .append("</td><td>").append(links(t.examples())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append("<h2>Findings and advice added or removed (").append(r.changes().size())
        .append(")</h2>\n");
    if (r.changes().isEmpty()) {
      h.append("<p>No finding or advice changed on any record.</p>\n");
    } else {
      h.append("<table>\n<tr><th>Item</th><th>Change</th><th>Records</th>")
          .append("<th>Rules that did it (inventory)</th><th>Examples</th></tr>\n");
      for (ImpactReport.Change c : r.changes()) {
        h.append("<tr><td>").append(esc(c.kind())).append(" <code>").append(esc(c.id()))
            .append("</code><br>").append(esc(c.text())).append("</td><td>")
            .append(esc(c.what()))
            .append("</td><td class=\"n\">").append(c.records()).append("</td><td>");
        for (ImpactReport.RuleRef rule : c.rules()) {
          h.append("<code>").append(esc(rule.id())).append("</code> ").append(esc(rule.name()))
              .append(" (").append(esc(String.join(", ", rule.inventory()))).append(")<br>");
        }
        h.append("</td><td>").append(links(c.examples())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    if (!r.examples().isEmpty()) {
      h.append("<h2>Examples, as the clinician's report shows them</h2>\n");
      for (ImpactReport.Example e : r.examples()) {
        h.append("<h3 id=\"record-").append(e.record()).append("\">Record ").append(e.record())
            .append(" (").append(esc(e.source())).append(e.id() == null ? "" : ", " + esc(e.id()))
            .append("): ").append(e.before().name()).append(" \u2192 ").append(e.after().name())
            .append("</h3>\n<div class=\"pair\"><div><strong>Before</strong><pre>")
            .append(esc(e.beforeReport())).append("</pre></div><div><strong>After</strong><pre>")
            .append(esc(e.afterReport())).append("</pre></div></div>\n");
      }
    }

    h.append("<h2>Records that could not be compared (").append(r.errors().size())
        .append(")</h2>\n");
    if (r.errors().isEmpty()) {
      h.append("<p>None.</p>\n");
    } else {
      h.append("<table>\n<tr><th>Record</th><th>Id</th><th>Side</th><th>Kind</th>")
          .append("<th>Problem</th></tr>\n");
      for (ImpactReport.RecordError e : r.errors().subList(0,
          Math.min(ROWS_SHOWN, r.errors().size()))) {
        h.append("<tr><td>").append(esc(e.source())).append("</td><td>")
            .append(esc(e.id() == null ? "" : e.id())).append("</td><td>").append(esc(e.side()))
            .append("</td><td>").append(esc(e.kind())).append("</td><td>")
            .append(e.path() == null || e.path().isEmpty() ? ""
                : "<code>" + esc(e.path()) + "</code>: ")
            .append(e.rule() == null ? "" : "rule <code>" + esc(e.rule()) + "</code>: ")
            .append(esc(e.message())).append("</td></tr>\n");
      }
      h.append("</table>\n");
      cut(h, r.errors().size());
    }
    return h.append("</body>\n</html>\n").toString();
  }

  private static void knowledgeRow(StringBuilder h, String side, ImpactReport.Knowledge k) {
    h.append("<tr><th>").append(side).append("</th><td><code>").append(esc(k.source()))
        .append("</code></td><td>").append(esc(k.label())).append("</td><td><code>")
        .append(esc(k.rulesSha256())).append("</code></td></tr>\n");
  }

  /** The records that moved; all of them, or the first {@link #ROWS_SHOWN}. */
  private static void moved(StringBuilder h, List<ImpactReport.Moved> moved, boolean all) {
    int shown = all ? moved.size() : Math.min(ROWS_SHOWN, moved.size());
    if (moved.isEmpty()) {
      h.append("<p>None.</p>\n");
      return;
    }
    h.append("<table>\n<tr><th>Record</th><th>Id</th><th>Before</th><th>After</th>")
        .append("<th>What changed</th><th>The answers that made the difference</th></tr>\n");
    for (ImpactReport.Moved m : moved.subList(0, shown)) {
      h.append("<tr class=\"").append(m.direction()).append("\"><td>").append(esc(m.source()))
          .append("</td><td>").append(esc(m.id() == null ? "" : m.id())).append("</td><td>")
          .append(m.before().name()).append("</td><td>").append(m.after().name())
          .append("</td><td>").append(esc(String.join("; ", m.changes()))).append("</td><td>")
          .append(esc(String.join("; ", m.answers()))).append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (!all) {
      cut(h, moved.size());
    }
  }

  private static void cut(StringBuilder h, int size) {
    if (size > ROWS_SHOWN) {
      h.append("<p>The first ").append(ROWS_SHOWN).append(" of ").append(size)
          .append(" are shown; the JSON report lists every one.</p>\n");
    }
  }

  private static String links(List<Long> records) {
    StringBuilder s = new StringBuilder();
    for (Long n : records) {
      s.append(s.length() == 0 ? "" : ", ").append("<a href=\"#record-").append(n).append("\">")
          .append(n).append("</a>");
    }
    return s.toString();
  }

  private static String esc(String s) {
    return escapeHtml4(s);
  }
}
