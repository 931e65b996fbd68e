package io.github.faktorytestkit.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one-line request/reply generator: {@code connections} blocking clients, each sending one line and reading
 * one reply line, without pipelining, for a fixed time. The same generator drives the fake and redis-server.
 */
final class LineRate {
  /** Opens one ready connection to a server (after its handshake, if it has one). */
  @FunctionalInterface
  interface Opener {
    Wire open() throws Exception;
  }

  private LineRate() {}

  /** Returns the round trips per second {@code connections} clients made in {@code seconds}. */
  static double run(Opener opener, String request, String expected, int connections, double seconds)
      throws Exception {
    byte[] line = (request + "\r\n").getBytes(StandardCharsets.UTF_8);
    AtomicLong trips = new AtomicLong();
    CountDownLatch ready = new CountDownLatch(connections);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> clients = new ArrayList<>();
    List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    long[] window = new long[2];
    for (int i = 0; i < connections; i++) {
      Thread client = new Thread(() -> {
        try (Wire wire = opener.open()) {
          ready.countDown();
          go.await();
          long count = 0;
          while (System.nanoTime() < window[1]) {
            wire.call(line, expected);
            count++;
          }
          trips.addAndGet(count);
        } catch (Exception e) {
          failures.add(e);
          ready.countDown();
        }
      });
      client.start();
      clients.add(client);
    }
    ready.await();
    window[0] = System.nanoTime();
    window[1] = window[0] + (long) (seconds * 1e9);
    go.countDown();
    for (Thread client : clients) {
      client.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    return trips.get() / seconds;
  }
}
