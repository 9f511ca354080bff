package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Answer;
import org.spinefoot.Patient;
import org.spinefoot.QuestionFixture;
import org.spinefoot.Sign;
import org.spinefoot.io.PatientReader;

/**
 * {@code spinefoot ask} through a real pseudo-terminal: util-linux {@code script} runs the CLI
 * on a pty and the test types each answer only once the prompt has shown (so a prompt left in a
 * buffer would hang the test, not pass it). Skipped where {@code script} is not installed.
 */
class AskTerminalTest {
  private static final long WAIT_SECONDS = 120;

  @TempDir Path dir;

  @Test
  void answersTypedAtATerminalReachASettledDisposition() throws Exception {
    Path script = onPath("script");
    assumeTrue(script != null, "util-linux script is not installed");
    Path saved = dir.resolve("typed.yaml");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = String.join(" ", List.of(quote(java), "-cp",
        quote(System.getProperty("java.class.path")), "org.spinefoot.cli.Main", "--rules",
        quote(QuestionFixture.rulesDirectory().toString()), "ask", "--save", quote(saved.toString())));
    Process p = new ProcessBuilder(script.toString(), "-q", "-e", "-f", "-c", command, "/dev/null")
        .redirectErrorStream(true).start();
    StringBuffer screen = new StringBuffer();
    Thread reader = new Thread(() -> copy(p.getInputStream(), screen));
    reader.start();
    try (OutputStream keyboard = p.getOutputStream()) {
      type(keyboard, screen, 1, "no");   // loss of bladder or bowel control
      type(keyboard, screen, 2, "back"); // at fever: take the bladder answer back
      type(keyboard, screen, 3, "yes");  // bladder again: emergency, nothing above it
      assertThat(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as(screen.toString()).isTrue();
    } finally {
      p.destroyForcibly();
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    String text = screen.toString().replace("\r", "");
    assertThat(p.exitValue()).as(text).isZero();
    org.spinefoot.Vocabulary words = org.spinefoot.Fixture.assessor().vocabulary();
    assertThat(text)
        .contains(words.entry("signs.bladderOrBowelControlLost").orElseThrow().patient())
        .contains("> no\n")
        .contains(words.entry("signs.fever").orElseThrow().patient()).contains("> back\n")
        .contains("Took back the answer to \"loss of bladder or bowel control\".")
        .contains("> yes\n").contains("Disposition so far: EMERGENCY")
        .contains("Settled")
        // the answers given, in short, before the report
        .contains("Answers given (1):\n  yes: loss of bladder or bowel control\n")
        .contains("Disposition: EMERGENCY")
        // on a terminal the answer is echoed once, by the terminal, not again by the program
        .doesNotContain("> yes\nyes\n")
        // the record's paths never show: questions and answers are in words
        .doesNotContain("signs.");
    assertThat(text.indexOf("Answers given")).isLessThan(text.indexOf("Disposition: EMERGENCY"));
    assertThat(text.split("What would change it", -1)).as("listed once").hasSize(2);
    Patient back = PatientReader.read(saved);
    assertThat(back.answer(Sign.of("bladderOrBowelControlLost"))).isEqualTo(Answer.PRESENT);
    assertThat(back.signs()).hasSize(1);
  }

  /** Waits for the n-th prompt on the screen, then types the answer and Enter. */
  private static void type(OutputStream keyboard, StringBuffer screen, int prompt, String answer)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (count(screen.toString(), "] > ") < prompt) {
      assertThat(System.nanoTime()).as("prompt %d never showed:%n%s", prompt, screen)
          .isLessThan(deadline);
      Thread.sleep(50);
    }
    keyboard.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static void copy(InputStream in, StringBuffer to) {
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        to.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      to.append("\n[read failed: ").append(e).append("]");
    }
  }

  private static Path onPath(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(d, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
