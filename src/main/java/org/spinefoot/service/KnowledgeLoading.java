package org.spinefoot.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.spinefoot.Assessor;
import org.spinefoot.fhir.RuleSetVersion;

/**
 * The knowledge base loading in the background, and how that went. Separate because the server
 * answers while it loads: every endpoint that needs the rules asks {@link #ready} and gets the
 * same 503 until then, and the health check reports the state.
 */
final class KnowledgeLoading {
  private final CompletableFuture<Knowledge> knowledge = new CompletableFuture<>();

  /** Loads on a daemon thread of its own, so a server stopped while loading can exit. */
  void start(Supplier<Assessor> loader) {
    Thread loading = new Thread(() -> {
      try {
        knowledge.complete(Knowledge.of(loader.get()));
      } catch (RuntimeException | Error e) {
        knowledge.completeExceptionally(e);
      }
    }, "spinefoot-load-rules");
    loading.setDaemon(true);
    loading.start();
  }

  boolean isLoading() {
    return !knowledge.isDone();
  }

  boolean hasFailed() {
    return knowledge.isCompletedExceptionally();
  }

  /** The knowledge base, or a 503 saying it is still loading or failed to. */
  Knowledge ready() {
    if (!knowledge.isDone()) {
      throw new HttpError(503, "", "the knowledge base is still loading; retry shortly");
    }
    if (knowledge.isCompletedExceptionally()) {
      throw new HttpError(503, "", "the knowledge base failed to load; see the server log");
    }
    return knowledge.join();
  }

  /** Waits until the knowledge base is loaded; rethrows what stopped it from loading. */
  RuleSetVersion await() {
    try {
      return knowledge.join().version();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }
}
