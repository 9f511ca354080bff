package org.spinefoot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.fhir.Fhir;

/** Stopping lets the call in flight finish, refuses new ones, and does not wait longer. */
class GracefulStopTest {
  @TempDir Path dir;

  @Test
  void aCallInFlightFinishesAndStopReturnsWhenItHas() throws Exception {
    CountDownLatch fetching = new CountDownLatch(1);
    HttpServer slowFhir = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slowFhir.createContext("/", ex -> {
      fetching.countDown();
      try {
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = ServiceFixture.JSON.writeValueAsBytes(Fhir.patient("p1", null));
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    slowFhir.start();
    ServiceFixture f = new ServiceFixture(dir, c -> c);
    try {
      String path = CdsHooksServiceTest.HOOK_PATH;
      ObjectNode request = CdsHooksServiceTest.hookRequest(UUID.randomUUID().toString(), null,
          CdsHooksServiceTest.bundle(CdsHooksServiceTest.emergencyResponse()));
      request.put("fhirServer", "http://127.0.0.1:" + slowFhir.getAddress().getPort());
      String token = f.token(path);
      CompletableFuture<ServiceFixture.Reply> call =
          CompletableFuture.supplyAsync(() -> f.post(path, token, request));
      assertThat(fetching.await(20, TimeUnit.SECONDS)).isTrue();
      long start = System.nanoTime();
      CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> f.service.stop(30));
      Thread.sleep(200);
      ServiceFixture.Reply during = f.get("/health");
      assertThat(during.status()).isEqualTo(503);
      assertThat(during.json().path("error").asText()).contains("stopping");
      assertThat(call.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
      stopped.get(20, TimeUnit.SECONDS);
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
    } finally {
      slowFhir.stop(0);
      f.service.stop(0);
    }
  }
}
