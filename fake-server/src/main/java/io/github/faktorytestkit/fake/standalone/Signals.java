package io.github.faktorytestkit.fake.standalone;

import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;

/** How every mode of the jar ends: at SIGINT or SIGTERM it runs its shutdown and exits with the status that gives. */
final class Signals {
  private Signals() {}

  /**
   * Blocks until the process is signalled, then runs {@code shutdown} on the shutdown thread {@code threadName} and
   * halts with the status it returns (the real server exits 0 after a signal; without the halt the JVM would report
   * 128 + the signal's number).
   */
  static void awaitThen(String threadName, IntSupplier shutdown) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      int status = shutdown.getAsInt();
      stopped.countDown();
      Runtime.getRuntime().halt(status);
    }, threadName));
    stopped.await();
  }
}
