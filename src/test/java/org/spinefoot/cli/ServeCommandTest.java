package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Assessor;
import org.spinefoot.RuleDirs;

/** {@code serve}, {@code questionnaire} and {@code token} from the command line. */
class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void questionnairePrintsTheFhirQuestionnaire() throws Exception {
    MainTest.Run r = MainTest.run("questionnaire");
    assertThat(r.code()).isZero();
    JsonNode q = new ObjectMapper().readTree(r.out());
    assertThat(q.path("resourceType").asText()).isEqualTo("Questionnaire");
    assertThat(q.path("item").findValuesAsText("linkId")).contains("signs.bladderOrBowelControlLost");
  }

  @Test
  void serveRefusesToStartWithoutATrustedIssuerOrWithABadOne() {
    MainTest.Run none = MainTest.run("serve", "--port", "0");
    assertThat(none.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(none.err()).contains("no trusted issuer").contains("--trust");
    MainTest.Run bad = MainTest.run("serve", "--port", "0", "--trust", "https://x.test");
    assertThat(bad.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(bad.err()).contains("ISSUER=JWKS");
    MainTest.Run missing = MainTest.run("serve", "--port", "0", "--trust",
        "https://x.test=" + dir.resolve("nope.json"));
    assertThat(missing.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(missing.err()).contains("cannot read its JWK Set");
    MainTest.Run jkuShape = MainTest.run("serve", "--port", "0", "--trust-jku", "https://x.test");
    assertThat(jkuShape.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(jkuShape.err()).contains("--trust-jku").contains("ISSUER=URL");
    MainTest.Run jkuUrl = MainTest.run("serve", "--port", "0", "--trust-jku",
        "https://x.test=jwks.json");
    assertThat(jkuUrl.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(jkuUrl.err()).contains("'jwks.json' is not a JWK Set URL");
    MainTest.Run wildcard = MainTest.run("serve", "--port", "0", "--allow-unauthenticated",
        "--cors-origins", "*");
    assertThat(wildcard.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(wildcard.err()).contains("cors origin '*'").contains("exact origin");
  }

  @Test
  void tokenMakesAKeyPairOnceAndSignsTokens() throws Exception {
    Path key = dir.resolve("key.json");
    Path jwks = dir.resolve("jwks.json");
    MainTest.Run first = MainTest.run("token", "--key", key.toString(), "--jwks", jwks.toString(),
        "--issuer", "https://i.test", "--audience", "http://127.0.0.1:1/cds-services/x");
    assertThat(first.code()).isZero();
    assertThat(first.out().strip().split("\\.")).hasSize(3);
    String publicKeys = Files.readString(jwks);
    assertThat(publicKeys).contains("\"kty\":\"EC\"").doesNotContain("\"d\"");
    MainTest.Run second = MainTest.run("token", "--key", key.toString(), "--jwks",
        jwks.toString(), "--issuer", "https://i.test", "--audience", "http://x");
    assertThat(second.code()).isZero();
    assertThat(Files.readString(jwks)).isEqualTo(publicKeys);
  }

  /** Approved knowledge: the fixture's rules with a knowledge.yaml recording their hash. */
  private Path approvedRules() throws Exception {
    Path rules = RuleDirs.withDispositionAnd(dir.resolve("rules"), "none.drl", "");
    String hash = Assessor.fromDirectory(rules).knowledge().rulesSha256();
    Files.writeString(rules.resolve("knowledge.yaml"), """
        name: fixture knowledge
        version: 1.2.0
        status: active
        date: 2026-12-01
        publisher: the tests
        rulesSha256: %s
        changes:
          - version: 1.2.0
            date: 2026-12-01
            summary: the fixture
        """.formatted(hash));
    return rules;
  }

  /** The real process: listens, serves, and on SIGTERM stops cleanly. */
  @Test
  void serveAnswersAndStopsOnSigterm() throws Exception {
    Path audit = dir.resolve("audit.ndjson");
    Process p = serve(approvedRules(), "--audit-log", audit.toString());
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8));
      String listening = out.readLine();
      assertThat(listening).contains("listening on http://127.0.0.1:");
      Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)").matcher(listening);
      assertThat(m.find()).isTrue();
      String ready = out.readLine();
      assertThat(ready).contains("ready in").contains("rules sha256:")
          .contains("fixture knowledge 1.2.0 (active, 2026-12-01");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + m.group(1) + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(ServeCommand.GRACE_SECONDS - 2, TimeUnit.SECONDS))
          .as("stops at once when nothing is in flight").isTrue();
      assertThat(Files.exists(audit)).isTrue();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void serveRefusesKnowledgeThatIsNotApprovedUnlessDraftsAreAllowed() throws Exception {
    Path rules = approvedRules();
    // A reviewer's edit after the version was recorded: the rules now run as a draft.
    Files.writeString(rules.resolve("disposition/extra.drl"), "package disposition;\n");
    MainTest.Run refused = MainTest.run("--rules", rules.toString(), "serve", "--port", "0",
        "--allow-unauthenticated");
    assertThat(refused.code()).isEqualTo(Main.RULES_BROKEN);
    assertThat(refused.err()).contains("refusing to serve knowledge that is not approved")
        .contains("fixture knowledge 1.2.0 (draft").contains("rules changed since")
        .contains("--allow-draft");

    Process p = serve(rules, "--allow-draft");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8));
      out.readLine();
      assertThat(out.readLine()).contains("ready in").contains("1.2.0 (draft");
    } finally {
      p.destroyForcibly();
    }
  }

  private static Process serve(Path rules, String... options) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "--rules", rules.toString(), "serve", "--port", "0", "--allow-unauthenticated"));
    command.addAll(List.of(options));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
