package org.spinefoot.bench;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The same load from an independent client in a second process: {@code wrk} (Debian package
 * wrk), 32 connections for 30 seconds against the running, warm service, each call with its own
 * presigned RS256 token and one of the same request bodies; a call counts as an error unless it
 * answers 200 with a {@code cards} array. Skipped, and said so, when wrk is not installed.
 */
final class WrkCrossCheck {
  static final Duration LENGTH = Duration.ofSeconds(30);

  // Each wrk thread takes every n-th token; a call without a token left would be refused, so
  // such calls are counted apart ("missing") rather than hidden among the errors.
  static final String SCRIPT = """
      local counter = 0
      local threads = {}
      function setup(thread)
        thread:set("id", counter)
        counter = counter + 1
        table.insert(threads, thread)
      end
      function init(args)
        local n = tonumber(args[1])
        tokens, bodies = {}, {}
        local i = 0
        for line in io.lines(args[2]) do
          if i % n == id then tokens[#tokens + 1] = line end
          i = i + 1
        end
        for line in io.lines(args[3]) do bodies[#bodies + 1] = line end
        t, b, errors, missing = 0, id * 7, 0, 0
      end
      function request()
        t = t + 1
        b = b + 1
        local headers = { ["Content-Type"] = "application/json" }
        if tokens[t] then
          headers["Authorization"] = "Bearer " .. tokens[t]
        else
          missing = missing + 1
        end
        return wrk.format("POST", nil, headers, bodies[(b % #bodies) + 1])
      end
      function response(status, headers, body)
        if status ~= 200 or not string.find(body, '"cards":%[') then
          errors = errors + 1
        end
      end
      function done(summary, latency, requests)
        local errs, miss = 0, 0
        for _, th in ipairs(threads) do
          errs = errs + th:get("errors")
          miss = miss + th:get("missing")
        end
        io.write(string.format("WRK requests=%d seconds=%.3f p50=%.3f p99=%.3f max=%.3f "
          .. "errors=%d missing=%d connect=%d read=%d write=%d timeout=%d\\n",
          summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
          latency:percentile(99) / 1000, latency.max / 1000, errs, miss,
          summary.errors.connect, summary.errors.read, summary.errors.write,
          summary.errors.timeout))
      end
      """;

  private WrkCrossCheck() {}

  /** The wrk executable, or null when it is not installed. */
  static Path wrk() {
    String configured = System.getProperty("bench.wrk");
    if (configured != null) {
      return configured.isEmpty() ? null : Path.of(configured);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "wrk");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Runs wrk against the service and returns the section's Markdown.
   *
   * @param expectedRps the benchmark's own rate, to size the presigned tokens
   */
  static String run(Path work, String base, List<byte[]> bodies, RSAKey key, double expectedRps,
      Process server) throws IOException, InterruptedException {
    Path wrk = wrk();
    if (wrk == null) {
      return "Cross-check with wrk: skipped (wrk is not installed; `apt-get install wrk`).\n";
    }
    ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
    int wanted = (int) Math.min(90_000, Math.max(10_000, expectedRps * LENGTH.toSeconds() * 2));
    ServiceLoad.presign(tokens, key, base, wanted, Duration.ofSeconds(75));
    int signed = tokens.size();
    Files.write(work.resolve("wrk-tokens.txt"), tokens, StandardCharsets.US_ASCII);
    List<String> lines = new ArrayList<>();
    for (byte[] b : bodies) {
      lines.add(new String(b, StandardCharsets.UTF_8)); // one line each: no newline in the JSON
    }
    Files.write(work.resolve("wrk-bodies.txt"), lines, StandardCharsets.UTF_8);
    Path script = work.resolve("hook.lua");
    Files.writeString(script, SCRIPT);
    int threads = 2;
    List<String> cmd = List.of(wrk.toString(), "-t" + threads, "-c" + ServiceLoad.CLIENTS,
        "-d" + LENGTH.toSeconds() + "s", "--timeout", "10s", "-s", script.toString(),
        base + ServiceLoad.PATH, "--", String.valueOf(threads),
        work.resolve("wrk-tokens.txt").toString(), work.resolve("wrk-bodies.txt").toString());
    String loadAtStart = ServiceLoad.loadAverage();
    ServiceLoad.CpuSnapshot before = ServiceLoad.CpuSnapshot.take(server);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(LENGTH.toSeconds() + 60, TimeUnit.SECONDS)) {
      p.destroy();
      return "Cross-check with wrk: wrk did not finish.\n";
    }
    double[] cpu = ServiceLoad.CpuSnapshot.take(server).since(before);
    System.out.println(out);
    Map<String, Double> v = new HashMap<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("WRK ")) {
        for (String kv : line.substring(4).trim().split(" ")) {
          String[] parts = kv.split("=");
          v.put(parts[0], Double.parseDouble(parts[1]));
        }
      }
    }
    if (v.isEmpty()) {
      return "Cross-check with wrk: no result (exit " + p.exitValue() + "):\n\n```\n" + out.strip()
          + "\n```\n";
    }
    double requests = v.get("requests");
    double rps = requests / v.get("seconds");
    long transport = Math.round(v.get("connect") + v.get("read") + v.get("write")
        + v.get("timeout"));
    long errors = Math.round(v.get("errors")) + transport;
    StringBuilder md = new StringBuilder();
    md.append("### Cross-check: wrk from a second process\n\n");
    md.append(String.format(Locale.ROOT, "`wrk -t%d -c%d -d%ds` (%s) against the same warm "
        + "server right after the measurement, with a Lua script giving each call its own "
        + "presigned RS256 token (%,d signed for it) and one of the same 256 request bodies; an "
        + "answer other than 200 with a `cards` array counts as an error. Load average at the "
        + "start: %s, at the end: %s.%n%n", threads, ServiceLoad.CLIENTS, LENGTH.toSeconds(),
        version(wrk), signed, loadAtStart, ServiceLoad.loadAverage()));
    md.append("| measurement | result | target | met |\n|---|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| requests per second | %,.0f /s |  |  |%n", rps));
    md.append(String.format(Locale.ROOT, "| latency p50 | %.1f ms |  |  |%n", v.get("p50")));
    md.append(String.format(Locale.ROOT, "| latency p99 | %.1f ms | < 100 ms | %s |%n",
        v.get("p99"), v.get("p99") < 100 ? "yes" : "**no**"));
    md.append(String.format(Locale.ROOT, "| latency max | %.1f ms |  |  |%n", v.get("max")));
    md.append(String.format(Locale.ROOT, "| errors | %d of %,.0f (%d calls without a token "
        + "left) | 0 | %s |%n", errors, requests, Math.round(v.get("missing")),
        errors == 0 ? "yes" : "**no**"));
    md.append(String.format(Locale.ROOT, "| CPU, server process | %.2f cores (%.2f ms per call) "
        + "|  |  |%n", cpu[0], cpu[0] * 1000 / rps));
    md.append(String.format(Locale.ROOT, "| CPU, wrk and everything else on the machine | %.2f "
        + "cores |  |  |%n", cpu[1] + cpu[2]));
    md.append('\n');
    return md.toString();
  }

  private static String version(Path wrk) {
    try {
      Process p = new ProcessBuilder(wrk.toString(), "-v").redirectErrorStream(true).start();
      String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .lines().findFirst().orElse("wrk");
      p.waitFor();
      int cut = first.indexOf(" [");
      return cut > 0 ? first.substring(0, cut) : first;
    } catch (IOException e) {
      return "wrk";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "wrk";
    }
  }
}
