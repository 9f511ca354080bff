package org.spinefoot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORS with an allow-list: exact origins only, preflights granted to them alone. */
class CorsTest {
  static final String SANDBOX = "https://sandbox.cds-hooks.org";

  @Test
  void onlyListedOriginsArePreflightedAndMayReadAnswers(@TempDir Path dir) {
    try (ServiceFixture f = new ServiceFixture(dir, c -> c.corsOrigins(List.of(SANDBOX)))) {
      ServiceFixture.Reply granted = CdsHooksServiceTest.preflight(f, SANDBOX);
      assertThat(granted.status()).isEqualTo(204);
      assertThat(granted.raw().headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue(SANDBOX);
      assertThat(granted.raw().headers().firstValue("Access-Control-Allow-Headers").orElse(""))
          .contains("Authorization").contains("Content-Type");
      assertThat(granted.raw().headers().firstValue("Access-Control-Allow-Methods").orElse(""))
          .contains("POST");

      for (String other : List.of("https://evil.test", SANDBOX + ":8443",
          "http://sandbox.cds-hooks.org", "https://sandbox.cds-hooks.org.evil.test")) {
        ServiceFixture.Reply refused = CdsHooksServiceTest.preflight(f, other);
        assertThat(refused.status()).as(other).isEqualTo(403);
        assertThat(refused.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(refused.raw().headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
      }

      ServiceFixture.Reply discovery = f.send(HttpRequest.newBuilder(
          URI.create(f.base + "/cds-services")).header("Origin", SANDBOX).GET());
      assertThat(discovery.raw().headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue(SANDBOX);
      assertThat(discovery.raw().headers().allValues("Vary")).contains("Origin");
      ServiceFixture.Reply foreign = f.send(HttpRequest.newBuilder(
          URI.create(f.base + "/cds-services")).header("Origin", "https://evil.test").GET());
      assertThat(foreign.status()).isEqualTo(200);
      assertThat(foreign.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }

  @Test
  void anEntryThatIsNotAnExactOriginIsAClearError() {
    for (String bad : List.of("*", "https://sandbox.cds-hooks.org/", "sandbox.cds-hooks.org",
        "https://sandbox.cds-hooks.org/path", "ftp://x.test")) {
      assertThatThrownBy(() -> CorsPolicy.allowing(List.of(bad))).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'").hasMessageContaining("exact origin");
    }
    assertThat(CorsPolicy.allowing(List.of("http://localhost:3000")).allows(
        "http://localhost:3000")).isTrue();
  }
}
