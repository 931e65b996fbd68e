package io.github.faktorytestkit.client;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.tls.NamedGroup;

/** Reads the key exchange group from the first record a TLS 1.3 server sends: its ServerHello, in the clear. */
final class ServerHello {
  private static final int HANDSHAKE = 22;
  private static final int SERVER_HELLO = 2;
  private static final int KEY_SHARE = 51;
  /** The random of a HelloRetryRequest (RFC 8446, 4.1.3). */
  private static final byte[] RETRY_RANDOM =
      HexFormat.of().parseHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

  private ServerHello() {}

  /**
   * Returns the name of the group in the key share of the server's first hello ({@code X25519MLKEM768},
   * {@code x25519}, ...), followed by {@code " after HelloRetryRequest"} when that hello asked the client for it.
   *
   * @throws IllegalArgumentException when {@code received} does not start with a TLS 1.3 ServerHello
   */
  static String group(byte[] received) {
    ByteBuffer hello = ByteBuffer.wrap(received);
    expect(hello.get() == HANDSHAKE, "a handshake record");
    skip(hello, 2 + 2); // record version, length
    expect(hello.get() == SERVER_HELLO, "a ServerHello");
    skip(hello, 3 + 2); // handshake length, legacy version
    byte[] random = new byte[32];
    hello.get(random);
    skip(hello, Byte.toUnsignedInt(hello.get()) + 2 + 1); // session id, cipher suite, compression
    int end = Short.toUnsignedInt(hello.getShort()) + hello.position();
    while (hello.position() < end) {
      int type = Short.toUnsignedInt(hello.getShort());
      int length = Short.toUnsignedInt(hello.getShort());
      if (type == KEY_SHARE) {
        String name = NamedGroup.getName(Short.toUnsignedInt(hello.getShort()));
        return Arrays.equals(random, RETRY_RANDOM) ? name + " after HelloRetryRequest" : name;
      }
      skip(hello, length);
    }
    throw new IllegalArgumentException("ServerHello: no key share (not TLS 1.3)");
  }

  private static void skip(ByteBuffer buffer, int count) {
    buffer.position(buffer.position() + count);
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalArgumentException("ServerHello: the first message is not " + what);
    }
  }
}
