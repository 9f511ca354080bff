package org.spinefoot.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A headless Chromium for tests that check pages in a real browser. Installs Debian's
 * {@code chromium} package when it is missing and the tests run as root; otherwise reports why no
 * browser is available, so the caller can skip.
 */
public final class Chromium {
  public static final Path BINARY = Path.of("/usr/bin/chromium");

  private Chromium() {}

  /** The browser, installing it first if need be; empty with the reason when there is none. */
  public static Optional<Path> find(List<String> whyNot) {
    if (Files.isExecutable(BINARY)) {
      return Optional.of(BINARY);
    }
    if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      whyNot.add(BINARY + " is missing and cannot be installed here (needs apt-get as root)");
      return Optional.empty();
    }
    try {
      Path log = Files.createTempFile("chromium-install", ".log");
      for (List<String> step : List.of(List.of("apt-get", "update"),
          List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"))) {
        ProcessBuilder pb = new ProcessBuilder(step).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
          p.destroyForcibly();
          whyNot.add(String.join(" ", step) + " failed; see " + log);
          return Optional.empty();
        }
      }
    } catch (IOException e) {
      whyNot.add("cannot install chromium: " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      whyNot.add("interrupted while installing chromium");
      return Optional.empty();
    }
    if (!Files.isExecutable(BINARY)) {
      whyNot.add("apt-get installed chromium but " + BINARY + " is missing");
      return Optional.empty();
    }
    return Optional.of(BINARY);
  }

  /** Runs the browser headless on a page with extra arguments; returns what it printed. */
  public static String run(Path browser, Path profileDir, Path page, String... extra)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profileDir));
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
    Path output = Files.createTempFile(profileDir.getParent(), "chromium", ".out");
    Process p = new ProcessBuilder(command).redirectOutput(output.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 2 minutes: " + command);
    }
    return Files.readString(output, StandardCharsets.UTF_8);
  }
}
