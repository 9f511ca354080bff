package org.spinefoot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.cli.Main;
import org.spinefoot.review.Chromium;

/** The HTML report as a real headless browser renders it, on screen and printed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportBrowserTest {
  private Optional<Path> browser;
  private final List<String> whyNot = new ArrayList<>();

  @TempDir Path dir;

  @BeforeAll
  void findOrInstallBrowser() {
    browser = Chromium.find(whyNot);
  }

  @Test
  void thePageShowsTheDispositionAndItsScreenshotAndPrintAreTaken() throws Exception {
    assumeTrue(browser.isPresent(), () -> "skipped: no headless browser: " + String.join("; ", whyNot));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"assess", "--format", "html",
        "src/test/resources/fixture/facts/unanswered-red-flag-questions-short-online-form.yaml"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    assertThat(code).isZero();
    Path page = dir.resolve("report.html");
    Files.write(page, out.toByteArray());

    String dom = Chromium.run(browser.get(), Files.createDirectory(dir.resolve("profile")), page,
        "--dump-dom");
    assertThat(dom).containsPattern("<div class=\"disposition SOON\" id=\"disposition\">"
            + "<strong>SOON</strong>")
        .contains("<h2>Ask next</h2>")
        .contains("<span class=\"ifyes\">EMERGENCY</span>: loss of bladder or bowel control");

    Path screenshot = dir.resolve("report.png");
    Chromium.run(browser.get(), Files.createDirectory(dir.resolve("profile2")), page,
        "--window-size=1000,1400", "--screenshot=" + screenshot);
    assertThat(screenshot).exists();
    byte[] png = Files.readAllBytes(screenshot);
    assertThat(png.length).isGreaterThan(10_000);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");

    Path pdf = dir.resolve("report.pdf");
    Chromium.run(browser.get(), Files.createDirectory(dir.resolve("profile3")), page,
        "--no-pdf-header-footer", "--print-to-pdf=" + pdf);
    assertThat(pdf).exists();
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
  }
}
