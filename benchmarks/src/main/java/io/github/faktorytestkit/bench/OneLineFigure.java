package io.github.faktorytestkit.bench;

import java.util.List;

/**
 * One-line request/reply rate over 10 connections: {@code ACK} of an unknown jid ({@code +OK}) on the fake's jar
 * next to {@code PING} ({@code +PONG}) on redis-server, with the same generator.
 */
final class OneLineFigure implements Figure {

  @Override
  public List<Row> measure(Settings settings) throws Exception {
    double seconds = settings.quick() ? 0.5 : 5;
    Samples fake = new Samples();
    Samples redis = new Samples();
    try (Spawned jar = Spawned.fakeJar(settings.fakeJar(), settings.fakeJvm()); Spawned server = Spawned.redis()) {
      // one untimed round each, so neither side is measured cold
      LineRate.run(() -> Wire.faktorySession(jar.port()), "ACK {\"jid\":\"unknown\"}", "+OK", 10, seconds);
      LineRate.run(() -> Wire.connect(server.port()), "PING", "+PONG", 10, seconds);
      Figure.interleave(settings.runs(),
          () -> fake.add(LineRate.run(() -> Wire.faktorySession(jar.port()), "ACK {\"jid\":\"unknown\"}", "+OK",
              10, seconds)),
          () -> redis.add(LineRate.run(() -> Wire.connect(server.port()), "PING", "+PONG", 10, seconds)));
    }
    return List.of(Row.rate("one-line round trips, 10 conns: fake ACK vs redis PING", "/s", fake, redis, 0.5));
  }
}
