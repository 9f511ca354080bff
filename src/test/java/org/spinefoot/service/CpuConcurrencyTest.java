package org.spinefoot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.fhir.Fhir;

/**
 * How the service uses the machine: calls beyond the CPU permits wait their turn and are all
 * answered, none lost or mixed up; connections do not wait on Nagle's algorithm.
 */
class CpuConcurrencyTest {
  @TempDir Path dir;

  @Test
  void concurrentCallsBeyondOnePermitAreEachAnsweredWithTheirOwnCards() throws Exception {
    try (ServiceFixture f = new ServiceFixture(dir, c -> c.threads(4).cpuConcurrency(1))) {
      ExecutorService callers = Executors.newFixedThreadPool(8);
      try {
        List<String> instances = new ArrayList<>();
        List<CompletableFuture<ServiceFixture.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          String instance = UUID.randomUUID().toString();
          instances.add(instance);
          String token = f.token(CdsHooksServiceTest.HOOK_PATH);
          replies.add(CompletableFuture.supplyAsync(() -> f.post(CdsHooksServiceTest.HOOK_PATH,
              token, CdsHooksServiceTest.hookRequest(instance, Fhir.patient("p1", "1970-01-01"),
                  CdsHooksServiceTest.emergencyResponse())), callers));
        }
        for (int i = 0; i < replies.size(); i++) {
          ServiceFixture.Reply r = replies.get(i).get();
          assertThat(r.status()).as(r.body()).isEqualTo(200);
          assertThat(r.json().path("cards").get(0).path("indicator").asText())
              .isEqualTo("critical");
          // The card's uuid derives from the call's own hookInstance: no answer went astray.
          assertThat(r.json().path("cards").get(0).path("uuid").asText()).isEqualTo(
              CdsCards.uuid(instances.get(i), f.service.awaitReady(), "finding:probe-emergency"));
        }
      } finally {
        callers.shutdownNow();
      }
    }
  }

  @Test
  void theServiceTurnsNaglesAlgorithmOffUnlessTheOperatorChoseOtherwise() {
    try (ServiceFixture f = new ServiceFixture(dir, c -> c)) {
      // Off, a response's body waits for the client's delayed ACK of its headers (about 40 ms).
      assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
      assertThat(f.get("/health").status()).isEqualTo(200);
    }
  }

  @Test
  void fewerThanOnePermitIsRefused() {
    assertThatThrownBy(() -> new ServiceConfig().cpuConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpuConcurrency");
  }
}
