package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Assessor;
import org.spinefoot.RuleInfo;
import org.spinefoot.TestAssessor;
import org.spinefoot.cases.CaseRunner;

/** The catalog as a real headless browser renders it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogBrowserTest {
  private Optional<Path> browser;
  private final List<String> whyNot = new ArrayList<>();

  @TempDir Path dir;

  @BeforeAll
  void findOrInstallBrowser() {
    browser = Chromium.find(whyNot);
  }

  @Test
  void theRenderedIndexShowsTheRulesAndTheItemPagesLinkBack() throws Exception {
    assumeTrue(browser.isPresent(), () -> "skipped: no headless browser: " + String.join("; ", whyNot));
    Assessor assessor = TestAssessor.get();
    CaseRunner runner = new CaseRunner(assessor);
    Path out = dir.resolve("catalog");
    new Catalog(assessor, runner.runAll(Path.of("src/test/resources/fixture/test-cases"))).write(out);
    RuleInfo cauda = assessor.rules().stream()
        .filter(r -> r.id().equals("rf-cauda-equina-bladder-bowel")).findFirst().orElseThrow();

    String dom = Chromium.run(browser.get(), Files.createDirectory(dir.resolve("profile")),
        out.resolve(Catalog.INDEX), "--dump-dom");

    assertThat(dom).contains("<article class=\"rule\" id=\"rule-rf-cauda-equina-bladder-bowel\">")
        .contains("<h3>" + cauda.name() + "</h3>")
        .contains("<code>rf-cauda-equina-bladder-bowel</code>")
        .contains("Pain( site == \"lowBack\", present )")
        .contains("Coverage is complete.");

    String item = Chromium.run(browser.get(), Files.createDirectory(dir.resolve("profile2")),
        out.resolve(Catalog.ITEMS).resolve("RF-07.html"), "--dump-dom");
    assertThat(item).contains("RF-07: ").contains(cauda.name())
        .contains("href=\"../index.html#rule-rf-cauda-equina-bladder-bowel\"");
  }
}
