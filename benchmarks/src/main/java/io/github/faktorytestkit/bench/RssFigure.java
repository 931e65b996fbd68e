package io.github.faktorytestkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resident memory of the fake's jar next to real Faktory plus its Redis: idle after start, and 10 s after a burst of
 * short sessions (connect, {@code +HI}, {@code HELLO}, {@code END}) over 10 connections at a time.
 */
final class RssFigure implements Figure {
  private static final byte[] END = "END\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  @Override
  public List<Row> measure(Settings settings) throws Exception {
    int sessions = settings.size(100_000, 2_000);
    long settleMillis = settings.quick() ? 1000 : 10_000;
    Samples fakeIdle = new Samples();
    Samples realIdle = new Samples();
    Samples fakeAfter = new Samples();
    Samples realAfter = new Samples();
    Figure.interleave(settings.runs(),
        () -> measure(Spawned.fakeJar(settings.fakeJar(), settings.fakeJvm()), sessions, settleMillis, fakeIdle, fakeAfter),
        () -> measure(Spawned.faktory(settings.faktory()), sessions, settleMillis, realIdle, realAfter));
    return List.of(
        Row.size("RSS idle: jar vs Faktory + Redis", "MB", fakeIdle, realIdle, 2.0),
        Row.size("RSS " + settleMillis / 1000 + " s after " + sessions + " sessions: jar vs Faktory + Redis", "MB",
            fakeAfter, realAfter, 2.0));
  }

  private static void measure(Spawned server, int sessions, long settleMillis, Samples idle, Samples after)
      throws Exception {
    try (server) {
      Thread.sleep(settleMillis / 10);
      idle.add(server.rssMegabytes());
      burst(server.port(), sessions);
      Thread.sleep(settleMillis);
      after.add(server.rssMegabytes());
    }
  }

  private static void burst(int port, int sessions) throws InterruptedException {
    AtomicInteger left = new AtomicInteger(sessions);
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Thread client = new Thread(() -> {
        while (left.getAndDecrement() > 0) {
          try (Wire wire = Wire.faktorySession(port)) {
            wire.send(END);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      });
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      client.join();
    }
  }
}
