package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spinefoot watch --once}. */
class WatchCommandTest {
  @TempDir Path dir;

  @Test
  void onceRunsTheCasesAndReports() {
    MainTest.Run r = MainTest.run("watch", "--once", "--cases", "src/test/resources/fixture/test-cases");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("== first run\n").containsPattern("\\d+ rules; \\d+ passed, 0 failed\n");
  }

  @Test
  void onceWithBrokenRulesNamesFileAndLineAndExitsWithThree() throws IOException {
    Files.copy(Path.of("src/test/resources/fixture/rules/inventory.yaml"), dir.resolve("inventory.yaml"));
    Files.copy(Path.of("src/test/resources/fixture/rules/vocabulary.yaml"),
        dir.resolve("vocabulary.yaml"));
    Files.createDirectories(dir.resolve("x"));
    Files.writeString(dir.resolve("x/bad.drl"), "package x;\nrule \"X: broken\"\nwhen\n  Foo(\nthen\nend\n");
    MainTest.Run r = MainTest.run("--rules", dir.toString(), "watch", "--once");
    assertThat(r.code()).isEqualTo(Main.RULES_BROKEN);
    assertThat(r.out()).contains("RULES BROKEN").contains("no good knowledge base yet")
        .contains("x/bad.drl:");
  }
}
