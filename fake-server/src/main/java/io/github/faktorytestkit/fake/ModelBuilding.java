package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.clock.FaktoryClock;
import io.github.faktorytestkit.fake.model.FaktoryModel;
import io.github.faktorytestkit.fake.model.ModelSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Builds the first server's model of a JVM on a thread of its own while the caller binds the server's socket: in a
 * cold JVM each of the two loads and initialises a few hundred classes (the model's, the JDK's sockets'), which two
 * cores then do at the same time. Later servers build theirs on the caller's thread, where it takes microseconds.
 */
final class ModelBuilding {
  /** Whether a server was started in this JVM already. */
  private static volatile boolean warm;

  private final CompletableFuture<FaktoryModel> model;

  private ModelBuilding(CompletableFuture<FaktoryModel> model) {
    this.model = model;
  }

  /** Starts building the model of {@code settings} on {@code clock}: on a thread of its own in a cold JVM. */
  static ModelBuilding start(ModelSettings settings, FaktoryClock clock) {
    if (warm) {
      return new ModelBuilding(CompletableFuture.completedFuture(new FaktoryModel(settings, clock)));
    }
    warm = true;
    CompletableFuture<FaktoryModel> model = new CompletableFuture<>();
    Thread thread = new Thread(() -> build(settings, clock, model), "faktory-fake-model-building");
    thread.setDaemon(true);
    thread.start();
    return new ModelBuilding(model);
  }

  private static void build(ModelSettings settings, FaktoryClock clock, CompletableFuture<FaktoryModel> model) {
    try {
      model.complete(new FaktoryModel(settings, clock));
    } catch (RuntimeException | Error e) {
      model.completeExceptionally(e);
    }
  }

  /** Returns the model once built (waiting uninterruptibly); throws what building it threw. */
  FaktoryModel model() {
    try {
      return model.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) e.getCause();
    }
  }
}
