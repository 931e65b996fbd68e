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
  private static final String LEAK_DETECTION = "io.netty.leakDetection.level";
  private static volatile boolean nativePreferred;

  private NettyDefaults() {}

  /** Sets the defaults not already set; call before any Netty class initialises. Idempotent. */
  static void apply() {
    setUnlessGiven(JFR_EVENTS, "false");
  }

  /**
   * Sets the standalone jar's defaults not already set: those of {@link #apply()}, and no buffer leak tracking
   * ({@code io.netty.leakDetection.level=disabled}). Netty's default samples one buffer in 128 and records a stack
   * trace for it, about 3% of the jar's CPU under Go's {@code load} (perf); a test's JVM keeps the sampling, where a
   * buffer the fake leaks gets reported. Call before any Netty class initialises. Idempotent.
   */
  static void applyStandalone() {
    apply();
    setUnlessGiven(LEAK_DETECTION, "disabled");
  }

  /**
   * Makes the shared event-loop group ({@code SharedEventLoop}), once created, run Netty's native epoll transport
   * where it loads; call before its first use. Kept here, apart from the group: asking the group itself would have
   * the JVM link its class, and load the Netty classes its verification needs, on the jar's way to its bind.
   */
  static void preferNative() {
    nativePreferred = true;
  }

  /** Returns whether {@link #preferNative()} was called. */
  static boolean nativePreferred() {
    return nativePreferred;
  }

  /** Sets the system property {@code property} to {@code value} unless the JVM has a value for it. */
  static void setUnlessGiven(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
