package io.github.faktorytestkit.fake.transport;

/**
 * The standalone jar's TLS setting, where the JVM was not given one: {@code jdk.tls.maxHandshakeMessageSize=65536},
 * so that the JSSE engine of the web endpoints ({@link TlsCredentials#context}) takes a handshake message of up to
 * 64 KiB, as Go does (it reads the property when a TLS context is built, 32 KiB without it). The property is the
 * JVM's, read by the JDK's own TLS too: a fake inside a test's JVM leaves it to the user. The command port does not
 * depend on it ({@link GoTlsServer} takes up to 64 KiB).
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
