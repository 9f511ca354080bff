package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Assessor;
import org.spinefoot.cases.CaseResult;
import org.spinefoot.cases.CaseRunner;

/** The catalog's content and escaping, read as files (the browser test renders them). */
class CatalogTest {
  @TempDir Path dir;

  @Test
  void escapesEveryTextShowsFailingCasesAndIsTheSameEachTime() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir.resolve("project"));
    copy.addProbeRules("probe.drl", """
        rule "Probe: <b>fever</b> & 'chills' for under 3 days"
            @id("probe-fever")
            @inventory("RF-10")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            Observation( sign == "fever", present )
            SymptomDuration( days < 3 )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-fever", "Probe fever"));
        end
        """);
    ProjectCopy.write(copy.cases().resolve("probe-wrong-expectation.yaml"), """
        name: Probe expecting the wrong disposition
        description: Fever for a day is urgent, so expecting self-care fails.
        checks: [RF-10]
        patientFile: ../facts/baseline-no-red-flags.yaml
        patient: {durationDays: 1, signs: {fever: yes}}
        expect: {disposition: SELF_CARE}
        """);
    Assessor assessor = Assessor.fromDirectory(copy.rules());
    CaseRunner runner = new CaseRunner(assessor);
    List<CaseResult> results = runner.runAll(copy.cases());

    List<Path> written = new Catalog(assessor, results).write(dir.resolve("out"));

    assertThat(written).contains(dir.resolve("out/index.html"), dir.resolve("out/style.css"),
        dir.resolve("out/catalog.md"), dir.resolve("out/inventory/RF-10.html"));
    String index = Files.readString(dir.resolve("out/index.html"));
    assertThat(index)
        .contains("<h3>Probe: &lt;b&gt;fever&lt;/b&gt; &amp; 'chills' for under 3 days</h3>")
        .doesNotContain("<b>fever</b>")
        .contains("SymptomDuration( days &lt; 3 )")
        .contains("<h3>Failing cases</h3>")
        .contains("<li><span class=\"result fail\">FAIL</span> <a href=\"cases/"
            + "probe-wrong-expectation.html\">probe-wrong-expectation</a></li>")
        .contains("<a href=\"inventory/RF-10.html\"");
    assertThat(Files.readString(dir.resolve("out/inventory/RF-10.html")))
        .contains("<link rel=\"stylesheet\" href=\"../style.css\">")
        .contains("href=\"../index.html#rule-probe-fever\"")
        .contains("Probe: &lt;b&gt;fever&lt;/b&gt;");
    String markdown = Files.readString(dir.resolve("out/catalog.md"));
    assertThat(markdown)
        .contains("### Probe: \\<b\\>fever\\</b\\> & 'chills' for under 3 days")
        .contains("- failing case: probe-wrong-expectation")
        .contains("```drl\nrule \"Probe: <b>fever</b>");
    assertThat(Files.readString(dir.resolve("out/style.css"))).contains("@media print");

    new Catalog(assessor, runner.runAll(copy.cases()))
        .write(dir.resolve("again"));
    assertThat(Files.readString(dir.resolve("again/index.html"))).isEqualTo(index);
    assertThat(Files.readString(dir.resolve("again/catalog.md"))).isEqualTo(markdown);
  }

  @Test
  void redFlagsComeFirstSourcesShowTitlesRulesTheirCommentAndEachCaseHasAPage() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir.resolve("project"));
    copy.replace("rules/redflags/red-flags.drl",
        "@source(\"001_7063e0f8190b99da.txt#When to Seek Medical Attention\")\nwhen\n"
            + "    Observation( sign == \"cannotControlLimb\"",
        "@source(\"001_7063e0f8190b99da.txt#When to Seek Medical Attention\", \"NICE-NG59#red flags\")"
            + "\nwhen\n    Observation( sign == \"cannotControlLimb\"");
    Assessor assessor = Assessor.fromDirectory(copy.rules());
    List<CaseResult> results = new CaseRunner(assessor).runAll(copy.cases());

    new Catalog(assessor, results, copy.rules()).write(dir.resolve("out"));

    String index = Files.readString(dir.resolve("out/index.html"));
    List<String> headings = java.util.regex.Pattern.compile("<h2>([^<]+?) <small>").matcher(index)
        .results().map(m -> m.group(1)).toList();
    assertThat(headings).first().asString().startsWith("Red flags: ");
    assertThat(headings).last().asString().startsWith("How conclusions interact: ");
    assertThat(headings.indexOf("Referral: referral"))
        .isGreaterThan(headings.indexOf("Conditions: sciatica"));
    assertThat(index)
        .contains("<a href=\"https://www.nice.org.uk/guidance/ng59\"><cite>NICE guideline NG59")
        .contains("</cite></a>, red flags")
        .contains("<cite>Numb Feet Exercise</cite>, When to Seek Medical Attention")
        .contains("<p class=\"comment\">&quot;Persist&quot; is not given a length in the source")
        .containsPattern("<details><summary>\\d+ cases, all passing</summary>");
    String casePage = Files.readString(dir.resolve("out/cases/fever-with-foot-numbness-is-urgent.html"));
    assertThat(casePage).contains("<h1>Fever with foot numbness is urgent, fever alone is not</h1>")
        .contains("<span class=\"result pass\">PASS</span>")
        .contains("signs: {fever: yes}")
        .contains("href=\"../index.html#rule-rf-systemic-signs-with-foot-numbness\"");
    assertThat(index).contains("href=\"cases/fever-with-foot-numbness-is-urgent.html\"");
    assertThat(Files.readString(dir.resolve("out/catalog.md")))
        .contains("[NICE guideline NG59");
  }
}
