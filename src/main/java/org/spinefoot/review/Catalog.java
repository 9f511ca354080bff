package org.spinefoot.review;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spinefoot.Assessor;
import org.spinefoot.InventoryItem;
import org.spinefoot.RuleInfo;
import org.spinefoot.cases.CaseResult;
import org.spinefoot.cases.Coverage;

/**
 * A static catalog of the knowledge base for clinical reviewers: every rule by topic with its
 * provenance, DRL and the test cases that cover it (with their result), a page per inventory item,
 * and the coverage summary. Plain HTML and CSS that read without JavaScript and print well, and a
 * Markdown twin ({@code catalog.md}) whose diff shows a change in review. The output holds no
 * timestamps, so the same knowledge base gives the same files.
 */
public final class Catalog {
  /** The files written: the index, the style sheet, the Markdown twin; item pages go below. */
  public static final String INDEX = "index.html";
  public static final String STYLE = "style.css";
  public static final String MARKDOWN = "catalog.md";
  public static final String ITEMS = "inventory";
  public static final String CASES = "cases";
  /** Case lists longer than this are folded under a count. */
  static final int LONG_LIST = 6;

  /** The reading order of topics, by the series of the inventory items their rules encode. */
  private static final List<String> SERIES_ORDER = List.of("RF", "CI", "AC", "RE", "SC", "INT");
  private static final Map<String, String> SERIES_HEADING = Map.of(
      "RF", "Red flags", "CI", "Conditions", "AC", "Other causes", "RE", "Referral",
      "SC", "Self-care advice", "INT", "How conclusions interact");

  private static final Pattern BACKTICKS = Pattern.compile("`+");
  private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*\\[\\]<>|])");

  private final Assessor assessor;
  private final Coverage coverage;
  private final Map<String, CaseResult> casesByName = new LinkedHashMap<>();
  private final Map<String, InventoryItem> itemsById = new LinkedHashMap<>();
  private final Path rulesDir;
  private final SourceIndex sources;

  /** A catalog of the assessor's rules, with the results of running the cases against them. */
  public Catalog(Assessor assessor, List<CaseResult> results) {
    this(assessor, results, null);
  }

  /**
   * As {@link #Catalog(Assessor, List)}, reading the rule files' comments and the titles and
   * links of their sources ({@code sources.yaml}) from the rules directory, when given.
   */
  public Catalog(Assessor assessor, List<CaseResult> results, Path rulesDir) {
    this.assessor = assessor;
    this.coverage = Coverage.of(assessor, results);
    results.forEach(r -> casesByName.put(r.name(), r));
    assessor.inventory().forEach(i -> itemsById.put(i.id(), i));
    this.rulesDir = rulesDir;
    this.sources = readSources(rulesDir);
  }

  private static SourceIndex readSources(Path rulesDir) {
    if (rulesDir == null || !Files.isRegularFile(rulesDir.resolve(SourceIndex.FILE))) {
      return null;
    }
    try {
      return SourceIndex.parse(Files.readString(rulesDir.resolve(SourceIndex.FILE)),
          SourceIndex.FILE);
    } catch (IOException | RuntimeException e) {
      return null; // lint reports a broken index; the catalog shows the citations as written
    }
  }

  /** Writes the catalog into {@code outDir} (created if needed) and returns the files written. */
  public List<Path> write(Path outDir) throws IOException {
    Files.createDirectories(outDir.resolve(ITEMS));
    List<Path> written = new ArrayList<>();
    written.add(write(outDir.resolve(INDEX), indexHtml()));
    written.add(write(outDir.resolve(STYLE), css()));
    written.add(write(outDir.resolve(MARKDOWN), markdown()));
    for (Coverage.ItemCoverage item : coverage.items()) {
      written.add(write(outDir.resolve(ITEMS).resolve(item.item().id() + ".html"), itemHtml(item)));
    }
    Files.createDirectories(outDir.resolve(CASES));
    for (CaseResult r : casesByName.values()) {
      written.add(write(outDir.resolve(CASES).resolve(r.name() + ".html"), caseHtml(r)));
    }
    return written;
  }

  private static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  // --- HTML ---

  String indexHtml() {
    StringBuilder h = new StringBuilder();
    head(h, "spinefoot rule catalog", "");
    h.append("<header><h1>spinefoot rule catalog</h1>\n<p>Every rule of the knowledge base with "
        + "where it comes from, what it concludes and the test cases that prove it.</p></header>\n");
    h.append("<nav aria-label=\"Contents\"><h2>Contents</h2><ul>\n")
        .append("<li><a href=\"#coverage\">Coverage</a></li>\n");
    for (Map.Entry<String, List<Coverage.RuleCoverage>> topic : rulesByTopic().entrySet()) {
      h.append("<li><a href=\"#topic-").append(attr(topic.getKey())).append("\">")
          .append(escapeHtml4(topicHeading(topic.getKey(), topic.getValue()))).append("</a></li>\n");
    }
    h.append("<li><a href=\"#inventory\">Inventory</a></li>\n")
        .append("<li><a href=\"#vocabulary\">Vocabulary</a></li>\n</ul></nav>\n<main>\n");
    coverageHtml(h);
    for (Map.Entry<String, List<Coverage.RuleCoverage>> topic : rulesByTopic().entrySet()) {
      h.append("<section class=\"topic\" id=\"topic-").append(attr(topic.getKey())).append("\">\n")
          .append("<h2>").append(escapeHtml4(topicHeading(topic.getKey(), topic.getValue())))
          .append(" <small>").append(escapeHtml4(topic.getValue().get(0).rule().file()))
          .append("</small></h2>\n");
      for (Coverage.RuleCoverage rc : topic.getValue()) {
        ruleHtml(h, rc, "");
      }
      h.append("</section>\n");
    }
    inventoryHtml(h);
    vocabularyHtml(h);
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /** Every observation of the vocabulary, as reviewers own it in rules/vocabulary.yaml. */
  private void vocabularyHtml(StringBuilder h) {
    org.spinefoot.Vocabulary v = assessor.vocabulary();
    h.append("<section id=\"vocabulary\">\n<h2>Vocabulary</h2>\n")
        .append("<p>Every observation a record may carry, as the rules read it (from <code>"
            + "vocabulary.yaml</code>).</p>\n")
        .append("<table class=\"inventory\"><thead><tr><th scope=\"col\">Key</th><th scope=\"col\">Question "
            + "(clinician; patient)</th><th scope=\"col\">Category</th><th scope=\"col\">Red "
            + "flag</th><th scope=\"col\">Asked when</th><th scope=\"col\">Inventory</th>"
            + "<th scope=\"col\">Codes</th></tr></thead><tbody>\n");
    for (org.spinefoot.Vocabulary.Entry e : v.entries()) {
      h.append("<tr><td><code>").append(escapeHtml4(e.path())).append("</code></td><td>")
          .append(escapeHtml4(e.clinician())).append("<br><small>")
          .append(escapeHtml4(e.patient())).append("</small></td><td>")
          .append(escapeHtml4(v.categories().getOrDefault(e.category(), e.category())))
          .append("</td><td>").append(e.redFlag() ? "yes" : "").append("</td><td>")
          .append(escapeHtml4(String.join(", ", e.askedWhen()))).append("</td><td>")
          .append(escapeHtml4(String.join(", ", e.inventory()))).append("</td><td>")
          .append(codesHtml(e)).append("</td></tr>\n");
    }
    h.append("</tbody></table>\n</section>\n");
  }

  private static String codesHtml(org.spinefoot.Vocabulary.Entry e) {
    if (e.codes().isEmpty()) {
      return "uncoded";
    }
    List<String> out = new java.util.ArrayList<>();
    for (org.spinefoot.Vocabulary.Code c : e.codes()) {
      out.add((c.system().contains("snomed") ? "SNOMED CT " : "LOINC ") + escapeHtml4(c.code())
          + " " + escapeHtml4(c.display()) + " (<a href=\"" + attr(c.source())
          + "\">confirmed</a>)");
    }
    return String.join("<br>", out);
  }

  private void coverageHtml(StringBuilder h) {
    long rulesOk = coverage.rules().stream().filter(Coverage.RuleCoverage::complete).count();
    long itemsOk = coverage.items().stream().filter(Coverage.ItemCoverage::complete).count();
    long passed = casesByName.values().stream().filter(CaseResult::passed).count();
    h.append("<section id=\"coverage\"><h2>Coverage</h2>\n<table class=\"summary\">\n")
        .append(row("Rules fired by a case and missed by a near-miss case",
            rulesOk + " of " + coverage.rules().size()))
        .append(row("Inventory items encoded, concluded and missed by cases",
            itemsOk + " of " + coverage.items().size()))
        .append(row("Test cases passing", passed + " of " + casesByName.size()))
        .append("</table>\n");
    List<String> gaps = coverage.gaps();
    if (gaps.isEmpty()) {
      h.append("<p class=\"ok\">Coverage is complete.</p>\n");
    } else {
      h.append("<h3>Gaps</h3><ul class=\"gaps\">\n");
      gaps.forEach(g -> h.append("<li>").append(escapeHtml4(g)).append("</li>\n"));
      h.append("</ul>\n");
    }
    List<CaseResult> failing = casesByName.values().stream().filter(r -> !r.passed()).toList();
    if (!failing.isEmpty()) {
      h.append("<h3>Failing cases</h3><ul class=\"failing\">\n");
      for (CaseResult r : failing) {
        h.append("<li><strong>").append(escapeHtml4(r.name())).append("</strong><pre>")
            .append(escapeHtml4(String.join("\n", r.failures()))).append("</pre></li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("</section>\n");
  }

  private static String row(String label, String value) {
    return "<tr><th scope=\"row\">" + escapeHtml4(label) + "</th><td>" + escapeHtml4(value)
        + "</td></tr>\n";
  }

  private void ruleHtml(StringBuilder h, Coverage.RuleCoverage rc, String root) {
    RuleInfo r = rc.rule();
    h.append("<article class=\"rule\" id=\"rule-").append(attr(r.id())).append("\">\n<h3>")
        .append(escapeHtml4(r.name())).append("</h3>\n");
    String comment = comment(r);
    if (!comment.isEmpty()) {
      h.append("<p class=\"comment\">").append(escapeHtml4(comment)).append("</p>\n");
    }
    h.append("<dl>\n");
    h.append("<dt>ID</dt><dd><code>").append(escapeHtml4(r.id())).append("</code></dd>\n");
    h.append("<dt>Urgency</dt><dd>").append(urgencyBadge(r.urgency())).append("</dd>\n");
    h.append("<dt>Inventory</dt><dd>");
    for (String id : r.inventory()) {
      InventoryItem item = itemsById.get(id);
      h.append("<a href=\"").append(attr(root + ITEMS + "/" + id + ".html")).append("\"")
          .append(item == null ? "" : " title=\"" + attr(item.title()) + "\"").append(">")
          .append(escapeHtml4(id)).append("</a> ");
    }
    h.append("</dd>\n<dt>Sources</dt><dd><ul class=\"sources\">");
    r.sources().forEach(s -> h.append("<li>").append(sourceHtml(s)).append("</li>"));
    h.append("</ul></dd>\n");
    if (r.saferReading() != null) {
      h.append("<dt>Safer reading</dt><dd class=\"safer-reading\">")
          .append(escapeHtml4(r.saferReading())).append("</dd>\n");
    }
    if (!r.concludes().isEmpty()) {
      h.append("<dt>Concludes</dt><dd>");
      r.concludes().forEach(c -> h.append("<code>").append(escapeHtml4(c)).append("</code> "));
      h.append("</dd>\n");
    }
    h.append("<dt>Where</dt><dd><code>").append(escapeHtml4(r.location())).append("</code></dd>\n");
    h.append("<dt>Fires in</dt><dd>").append(casesHtml(rc.firedIn(), root)).append("</dd>\n");
    h.append("<dt>Near-miss in</dt><dd>").append(casesHtml(rc.nearMissIn(), root))
        .append("</dd>\n");
    h.append("</dl>\n<pre class=\"drl\"><code>").append(escapeHtml4(r.drl().stripTrailing()))
        .append("</code></pre>\n</article>\n");
  }

  private String casesHtml(List<String> names, String root) {
    if (names.isEmpty()) {
      return "<span class=\"gap\">no case</span>";
    }
    StringBuilder sb = new StringBuilder("<ul class=\"cases\">");
    long failing = 0;
    for (String name : names) {
      CaseResult r = casesByName.get(name);
      boolean passed = r != null && r.passed();
      failing += passed ? 0 : 1;
      sb.append("<li><span class=\"result ").append(passed ? "pass" : "fail").append("\">")
          .append(passed ? "PASS" : "FAIL").append("</span> ");
      if (r != null) {
        sb.append("<a href=\"").append(attr(root + CASES + "/" + name + ".html")).append("\">")
            .append(escapeHtml4(name)).append("</a>");
      } else {
        sb.append(escapeHtml4(name));
      }
      sb.append("</li>");
    }
    sb.append("</ul>");
    if (names.size() <= LONG_LIST) {
      return sb.toString();
    }
    return "<details><summary>" + names.size() + " cases"
        + (failing == 0 ? ", all passing" : ", " + failing + " failing") + "</summary>" + sb
        + "</details>";
  }

  /** A citation with the title of what it cites, the section, and a link when there is one. */
  private String sourceHtml(String citation) {
    SourceIndex.Cited cited = sources == null ? null : sources.resolve(citation).orElse(null);
    if (cited == null || cited.title().equals(citation)) {
      return escapeHtml4(citation);
    }
    String title = cited.url() == null ? "<cite>" + escapeHtml4(cited.title()) + "</cite>"
        : "<a href=\"" + attr(cited.url()) + "\"><cite>" + escapeHtml4(cited.title())
            + "</cite></a>";
    return title + (cited.section() == null ? "" : ", " + escapeHtml4(cited.section()))
        + " <small><code>" + escapeHtml4(citation) + "</code></small>";
  }

  private String sourceText(String citation) {
    SourceIndex.Cited cited = sources == null ? null : sources.resolve(citation).orElse(null);
    if (cited == null || cited.title().equals(citation)) {
      return md(citation);
    }
    String title = cited.url() == null ? "*" + md(cited.title()) + "*"
        : "[" + md(cited.title()) + "](" + cited.url() + ")";
    return title + (cited.section() == null ? "" : ", " + md(cited.section()));
  }

  /**
   * The comment written just above the rule in its file ({@code //} lines or a block comment),
   * as one paragraph; empty when there is none.
   */
  String comment(RuleInfo r) {
    if (rulesDir == null || r.file() == null || r.line() <= 1) {
      return "";
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(rulesDir.resolve(r.file()), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "";
    }
    List<String> above = new ArrayList<>();
    int i = Math.min(r.line(), lines.size()) - 2;
    if (i >= 0 && lines.get(i).strip().endsWith("*/")) {
      for (; i >= 0; i--) {
        String t = lines.get(i).strip();
        above.add(0, t.replaceAll("^/\\*+|\\*+/$|^\\*", "").strip());
        if (t.startsWith("/*")) {
          break;
        }
      }
    } else {
      for (; i >= 0 && lines.get(i).strip().startsWith("//"); i--) {
        above.add(0, lines.get(i).strip().substring(2).strip());
      }
    }
    return String.join(" ", above.stream().filter(x -> !x.isEmpty()).toList());
  }

  /** The heading of a topic: what its rules encode (red flags, conditions...) and its folder. */
  private static String topicHeading(String topic, List<Coverage.RuleCoverage> rules) {
    String series = series(rules);
    return SERIES_HEADING.getOrDefault(series, "Other") + ": " + topic;
  }

  /** The series most of a topic's rules encode (RF, CI, ...), by their first inventory item. */
  private static String series(List<Coverage.RuleCoverage> rules) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Coverage.RuleCoverage rc : rules) {
      for (String id : rc.rule().inventory()) {
        int dash = id.indexOf('-');
        counts.merge(dash < 0 ? id : id.substring(0, dash), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(java.util.Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(e -> -rank(e.getKey())))
        .map(Map.Entry::getKey).orElse("");
  }

  private static int rank(String series) {
    int i = SERIES_ORDER.indexOf(series);
    return i < 0 ? SERIES_ORDER.size() : i;
  }

  /** A page for one case: its patient and expectations as written, and its last result. */
  String caseHtml(CaseResult r) {
    StringBuilder h = new StringBuilder();
    String title = r.testCase() == null ? r.name() : r.testCase().name();
    head(h, title + " - spinefoot", "../");
    h.append("<header><p><a href=\"../").append(INDEX).append("\">spinefoot rule catalog</a>"
        + " / cases</p>\n<h1>").append(escapeHtml4(title)).append("</h1></header>\n<main>\n");
    h.append("<p><span class=\"result ").append(r.passed() ? "pass\">PASS" : "fail\">FAIL")
        .append("</span> <code>").append(escapeHtml4(r.name())).append("</code></p>\n");
    if (!r.passed()) {
      h.append("<h2>Why it fails</h2><pre>").append(escapeHtml4(String.join("\n", r.failures())))
          .append("</pre>\n");
    }
    if (!r.assessments().isEmpty()) {
      org.spinefoot.Assessment first = r.assessments().get(0);
      h.append("<h2>Last result</h2>\n<dl>\n<dt>Disposition</dt><dd>")
          .append(urgencyBadge(String.valueOf(first.disposition()))).append("</dd>\n")
          .append("<dt>Findings</dt><dd>").append(escapeHtml4(String.join(", ",
              first.findings().stream().map(f -> f.id() + " (" + f.urgency() + ")").toList())))
          .append("</dd>\n</dl>\n");
      if (r.assessments().size() > 1) {
        h.append("<p>Then ").append(r.assessments().size() - 1).append(" step(s): ");
        List<String> after = new ArrayList<>();
        for (int i = 1; i < r.assessments().size(); i++) {
          after.add("step " + i + ": " + r.assessments().get(i).disposition());
        }
        h.append(escapeHtml4(String.join("; ", after))).append("</p>\n");
      }
    }
    String text;
    try {
      text = Files.readString(r.file(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      text = "(the case file cannot be read: " + e.getMessage() + ")";
    }
    h.append("<h2>Patient and expectations</h2>\n<pre class=\"case\"><code>")
        .append(escapeHtml4(text.stripTrailing())).append("</code></pre>\n");
    h.append("<h2>Rules it fires and misses</h2>\n<ul>\n");
    for (Coverage.RuleCoverage rc : coverage.rules()) {
      boolean fires = rc.firedIn().contains(r.name());
      boolean misses = rc.nearMissIn().contains(r.name());
      if (fires || misses) {
        h.append("<li>").append(fires ? "fires " : "near-miss ").append("<a href=\"../")
            .append(INDEX).append("#rule-").append(attr(rc.rule().id())).append("\"><code>")
            .append(escapeHtml4(rc.rule().id())).append("</code></a></li>\n");
      }
    }
    h.append("</ul>\n</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private void inventoryHtml(StringBuilder h) {
    h.append("<section id=\"inventory\"><h2>Inventory</h2>\n<table class=\"inventory\">\n")
        .append("<thead><tr><th>ID</th><th>Item</th><th>Urgency</th><th>Rules</th>"
            + "<th>Coverage</th></tr></thead>\n<tbody>\n");
    for (Coverage.ItemCoverage ic : coverage.items()) {
      InventoryItem i = ic.item();
      h.append("<tr><td><a href=\"").append(attr(ITEMS + "/" + i.id() + ".html")).append("\">")
          .append(escapeHtml4(i.id())).append("</a></td><td>").append(escapeHtml4(i.title()))
          .append("</td><td>").append(urgencyBadge(i.urgency())).append("</td><td>")
          .append(ic.rules().size()).append("</td><td>")
          .append(ic.complete() ? "<span class=\"ok\">complete</span>" : "<span class=\"gap\">gap</span>")
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  String itemHtml(Coverage.ItemCoverage ic) {
    InventoryItem i = ic.item();
    StringBuilder h = new StringBuilder();
    head(h, i.id() + " " + i.title() + " - spinefoot", "../");
    h.append("<header><p><a href=\"../").append(INDEX).append("\">spinefoot rule catalog</a>"
        + " / inventory</p>\n<h1>").append(escapeHtml4(i.id())).append(": ")
        .append(escapeHtml4(i.title())).append("</h1></header>\n<main>\n<dl>\n");
    h.append("<dt>Urgency</dt><dd>").append(urgencyBadge(i.urgency())).append("</dd>\n");
    h.append("<dt>Sources</dt><dd><ul class=\"sources\">");
    i.sources().forEach(s -> h.append("<li>").append(sourceHtml(s)).append("</li>"));
    h.append("</ul></dd>\n");
    h.append("<dt>Concluded in</dt><dd>").append(casesHtml(ic.positiveIn(), "../"))
        .append("</dd>\n");
    h.append("<dt>Near-miss in</dt><dd>").append(casesHtml(ic.nearMissIn(), "../"))
        .append("</dd>\n");
    h.append("</dl>\n<h2>Rules that encode it</h2>\n");
    if (ic.rules().isEmpty()) {
      h.append("<p class=\"gap\">No rule encodes this item.</p>\n");
    }
    for (Coverage.RuleCoverage rc : coverage.rules()) {
      if (ic.rules().contains(rc.rule().id())) {
        h.append("<p class=\"back\"><a href=\"../").append(INDEX).append("#rule-")
            .append(attr(rc.rule().id())).append("\">in the catalog</a></p>\n");
        ruleHtml(h, rc, "../");
      }
    }
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void head(StringBuilder h, String title, String root) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escapeHtml4(title)).append("</title>\n")
        .append("<link rel=\"stylesheet\" href=\"").append(attr(root + STYLE)).append("\">\n")
        .append("</head>\n<body>\n");
  }

  private static String urgencyBadge(String urgency) {
    return "<span class=\"urgency urgency-" + attr(urgency) + "\">" + escapeHtml4(urgency)
        + "</span>";
  }

  private static String attr(String value) {
    return escapeHtml4(value);
  }

  private Map<String, List<Coverage.RuleCoverage>> rulesByTopic() {
    Map<String, List<Coverage.RuleCoverage>> out = new LinkedHashMap<>();
    for (Coverage.RuleCoverage rc : coverage.rules()) {
      out.computeIfAbsent(rc.rule().topic(), k -> new ArrayList<>()).add(rc);
    }
    // Red flags first, then conditions, other causes, referral, advice and interactions.
    Map<String, List<Coverage.RuleCoverage>> ordered = new LinkedHashMap<>();
    out.entrySet().stream()
        .sorted(java.util.Comparator.comparingInt(
            (Map.Entry<String, List<Coverage.RuleCoverage>> e) -> rank(series(e.getValue())))
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }

  static String css() {
    return """
        :root { --ink: #1d2430; --muted: #5b6575; --line: #d5dae2; --bg: #ffffff; --code: #f4f6f9; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--bg);
               font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        header, main, nav { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
        header { padding-top: 1.5rem; }
        h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
        h2 small { font-size: .8rem; color: var(--muted); font-weight: normal; margin-left: .5rem; }
        h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
        nav ul { columns: 3; padding-left: 1.2rem; margin: 0; }
        nav h2 { font-size: 1rem; border: 0; margin: 1rem 0 .25rem; }
        a { color: #1f5fbf; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85rem; }
        pre { background: var(--code); border: 1px solid var(--line); border-radius: 4px;
              padding: .75rem; overflow-x: auto; white-space: pre-wrap; }
        .rule { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 1rem 0; }
        dl { display: grid; grid-template-columns: 9rem 1fr; gap: .25rem .75rem; margin: 0 0 .75rem; }
        dt { color: var(--muted); font-weight: 600; }
        dd { margin: 0; }
        dd ul { margin: 0; padding-left: 1.1rem; }
        .urgency { display: inline-block; padding: 0 .5rem; border-radius: 3px; font-size: .8rem;
                   font-weight: 700; letter-spacing: .02em; border: 1px solid currentColor; }
        .urgency-EMERGENCY { color: #a3111b; background: #fde8ea; }
        .urgency-URGENT { color: #9a4a00; background: #fff0e0; }
        .urgency-SOON { color: #7a6300; background: #fff8d6; }
        .urgency-SELF_CARE { color: #1f6b35; background: #e6f6ea; }
        .urgency-NONE { color: var(--muted); background: #f0f2f5; }
        .result { font-size: .75rem; font-weight: 700; padding: 0 .35rem; border-radius: 3px; }
        .pass { color: #1f6b35; background: #e6f6ea; }
        .fail, .gap { color: #a3111b; background: #fde8ea; font-weight: 700; }
        .ok { color: #1f6b35; font-weight: 600; }
        .comment { color: var(--muted); font-style: italic; margin: 0 0 .5rem; }
        details > summary { cursor: pointer; color: var(--muted); }
        cite { font-style: normal; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
        table.summary th { font-weight: normal; width: 70%; }
        @media print {
          body { font-size: 10.5pt; }
          nav, .back { display: none; }
          header, main { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          .rule { break-inside: avoid; page-break-inside: avoid; border-color: #999; }
          .topic { break-before: page; }
          pre { border-color: #999; }
          .urgency, .result, .pass, .fail, .gap { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;
  }

  // --- Markdown ---

  String markdown() {
    StringBuilder m = new StringBuilder("# spinefoot rule catalog\n\n");
    long rulesOk = coverage.rules().stream().filter(Coverage.RuleCoverage::complete).count();
    long itemsOk = coverage.items().stream().filter(Coverage.ItemCoverage::complete).count();
    long passed = casesByName.values().stream().filter(CaseResult::passed).count();
    m.append("## Coverage\n\n")
        .append("- Rules fired by a case and missed by a near-miss case: ").append(rulesOk)
        .append(" of ").append(coverage.rules().size()).append('\n')
        .append("- Inventory items encoded, concluded and missed by cases: ").append(itemsOk)
        .append(" of ").append(coverage.items().size()).append('\n')
        .append("- Test cases passing: ").append(passed).append(" of ").append(casesByName.size())
        .append('\n');
    coverage.gaps().forEach(g -> m.append("- gap: ").append(md(g)).append('\n'));
    casesByName.values().stream().filter(r -> !r.passed())
        .forEach(r -> m.append("- failing case: ").append(md(r.name())).append('\n'));
    for (Map.Entry<String, List<Coverage.RuleCoverage>> topic : rulesByTopic().entrySet()) {
      m.append("\n## ").append(md(topicHeading(topic.getKey(), topic.getValue()))).append(" (")
          .append(md(topic.getValue().get(0).rule().file())).append(")\n");
      for (Coverage.RuleCoverage rc : topic.getValue()) {
        RuleInfo r = rc.rule();
        String comment = comment(r);
        m.append("\n### ").append(md(r.name())).append("\n\n")
            .append(comment.isEmpty() ? "" : md(comment) + "\n\n")
            .append("- ID: `").append(r.id()).append("`\n")
            .append("- Urgency: ").append(md(r.urgency())).append('\n')
            .append("- Inventory: ").append(md(String.join(", ", r.inventory()))).append('\n')
            .append("- Sources: ").append(String.join("; ",
                r.sources().stream().map(this::sourceText).toList())).append('\n')
            .append(r.saferReading() == null ? ""
                : "- Safer reading: " + md(r.saferReading()) + "\n")
            .append("- Where: ").append(md(r.location())).append('\n')
            .append("- Fires in: ").append(casesMd(rc.firedIn())).append('\n')
            .append("- Near-miss in: ").append(casesMd(rc.nearMissIn())).append("\n\n");
        fence(m, r.drl().stripTrailing());
      }
    }
    m.append("\n## Inventory\n");
    for (Coverage.ItemCoverage ic : coverage.items()) {
      InventoryItem i = ic.item();
      m.append("\n### ").append(md(i.id())).append(": ").append(md(i.title())).append("\n\n")
          .append("- Urgency: ").append(md(i.urgency())).append('\n')
          .append("- Sources: ").append(md(String.join("; ", i.sources()))).append('\n')
          .append("- Rules: ").append(ic.rules().isEmpty() ? "none"
              : md(String.join(", ", ic.rules()))).append('\n')
          .append("- Concluded in: ").append(casesMd(ic.positiveIn())).append('\n')
          .append("- Near-miss in: ").append(casesMd(ic.nearMissIn())).append('\n');
    }
    m.append("\n## Vocabulary (vocabulary.yaml)\n\n")
        .append("| key | clinician | patient | red flag | asked when | inventory | codes |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (org.spinefoot.Vocabulary.Entry e : assessor.vocabulary().entries()) {
      m.append("| `").append(e.path()).append("` | ").append(md(e.clinician())).append(" | ")
          .append(md(e.patient())).append(" | ").append(e.redFlag() ? "yes" : "").append(" | ")
          .append(md(String.join(", ", e.askedWhen()))).append(" | ")
          .append(md(String.join(", ", e.inventory()))).append(" | ")
          .append(e.codes().isEmpty() ? "uncoded" : md(String.join(", ", e.codes().stream()
              .map(c -> c.code() + " " + c.display() + " <" + c.source() + ">").toList())))
          .append(" |\n");
    }
    return m.toString();
  }

  private String casesMd(List<String> names) {
    if (names.isEmpty()) {
      return "no case";
    }
    List<String> out = new ArrayList<>();
    for (String name : names) {
      CaseResult r = casesByName.get(name);
      out.add(md(name) + (r != null && r.passed() ? " (pass)" : " (FAIL)"));
    }
    return String.join(", ", out);
  }

  /** Backslash-escapes the characters Markdown would read as markup. */
  private static String md(String text) {
    return MARKDOWN_SPECIAL.matcher(text).replaceAll("\\\\$1");
  }

  /** A fenced code block whose fence is longer than any run of backticks in the code. */
  private static void fence(StringBuilder m, String code) {
    int longest = 2;
    Matcher b = BACKTICKS.matcher(code);
    while (b.find()) {
      longest = Math.max(longest, b.group().length());
    }
    String f = "`".repeat(longest + 1);
    m.append(f).append("drl\n").append(code).append('\n').append(f).append('\n');
  }
}
