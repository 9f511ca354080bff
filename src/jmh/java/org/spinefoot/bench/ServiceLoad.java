package org.spinefoot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.spinefoot.Answer;
import org.spinefoot.Felt;
import org.spinefoot.Patient;
import org.spinefoot.Side;
import org.spinefoot.Sign;
import org.spinefoot.Site;
import org.spinefoot.VariedPatients;
import org.spinefoot.fhir.SpinefootQuestionnaire;

/**
 * Load on the CDS Hooks service: {@code spinefoot serve} started as its own process on a
 * loopback port, then 32 concurrent clients, each sending hook calls with prefetched varied
 * QuestionnaireResponses and a fresh signed JWT per call, for 30 seconds after a 10-second
 * warm-up. Reports the start-up time (to listening and to ready), requests per second, p50 and
 * p99 latency and errors, and writes them into {@code docs/performance.md} between markers.
 * Bounded: loopback only, fixed duration, then the server is stopped.
 *
 * <p>{@code mvn -B -Pbench verify -Dbench.main=org.spinefoot.bench.ServiceLoad}
 */
public final class ServiceLoad {
  static final int CLIENTS = 32;
  // The server's optimising compiler is still at work after 10 s (under this load on 2 cores it
  // compiles for about a minute): the measurement includes that, as a freshly started service
  // would see it. -Dbench.warmupSeconds=60 measures the settled service.
  static final Duration WARM_UP =
      Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 10));
  static final Duration MEASURE = Duration.ofSeconds(30);
  static final String ISSUER = "https://bench.test";
  static final String PATH = "/cds-services/spinefoot-triage";
  static final String BEGIN = "<!-- service-load:begin -->";
  static final String END = "<!-- service-load:end -->";
  static final String NOTES_BEGIN = "<!-- service-load-notes:begin -->";
  static final String NOTES_END = "<!-- service-load-notes:end -->";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceLoad() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("spinefoot-load");
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
    Path jwks = work.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString(true));
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port;
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    // Extra JVM options for the server only (e.g. a flight recording while profiling).
    String extra = System.getProperty("bench.serverJvmArgs", "").strip();
    if (!extra.isEmpty()) {
      cmd.addAll(Arrays.asList(extra.split("\\s+")));
    }
    cmd.addAll(List.of(
        "-cp", System.getProperty("java.class.path"), "org.spinefoot.cli.Main",
        // The load does not depend on approval; a reviewer's unrecorded edit is still measured.
        "--rules", "rules", "serve", "--port", String.valueOf(port), "--allow-draft",
        "--trust", ISSUER + "=" + jwks, "--audit-log", work.resolve("audit.ndjson").toString()));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    long spawned = System.nanoTime();
    Process server = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(work.resolve("serve.log").toFile()).start();
    try {
      double listeningMs = -1;
      double readyMs;
      while (true) {
        int status = health(http, base);
        double t = (System.nanoTime() - spawned) / 1e6;
        if (status > 0 && listeningMs < 0) {
          listeningMs = t;
        }
        if (status == 200) {
          readyMs = t;
          break;
        }
        if (!server.isAlive() || t > 120_000) {
          throw new IllegalStateException("the service did not start: "
              + Files.readString(work.resolve("serve.log")));
        }
        Thread.sleep(5);
      }
      List<byte[]> bodies = bodies(256);
      // The measurement's tokens are signed first, so the warm-up cannot use them up; the
      // warm-up signs its own when its share runs out (that only slows the warm-up).
      ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> warmUpTokens = new ConcurrentLinkedQueue<>();
      long signStart = System.nanoTime();
      int presigned = presign(tokens, key, base, 60_000, Duration.ofSeconds(60));
      presign(warmUpTokens, key, base, 40_000, Duration.ofSeconds(30));
      double signSeconds = (System.nanoTime() - signStart) / 1e9;
      System.out.printf(Locale.ROOT, "presigned %d + %d tokens in %.1f s%n", presigned,
          warmUpTokens.size(), signSeconds);

      String clientKind = System.getProperty("bench.client", "keepalive");
      run(clientKind, http, base, port, bodies, warmUpTokens, key, WARM_UP, null);
      Result r = new Result();
      r.presigned = presigned;
      r.client = clientKind;
      r.loadAtStart = loadAverage();
      CpuSnapshot before = CpuSnapshot.take(server);
      run(clientKind, http, base, port, bodies, tokens, key, MEASURE, r);
      r.cpu = CpuSnapshot.take(server).since(before);
      String report = report(r, listeningMs, readyMs);
      System.out.println(report);
      write(report);
      String wrk = WrkCrossCheck.run(work, base, bodies, key,
          r.latencies.stream().mapToLong(a -> a.length).sum() / r.seconds, server);
      report = report.replace(END, wrk + "\n" + END);
      System.out.println(wrk);
      write(report);
    } finally {
      server.destroy(); // SIGTERM: the service lets calls in flight finish
      server.waitFor();
    }
  }

  private static int health(HttpClient http, String base) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Latencies of the measured calls, and the failures. */
  static final class Result {
    final List<long[]> latencies = new ArrayList<>();
    final List<long[]> serverLatencies = new ArrayList<>();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong inlineSigned = new AtomicLong();
    final List<String> errorSamples = new java.util.concurrent.CopyOnWriteArrayList<>();
    double seconds;
    int presigned;
    String client;
    String loadAtStart;
    double[] cpu;
  }

  /**
   * CPU time used so far by the server process, by this (the clients') process, and by the
   * whole machine (from /proc/stat, all cores), in seconds; and the wall clock.
   */
  record CpuSnapshot(double server, double clients, double machineBusy, long wallNanos) {
    static CpuSnapshot take(Process server) {
      double srv = server.toHandle().info().totalCpuDuration()
          .map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
      double own = ((com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
          / 1e9;
      return new CpuSnapshot(srv, own, machineBusySeconds(), System.nanoTime());
    }

    /** Cores busy on average since {@code earlier}: server, clients, everything else. */
    double[] since(CpuSnapshot earlier) {
      double wall = (wallNanos - earlier.wallNanos) / 1e9;
      double srv = (server - earlier.server) / wall;
      double cli = (clients - earlier.clients) / wall;
      double all = (machineBusy - earlier.machineBusy) / wall;
      return new double[] {srv, cli, Math.max(0, all - srv - cli)};
    }

    // Busy time of all cores: the first line of /proc/stat less idle and iowait (USER_HZ ticks).
    private static double machineBusySeconds() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
          if (i != 4 && i != 5) {
            busy += Long.parseLong(f[i]);
          }
        }
        return busy / 100.0;
      } catch (IOException | RuntimeException e) {
        return Double.NaN;
      }
    }
  }

  /** Sends one hook call and returns the response; throws IOException on a transport error. */
  interface Caller extends AutoCloseable {
    KeepAliveClient.Response call(String token, int bodyIndex) throws IOException, InterruptedException;

    @Override
    default void close() {}
  }

  /** The clients' HTTP stack: the light keep-alive client (default) or the JDK's HttpClient. */
  static Caller caller(String kind, HttpClient http, String base, int port, List<byte[]> bodies) {
    if (kind.equals("jdk")) {
      return (token, i) -> {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + PATH))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
        HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        return new KeepAliveClient.Response(resp.statusCode(), resp.body(), serverTime(resp));
      };
    }
    if (!kind.equals("keepalive")) {
      throw new IllegalArgumentException("bench.client: " + kind + "; allowed: keepalive, jdk");
    }
    List<byte[]> tails = bodies.stream().map(KeepAliveClient::tail).toList();
    KeepAliveClient c = new KeepAliveClient(new InetSocketAddress(
        java.net.InetAddress.getLoopbackAddress(), port), "127.0.0.1:" + port, PATH, 10_000);
    return new Caller() {
      @Override
      public KeepAliveClient.Response call(String token, int i) throws IOException {
        return c.post(token, tails.get(i));
      }

      @Override
      public void close() {
        c.close();
      }
    };
  }

  /**
   * Why a hook call's answer is not a good one, or null when it is: status 200 and a JSON body
   * whose {@code cards} are CDS Hooks cards (uuid, summary of at most 140 characters, an
   * indicator, a source label).
   */
  static String problem(KeepAliveClient.Response r) {
    if (r.status() != 200) {
      return r.status() + " " + new String(r.body(), StandardCharsets.UTF_8);
    }
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      return "200 with a body that is not JSON: " + e.getMessage();
    }
    JsonNode cards = body == null ? null : body.get("cards");
    if (cards == null || !cards.isArray()) {
      return "200 without a cards array";
    }
    for (JsonNode c : cards) {
      String summary = c.path("summary").asText("");
      if (c.path("uuid").asText("").isEmpty() || summary.isEmpty() || summary.length() > 140
          || !Set.of("info", "warning", "critical").contains(c.path("indicator").asText())
          || c.path("source").path("label").asText("").isEmpty()) {
        return "200 with a malformed card: " + c;
      }
    }
    return null;
  }

  private static void run(String clientKind, HttpClient http, String base, int port,
      List<byte[]> bodies, ConcurrentLinkedQueue<String> tokens, RSAKey key, Duration length,
      Result result) throws InterruptedException {
    long end = System.nanoTime() + length.toNanos();
    CountDownLatch done = new CountDownLatch(CLIENTS);
    List<long[]> perClient = new ArrayList<>();
    List<long[]> perClientServer = new ArrayList<>();
    int[] counts = new int[CLIENTS];
    long started = System.nanoTime();
    for (int c = 0; c < CLIENTS; c++) {
      long[] lat = new long[400_000];
      long[] serverLat = new long[lat.length];
      perClient.add(lat);
      perClientServer.add(serverLat);
      int client = c;
      Thread t = new Thread(() -> {
        int n = 0;
        int i = client * 7;
        try (Caller caller = caller(clientKind, http, base, port, bodies)) {
          while (System.nanoTime() < end && n < lat.length) {
            String token = tokens.poll();
            if (token == null) {
              token = sign(key, base);
              if (result != null) {
                result.inlineSigned.incrementAndGet();
              }
            }
            int body = i++ % bodies.size();
            long t0 = System.nanoTime();
            String problem;
            long serverNanos = 0;
            try {
              KeepAliveClient.Response resp = caller.call(token, body);
              serverNanos = resp.serverNanos();
              problem = problem(resp);
            } catch (IOException e) {
              problem = e.toString();
            }
            long took = System.nanoTime() - t0;
            if (result != null) {
              if (problem == null) {
                serverLat[n] = serverNanos;
                lat[n++] = took;
              } else {
                result.errors.incrementAndGet();
                if (result.errorSamples.size() < 5) {
                  result.errorSamples.add(problem.length() > 300
                      ? problem.substring(0, 300) + "..." : problem);
                }
              }
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          counts[client] = n;
          done.countDown();
        }
      }, "load-client-" + c);
      t.start();
    }
    done.await();
    if (result != null) {
      result.seconds = (System.nanoTime() - started) / 1e9;
      for (int c = 0; c < CLIENTS; c++) {
        result.latencies.add(Arrays.copyOf(perClient.get(c), counts[c]));
        result.serverLatencies.add(Arrays.copyOf(perClientServer.get(c), counts[c]));
      }
    }
  }

  // The Server-Timing header's app duration, in nanoseconds; 0 when absent.
  private static long serverTime(HttpResponse<?> resp) {
    String h = resp.headers().firstValue("Server-Timing").orElse("");
    int at = h.indexOf("dur=");
    return at < 0 ? 0 : (long) (Double.parseDouble(h.substring(at + 4)) * 1e6);
  }

  private static long[] merged(List<long[]> parts) {
    long total = parts.stream().mapToLong(a -> a.length).sum();
    long[] all = new long[(int) total];
    int k = 0;
    for (long[] a : parts) {
      System.arraycopy(a, 0, all, k, a.length);
      k += a.length;
    }
    Arrays.sort(all);
    return all;
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0
        : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1e6;
  }

  private static String report(Result r, double listeningMs, double readyMs) {
    long[] all = merged(r.latencies);
    long[] server = merged(r.serverLatencies);
    long total = all.length;
    double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
    double p99 = all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, all.length * 0.99)] / 1e6;
    double max = all.length == 0 ? 0 : all[all.length - 1] / 1e6;
    double rps = total / r.seconds;
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append("\n## CDS Hooks service under load\n\n");
    md.append("Written by `mvn -B -Pbench verify -Dbench.main=org.spinefoot.bench.ServiceLoad` on ")
        .append(LocalDate.now()).append(" (load average at the end: ").append(loadAverage())
        .append("; at the start of the measurement: ").append(r.loadAtStart)
        .append("). `spinefoot serve` as its own process (default JVM flags, as the launcher "
            + "starts it), the rules of `rules/`; ").append(CLIENTS).append(" concurrent clients on "
            + "loopback in the benchmark's process, each sending `patient-view` calls with a "
            + "prefetched Patient and a varied QuestionnaireResponse (256 generated records) and a "
            + "fresh RS256 JWT per call (verified, jti remembered); audit log on. ")
        .append(r.client.equals("jdk") ? "The clients use the JDK's `java.net.http.HttpClient`. "
            : "Each client keeps one HTTP/1.1 connection alive and sends pre-encoded request "
            + "bytes (`KeepAliveClient`: the JDK's `HttpClient` costs the shared cores more than "
            + "the server's handler does); `-Dbench.client=jdk` runs the JDK client instead. ")
        .append("A call counts as answered only with status 200 and a body of well-formed cards "
            + "(uuid, summary of at most 140 characters, indicator, source label); anything "
            + "else, or a transport error, is an error. ")
        .append(WARM_UP.toSeconds()).append(" s warm-up (the server's optimising compiler "
            + "works for about a minute under this load, so the measurement includes some of it; "
            + "`-Dbench.warmupSeconds=N` changes it), then ").append(MEASURE.toSeconds())
        .append(" s measured.\n\n");
    md.append("| measurement | result | target | met |\n|---|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| start to listening (first answer to `GET /health`) | %.0f ms | < 1000 ms | %s |%n",
        listeningMs, listeningMs < 1000 ? "yes" : "**no**"));
    md.append(String.format(Locale.ROOT, "| start to ready (knowledge base loaded, `/health` 200) | %.0f ms |  |  |%n", readyMs));
    md.append(String.format(Locale.ROOT, "| requests per second | %,.0f /s |  |  |%n", rps));
    md.append(String.format(Locale.ROOT, "| latency p50 | %.1f ms |  |  |%n", p50));
    md.append(String.format(Locale.ROOT, "| latency p99 | %.1f ms | < 100 ms | %s |%n", p99,
        p99 < 100 ? "yes" : "**no**"));
    md.append(String.format(Locale.ROOT, "| latency max | %.1f ms |  |  |%n", max));
    md.append(String.format(Locale.ROOT, "| time in the server's handler (`Server-Timing`), p50 / p99 | %.2f ms / %.2f ms |  |  |%n",
        percentile(server, 0.5), percentile(server, 0.99)));
    md.append(String.format(Locale.ROOT, "| errors | %d of %d | 0 | %s |%n", r.errors.get(),
        total + r.errors.get(), r.errors.get() == 0 ? "yes" : "**no**"));
    md.append(String.format(Locale.ROOT, "| CPU, server process | %.2f cores (%.2f ms per call) |  |  |%n",
        r.cpu[0], r.cpu[0] * 1000 / rps));
    md.append(String.format(Locale.ROOT, "| CPU, load clients (this process) | %.2f cores (%.2f ms per call) |  |  |%n",
        r.cpu[1], r.cpu[1] * 1000 / rps));
    md.append(String.format(Locale.ROOT, "| CPU, everything else on the machine | %.2f cores |  |  |%n",
        r.cpu[2]));
    md.append(String.format(Locale.ROOT, "%nThe handler's own time per call (`Server-Timing`) is "
        + "the service's cost; the rest of the latency the clients see is waiting for the two "
        + "cores, which the server shares with the %d clients, their HTTP stack and token signing, "
        + "and anything else running on the machine. With %d calls always in flight, Little's law "
        + "gives %.0f ms per call at %,.0f /s.%n", CLIENTS, CLIENTS, CLIENTS * 1000.0 / rps, rps));
    md.append(String.format(Locale.ROOT, "%nTokens: %,d signed for the measurement before it started; ", r.presigned));
    if (r.inlineSigned.get() > 0) {
      md.append(String.format(Locale.ROOT, "%,d", r.inlineSigned.get())).append(" signed by the "
          + "clients during the measurement (the presigned ones ran out), taking CPU from the "
          + "server on the same two cores.\n");
    } else {
      md.append("none signed during the measurement.\n");
    }
    if (!r.errorSamples.isEmpty()) {
      md.append("\nFirst errors: ").append(String.join("; ", r.errorSamples)).append('\n');
    }
    md.append('\n').append(END).append('\n');
    return md.toString();
  }

  /** The load average of the last minute, from /proc/loadavg ("unknown" elsewhere). */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * The service-load section already in this file, and the notes on it written by hand
   * (between {@link #NOTES_BEGIN} and {@link #NOTES_END}), to keep when the rest is rewritten.
   */
  static String keptSection(Path doc) throws IOException {
    return MarkedSection.keptAll(doc, BEGIN, END, NOTES_BEGIN, NOTES_END);
  }

  private static void write(String section) throws IOException {
    MarkedSection.write(Path.of("docs/performance.md"), BEGIN, END, section);
  }

  // Signing costs the client about a millisecond of CPU per token (more on a busy machine):
  // tokens are signed before the run, as many as fit in the budget, so the clients take less
  // CPU from the server; clients sign their own when these run out (reported).
  static int presign(ConcurrentLinkedQueue<String> tokens, RSAKey key, String base,
      int count, Duration budget) throws InterruptedException {
    int threads = Runtime.getRuntime().availableProcessors();
    long end = System.nanoTime() + budget.toNanos();
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      ts[t] = new Thread(() -> {
        for (int i = 0; i < count / threads && System.nanoTime() < end; i++) {
          tokens.add(sign(key, base));
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    return tokens.size();
  }

  static String sign(RSAKey key, String base) {
    Instant now = Instant.now();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
          .keyID(key.getKeyID()).type(com.nimbusds.jose.JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(ISSUER)
          .subject("bench").audience(base + PATH).issueTime(Date.from(now))
          .expirationTime(Date.from(now.plusSeconds(1800))).jwtID(UUID.randomUUID().toString())
          .build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hook requests built from generated records, each as a prefetched QuestionnaireResponse. */
  static List<byte[]> bodies(int n) throws IOException {
    List<byte[]> out = new ArrayList<>();
    List<Patient> patients = VariedPatients.patients(n, 1);
    for (int i = 0; i < patients.size(); i++) {
      Patient p = patients.get(i);
      ObjectNode req = JsonNodeFactory.instance.objectNode();
      req.put("hook", "patient-view");
      req.put("hookInstance", UUID.nameUUIDFromBytes(("bench" + i).getBytes(StandardCharsets.UTF_8))
          .toString());
      req.putObject("context").put("userId", "Practitioner/1").put("patientId", "p" + i);
      ObjectNode prefetch = req.putObject("prefetch");
      prefetch.putObject("patient").put("resourceType", "Patient").put("id", "p" + i);
      prefetch.set("questionnaireResponse", response(p, "p" + i));
      out.add(JSON.writeValueAsBytes(req));
    }
    return out;
  }

  static ObjectNode response(Patient p, String patientId) {
    ObjectNode qr = JsonNodeFactory.instance.objectNode();
    qr.put("resourceType", "QuestionnaireResponse");
    qr.put("questionnaire", SpinefootQuestionnaire.URL);
    qr.put("status", "completed");
    qr.putObject("subject").put("reference", "Patient/" + patientId);
    ArrayNode items = qr.putArray("item");
    if (p.age() != null) {
      items.addObject().put("linkId", "age").putArray("answer").addObject()
          .put("valueInteger", p.age());
    }
    if (p.durationDays() != null) {
      items.addObject().put("linkId", "durationDays").putArray("answer").addObject()
          .put("valueInteger", p.durationDays());
    }
    for (Map.Entry<Sign, Answer> e : p.signs().entrySet()) {
      coding(items, "signs." + e.getKey().key(), SpinefootQuestionnaire.YES_NO_SYSTEM,
          e.getValue() == Answer.PRESENT ? "Y" : "N");
    }
    felt(items, "numbness.", p.numbness());
    felt(items, "pain.", p.pain());
    return qr;
  }

  private static void felt(ArrayNode items, String prefix, Map<Site, Felt> felt) {
    for (Map.Entry<Site, Felt> e : felt.entrySet()) {
      Felt f = e.getValue();
      String code = f.answer() == Answer.ABSENT ? "no"
          : f.side() == Side.UNSPECIFIED ? "yes" : f.side().name().toLowerCase(Locale.ROOT);
      coding(items, prefix + e.getKey().key(), SpinefootQuestionnaire.FELT_SYSTEM, code);
    }
  }

  private static void coding(ArrayNode items, String linkId, String system, String code) {
    items.addObject().put("linkId", linkId).putArray("answer").addObject()
        .putObject("valueCoding").put("system", system).put("code", code);
  }
}
