package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spinefoot catalog}. */
class CatalogCommandTest {
  @TempDir Path dir;

  @Test
  void writesTheCatalogOfTheRulesAndCases() throws IOException {
    Path out = dir.resolve("catalog");
    MainTest.Run r = MainTest.run("catalog", "--out", out.toString(),
        "--cases", "src/test/resources/fixture/test-cases");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("catalog: \\d+ rules, \\d+ cases \\(0 failing\\): wrote \\d+ files; open .*index\\.html\n");
    assertThat(Files.readString(out.resolve("index.html"))).contains("id=\"rule-rf-cauda-equina-bladder-bowel\"");
    assertThat(out.resolve("inventory/RF-07.html")).exists();
    assertThat(out.resolve("catalog.md")).exists();
  }

  @Test
  void theOutputDirectoryIsRequired() {
    assertThat(MainTest.run("catalog").code()).isEqualTo(Main.BAD_INPUT);
  }
}
