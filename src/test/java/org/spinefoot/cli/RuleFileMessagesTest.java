package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.RuleDirs;

/** Issue 11: a .drl entry that is not a readable rule file is named, exit 3, no stack trace. */
@Timeout(60)
class RuleFileMessagesTest {
  @TempDir Path dir;

  private BatchCommandTest.Run assess(Path rules) {
    return BatchCommandTest.run("", "--rules", rules.toString(), "assess",
        "src/test/resources/fixture/facts/baseline-no-red-flags.yaml");
  }

  @Test
  void aDirectoryNamedLikeARuleFileIsNamed() throws IOException {
    Path rules = RuleDirs.withDispositionAnd(dir.resolve("rules"), "none.drl", "");
    Files.createDirectories(rules.resolve("probe/folder.drl"));
    BatchCommandTest.Run r = assess(rules);
    assertThat(r.code()).isEqualTo(Main.RULES_BROKEN);
    assertThat(r.err()).contains("probe/folder.drl").contains("is a directory, not a rule file")
        .doesNotContain("Exception");
  }

  @Test
  void aDanglingLinkIsNamed() throws IOException {
    Path rules = RuleDirs.withDispositionAnd(dir.resolve("rules"), "none.drl", "");
    Files.createSymbolicLink(rules.resolve("probe/gone.drl"), dir.resolve("nowhere.drl"));
    BatchCommandTest.Run r = assess(rules);
    assertThat(r.code()).isEqualTo(Main.RULES_BROKEN);
    assertThat(r.err()).contains("probe/gone.drl").contains("a link to a missing file")
        .doesNotContain("Exception");
  }

  @Test
  void aRuleFileThatIsNotUtf8IsNamed() throws IOException {
    Path rules = RuleDirs.withDispositionAnd(dir.resolve("rules"), "none.drl", "");
    Files.write(rules.resolve("probe/latin1.drl"), new byte[] {'r', 'u', 'l', 'e', (byte) 0xE9});
    BatchCommandTest.Run r = assess(rules);
    assertThat(r.code()).isEqualTo(Main.RULES_BROKEN);
    assertThat(r.err()).contains("probe/latin1.drl").contains("not UTF-8 text")
        .doesNotContain("Exception");
  }
}
