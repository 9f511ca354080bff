package org.spinefoot.service;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The threads that serve calls, and the permits that bound how many of them compute at once.
 * Kept apart from the endpoints because the two limits differ on purpose (see {@link
 * #computing}), and every endpoint's CPU-bound step must take the same permits.
 */
final class WorkerPool {
  private final ExecutorService threads;
  private final Semaphore cpuPermits;

  /** Work that may throw an I/O error, run by {@link #computing}. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws IOException;
  }

  WorkerPool(int threads, int cpuConcurrency) {
    this.threads = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "spinefoot-http");
      t.setDaemon(true);
      return t;
    });
    this.cpuPermits = new Semaphore(cpuConcurrency, true);
  }

  /** The threads, for the HTTP server to run its handlers on. */
  Executor executor() {
    return threads;
  }

  /**
   * Runs CPU-bound work (token check, parsing, assessment, cards) once one of the permits is
   * free: about one per processor, in arrival order. The worker threads are more than that so
   * that a call waiting on I/O (a slow client's body, a FHIR fetch) does not hold up the rest;
   * but more threads computing at once than there are cores only slice the same cores finer,
   * stretch every call, and get threads descheduled while they hold the HTTP server's and the
   * audit log's locks, which under load made the tail latency several times the median.
   */
  <T> T computing(Work<T> work) throws IOException {
    try {
      cpuPermits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(503, "", "the service is stopping");
    }
    try {
      return work.run();
    } finally {
      cpuPermits.release();
    }
  }

  /** Takes no more work, and waits up to {@code graceSeconds} for the threads to finish. */
  void shutdown(int graceSeconds) {
    threads.shutdown();
    try {
      threads.awaitTermination(graceSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
