package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.RuleDirs;

/** Issue 11: a rule that ends the JVM cannot make a command look successful. */
@Timeout(120)
class ExitGuardTest {
  @TempDir Path dir;

  private record Ended(int code, String err) {}

  private Ended launch(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
        new java.io.File("/dev/null"))).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
    return new Ended(p.exitValue(), err);
  }

  @Test
  void aRuleCallingSystemExitZeroMakesTheCommandFail() throws Exception {
    Path rules = RuleDirs.withDispositionAnd(dir.resolve("rules"), "exit.drl", """
        rule "Probe: leaves"
            @id("probe-leave") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            SymptomDuration( days == 36499 )
        then
            System.exit(0);
        end
        """);
    Path record = dir.resolve("r.json");
    Files.writeString(record, "{\"durationDays\": 36499}");
    Ended ended = launch("--rules", rules.toString(), "assess", record.toString());
    assertThat(ended.code()).isEqualTo(Main.RULES_BROKEN);
    assertThat(ended.err()).contains("the program was ended during the command");

    Path fine = dir.resolve("fine.json");
    Files.writeString(fine, "{\"durationDays\": 3}");
    assertThat(launch("--rules", rules.toString(), "assess", fine.toString()).code()).isZero();
  }
}
