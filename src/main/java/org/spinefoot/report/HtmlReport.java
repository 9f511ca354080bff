package org.spinefoot.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;
import org.spinefoot.Urgency;

/**
 * The clinician's report as one self-contained HTML page (styles inline, no scripts, no links
 * out) to attach to a record: it reads on screen and prints on paper, the folded detail open.
 */
public final class HtmlReport {
  private HtmlReport() {}

  private static final String STYLE = """
      body { font: 15px/1.45 system-ui, sans-serif; max-width: 46em; margin: 1.5em auto;
             padding: 0 1em; color: #111; }
      h1 { font-size: 1.3em; margin-bottom: .2em; }
      .source { color: #555; margin-top: 0; }
      .disposition { border: 3px solid; padding: .6em 1em; font-size: 1.2em; margin: 1em 0; }
      .EMERGENCY { border-color: #b00; background: #fdecea; }
      .URGENT { border-color: #c60; background: #fff3e0; }
      .SOON { border-color: #06c; background: #e8f1fb; }
      .SELF_CARE { border-color: #393; background: #edf7ed; }
      .disposition strong { display: block; font-size: 1.3em; }
      .safety-net { border-left: 4px solid #b00; padding-left: 1em; }
      li { margin-bottom: .4em; }
      .why, .cite { color: #444; font-size: .92em; display: block; }
      .ifyes { font-weight: bold; }
      details { margin-top: 1.5em; border-top: 1px solid #ccc; }
      summary { font-weight: bold; font-size: 1.1em; margin: .8em 0; }
      @media print { body { margin: 0; max-width: none; } details > summary { list-style: none; } }
      """;

  /**
   * @param source where the record came from
   * @param verbose show finding, inventory and rule IDs
   */
  public static String render(ActionReport r, String source, boolean verbose) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>").append(esc(r.disposition() + ": " + r.patientId()))
        .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    h.append("<h1>Assessment of ").append(esc(r.patientId())).append("</h1>\n");
    h.append("<p class=\"source\">").append(esc(source)).append("</p>\n");
    h.append("<div class=\"disposition ").append(r.disposition().name()).append("\" id=\"disposition\">")
        .append("<strong>").append(r.disposition().name()).append("</strong>")
        .append(esc(capitalised(r.action()))).append('.');
    if (r.stopExercises()) {
      h.append("<br>Stop the exercises: an emergency or urgent finding stands.");
    }
    h.append("</div>\n");

    h.append("<section><h2>Ask next</h2>\n");
    if (r.askNext().isEmpty()) {
      h.append("<p>Nothing: every red-flag question was answered.</p>\n");
    } else {
      h.append("<p>Unanswered red-flag questions, and the disposition a \u201cyes\u201d would give:</p>\n<ul>\n");
      for (ActionReport.Question q : r.askNext()) {
        h.append("<li><span class=\"ifyes\">").append(q.ifYes().name()).append("</span>: ")
            .append(esc(q.question()));
        if (verbose) {
          h.append(" <code>").append(esc(q.path())).append("</code>");
        }
        h.append("</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("</section>\n");

    if (!r.safetyNet().isEmpty()) {
      h.append("<section class=\"safety-net\"><h2>Safety net</h2>\n");
      r.safetyNet().forEach(s -> h.append("<p>").append(esc(s.text())).append(ids(s, verbose))
          .append("</p>\n"));
      h.append("</section>\n");
    }

    h.append("<section><h2>Findings (").append(r.disposition().name()).append(")</h2>\n");
    if (r.findings().isEmpty()) {
      h.append("<p>None at ").append(r.disposition().name()).append(".</p>\n");
    } else {
      items(h, r.findings(), verbose, false);
    }
    h.append("</section>\n");

    h.append("<details open><summary>More detail</summary>\n");
    if (!r.otherFindings().isEmpty()) {
      h.append("<h3>Lower-urgency findings</h3>\n");
      items(h, r.otherFindings(), verbose, true);
    }
    if (!r.causes().isEmpty() || !r.unsupportedCauses().isEmpty()) {
      h.append("<h3>Causes to consider</h3>\n");
      items(h, r.causes(), verbose, false);
      if (!r.unsupportedCauses().isEmpty()) {
        h.append("<p>Not supported by anything in the record: ")
            .append(esc(String.join(", ", r.unsupportedCauses()))).append(".</p>\n");
      }
    }
    h.append("<h3>Advice</h3>\n");
    if (r.advice().isEmpty()) {
      h.append("<p>").append(r.stopExercises() ? "None: stop the exercises and get help as above."
          : r.disposition() == Urgency.SELF_CARE ? "None." : "None until a clinician has assessed.")
          .append("</p>\n");
    } else {
      items(h, r.advice(), verbose, false);
    }
    h.append("</details>\n<footer><p>Knowledge: ").append(esc(r.knowledge()))
        .append("</p></footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void items(StringBuilder h, List<ActionReport.Item> items, boolean verbose,
      boolean withUrgency) {
    h.append("<ul>\n");
    for (ActionReport.Item f : items) {
      h.append("<li>");
      if (withUrgency && f.urgency() != null) {
        h.append("<strong>[").append(f.urgency().name()).append("]</strong> ");
      }
      h.append(esc(f.text())).append(ids(f, verbose));
      if (!f.reason().isEmpty()) {
        h.append("<span class=\"why\">because: ").append(esc(String.join("; ", f.reason())))
            .append("</span>");
      }
      if (!f.sources().isEmpty()) {
        h.append("<span class=\"cite\">source: ").append(esc(String.join("; ",
            f.sources().stream().map(ActionReport.Source::readable).toList()))).append("</span>");
      }
      h.append("</li>\n");
    }
    h.append("</ul>\n");
  }

  private static String ids(ActionReport.Item f, boolean verbose) {
    if (!verbose) {
      return "";
    }
    List<String> ids = new java.util.ArrayList<>();
    ids.add(f.id());
    ids.addAll(f.merged());
    return " <code>" + esc(String.join(", ", ids) + "; " + String.join(", ", f.inventory())
        + "; rule " + String.join(", ", f.rules())) + "</code>";
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : " " + Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String esc(String s) {
    return escapeHtml4(s);
  }
}
