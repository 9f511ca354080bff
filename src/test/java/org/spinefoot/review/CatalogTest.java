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
            Observation( sign == Sign.FEVER, present )
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
        .contains("<li><span class=\"result fail\">FAIL</span> probe-wrong-expectation</li>")
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
}
