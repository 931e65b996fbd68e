package io.github.faktorytestkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resident memory of the fake's jar ({@code java -jar}, and through its {@code faktory} launcher) next to real
 * Faktory plus its Redis: idle after start, and 10 s after a burst of short sessions (connect, {@code +HI},
 * {@code HELLO}, {@code END}) over 10 connections at a time.
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
    Samples launcherIdle = new Samples();
    Samples launcherAfter = new Samples();
    boolean launcher = Spawned.hasLauncher(settings.fakeJar());
    List<Figure.Step> steps = new ArrayList<>(List.of(
        () -> measure(Spawned.fakeJar(settings.fakeJar(), settings.fakeJvm()), sessions, settleMillis, fakeIdle, fakeAfter),
        () -> measure(Spawned.faktory(settings.faktory()), sessions, settleMillis, realIdle, realAfter)));
    if (launcher) {
      steps.add(() -> measure(Spawned.fakeLauncher(settings.fakeJar()), sessions, settleMillis, launcherIdle,
          launcherAfter));
    }
    Figure.rotate(settings.runs(), steps);
    String after = "RSS " + settleMillis / 1000 + " s after " + sessions + " sessions: ";
    List<Row> rows = new ArrayList<>(List.of(
        Row.size("RSS idle: jar vs Faktory + Redis", "MB", fakeIdle, realIdle, 2.0),
        Row.size(after + "jar vs Faktory + Redis", "MB", fakeAfter, realAfter, 2.0)));
    if (launcher) {
      rows.add(Row.size("RSS idle: faktory launcher vs Faktory + Redis", "MB", launcherIdle, realIdle, 2.0));
      rows.add(Row.size(after + "faktory launcher vs Faktory + Redis", "MB", launcherAfter, realAfter, 2.0));
    }
    return rows;
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
