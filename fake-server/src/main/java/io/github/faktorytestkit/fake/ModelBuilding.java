package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.clock.FaktoryClock;
import io.github.faktorytestkit.fake.model.FaktoryModel;
import io.github.faktorytestkit.fake.model.ModelSettings;

/**
 * Builds the first server's model of a JVM on a thread of its own while the caller binds the server's socket: in a
 * cold JVM each of the two loads and initialises a few hundred classes (the model's, the JDK's sockets'), which two
 * cores then do at the same time. Later servers build theirs on the caller's thread, where it takes microseconds.
 */
final class ModelBuilding implements Runnable {
  /** Whether a server was started in this JVM already. */
  private static volatile boolean warm;

  private final ModelSettings settings;
  private final FaktoryClock clock;
  /** The building thread, or null when the model was built on the caller's. */
  private Thread thread;
  /** Written by whichever thread builds, before it ends; read after joining it. */
  private FaktoryModel model;
  /** What building threw (a RuntimeException or an Error), rethrown to the caller. */
  private Throwable failure;

  private ModelBuilding(ModelSettings settings, FaktoryClock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Starts building the model of {@code settings} on {@code clock}: on a thread of its own in a cold JVM. */
  static ModelBuilding start(ModelSettings settings, FaktoryClock clock) {
    ModelBuilding building = new ModelBuilding(settings, clock);
    if (warm) {
      building.run();
    } else {
      warm = true;
      building.thread = new Thread(building, "faktory-fake-model-building");
      building.thread.setDaemon(true);
      building.thread.start();
    }
    return building;
  }

  @Override
  public void run() {
    try {
      model = new FaktoryModel(settings, clock);
    } catch (RuntimeException | Error e) {
      failure = e;
    }
  }

  /** Returns the model once built; throws what building it threw. */
  FaktoryModel model() {
    if (thread != null) {
      awaitBuilt();
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw (RuntimeException) failure;
    }
    return model;
  }

  private void awaitBuilt() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
