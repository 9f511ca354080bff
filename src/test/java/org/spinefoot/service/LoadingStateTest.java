package org.spinefoot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.spinefoot.RuleBaseException;
import org.spinefoot.TestAssessor;

/** The server answers while the rules load, and says so; a broken rule base is reported. */
class LoadingStateTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private int status(SpinefootService s, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(s.publicUrl() + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void healthSaysLoadingUntilTheRulesAreReady() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    SpinefootService s = SpinefootService.start(new ServiceConfig().port(0)
        .allowUnauthenticated(true), () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return TestAssessor.get();
        });
    try {
      assertThat(status(s, "/health")).isEqualTo(503);
      assertThat(status(s, "/fhir/Questionnaire/spinefoot")).isEqualTo(503);
      assertThat(status(s, "/cds-services")).isEqualTo(200); // discovery needs no rules
      release.countDown();
      s.awaitReady();
      assertThat(status(s, "/health")).isEqualTo(200);
    } finally {
      s.stop(0);
    }
  }

  @Test
  void aRuleBaseThatFailsToLoadLeavesHealthFailedAndAwaitReadyThrowsIt() throws Exception {
    SpinefootService s = SpinefootService.start(new ServiceConfig().port(0)
        .allowUnauthenticated(true), () -> {
          throw new RuleBaseException("cannot load", java.util.List.of(), null);
        });
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(s::awaitReady)
          .isInstanceOf(RuleBaseException.class);
      assertThat(status(s, "/health")).isEqualTo(503);
    } finally {
      s.stop(0);
    }
  }
}
