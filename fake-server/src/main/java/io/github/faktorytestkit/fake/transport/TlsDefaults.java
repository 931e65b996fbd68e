package io.github.faktorytestkit.fake.transport;

/**
 * The standalone jar's TLS setting, where the JVM was not given one: {@code jdk.tls.maxHandshakeMessageSize=65536},
 * so that BouncyCastle's engine takes a handshake message of up to 64 KiB, as Go does (it reads the property when a
 * TLS context is built, 32 KiB without it). The property is the JVM's, read by the JDK's own TLS too, and the engine
 * has no setting of its own: a fake inside a test's JVM leaves it to the user, and refuses a longer client hello
 * (fake-server/KNOWN-DIFFERENCES.md).
 */
final class TlsDefaults {
  private static final String MAX_HANDSHAKE_MESSAGE_SIZE = "jdk.tls.maxHandshakeMessageSize";
  private static final String GO_MAX_HANDSHAKE = "65536";

  private TlsDefaults() {}

  /** Sets the standalone jar's TLS setting unless given; call before the first TLS context is built. Idempotent. */
  static void applyStandalone() {
    NettyDefaults.setUnlessGiven(MAX_HANDSHAKE_MESSAGE_SIZE, GO_MAX_HANDSHAKE);
  }
}
