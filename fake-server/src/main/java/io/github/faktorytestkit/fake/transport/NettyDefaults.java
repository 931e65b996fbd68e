package io.github.faktorytestkit.fake.transport;

/**
 * Netty settings the fake chooses for itself before Netty's first use, each only when the JVM was not given a
 * value, so that a user's own choice wins.
 *
 * <p>{@code io.netty.jfr.enabled=false}: Netty 4.2 emits flight-recorder events from its allocator whenever the
 * JDK has a flight recorder, and the first such event class registers with JFR: about 90 {@code jdk.jfr} classes
 * and annotation proxies, the largest single cost of a cold {@code FakeFaktory.start()} (profiled with
 * {@code -Xlog:class+load}). Nobody asked for flight recording; with a recording running, the events still come
 * from everything but the fake's buffers.
 */
final class NettyDefaults {
  private static final String JFR_EVENTS = "io.netty.jfr.enabled";

  private NettyDefaults() {}

  /** Sets the defaults not already set; call before any Netty class initialises. Idempotent. */
  static void apply() {
    if (System.getProperty(JFR_EVENTS) == null) {
      System.setProperty(JFR_EVENTS, "false");
    }
  }
}
