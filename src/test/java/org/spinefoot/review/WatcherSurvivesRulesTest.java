package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: watch survives a rule that overflows the stack, and recovers when it is fixed. */
@Timeout(180)
class WatcherSurvivesRulesTest {
  @TempDir Path dir;

  @Test
  void aStackOverflowingRuleIsReportedByNameAndWatchRecovers() throws IOException {
    ProjectCopy copy = ProjectCopy.of(dir);
    Watcher watcher = new Watcher(copy.rules(), copy.cases());
    assertThat(watcher.onChange().rulesLoaded()).isTrue();

    Path probe = copy.addProbeRules("deep.drl", """
        function int deeper(int n) { return deeper(n + 1) + 1; }

        rule "Probe: recurses without end"
            @id("probe-deep") @inventory("RF-03") @urgency("NONE") @source("x#y")
        when
            Age()
        then
            deeper(0);
        end
        """);
    Watcher.Report broken = watcher.onChange();
    assertThat(broken.rulesLoaded()).isFalse();
    assertThat(broken.usingPreviousRules()).isTrue();
    assertThat(broken.toText()).contains("Probe: recurses without end")
        .contains("StackOverflowError");

    Files.delete(probe);
    Watcher.Report recovered = watcher.onChange();
    assertThat(recovered.rulesLoaded()).isTrue();
    assertThat(recovered.recovered()).isTrue();
  }
}
