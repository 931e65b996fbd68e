package io.github.faktorytestkit.client;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.tls.NamedGroup;

/** Reads the first record a TLS 1.3 server sends: its ServerHello, in the clear. */
final class ServerHello {
  private static final int HANDSHAKE = 22;
  private static final int SERVER_HELLO = 2;
  private static final int PRE_SHARED_KEY = 41;
  private static final int KEY_SHARE = 51;
  /** The random of a HelloRetryRequest (RFC 8446, 4.1.3). */
  private static final byte[] RETRY_RANDOM =
      HexFormat.of().parseHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

  private final boolean retry;
  private final int sessionIdLength;
  private final Map<Integer, ByteBuffer> extensions;

  private ServerHello(boolean retry, int sessionIdLength, Map<Integer, ByteBuffer> extensions) {
    this.retry = retry;
    this.sessionIdLength = sessionIdLength;
    this.extensions = extensions;
  }

  /**
   * Returns the length of the session id of the server's first hello and the types of its extensions, in their order
   * ({@code "session id 0, extensions 43 51"}).
   *
   * @throws IllegalArgumentException when {@code received} does not start with a ServerHello
   */
  static String shape(byte[] received) {
    ServerHello hello = read(received);
    return "session id " + hello.sessionIdLength + ", extensions "
        + hello.extensions.keySet().stream().map(String::valueOf).collect(Collectors.joining(" "));
  }

  /**
   * Returns the name of the group in the key share of the server's first hello ({@code X25519MLKEM768},
   * {@code x25519}, ...), followed by {@code " after HelloRetryRequest"} when that hello asked the client for it.
   *
   * @throws IllegalArgumentException when {@code received} does not start with a TLS 1.3 ServerHello
   */
  static String group(byte[] received) {
    ServerHello hello = read(received);
    ByteBuffer share = hello.extension(KEY_SHARE);
    String name = NamedGroup.getName(Short.toUnsignedInt(share.getShort()));
    return hello.retry ? name + " after HelloRetryRequest" : name;
  }

  /**
   * Returns whether the server's first hello accepts a pre-shared key: the session the client offered resumes.
   *
   * @throws IllegalArgumentException when {@code received} does not start with a TLS 1.3 ServerHello
   */
  static boolean resumes(byte[] received) {
    ServerHello hello = read(received);
    hello.extension(KEY_SHARE);
    return hello.extensions.containsKey(PRE_SHARED_KEY);
  }

  private ByteBuffer extension(int type) {
    ByteBuffer data = extensions.get(type);
    if (data == null) {
      throw new IllegalArgumentException("ServerHello: no extension " + type + " (not TLS 1.3)");
    }
    return data.duplicate();
  }

  private static ServerHello read(byte[] received) {
    ByteBuffer hello = ByteBuffer.wrap(received);
    expect(hello.get() == HANDSHAKE, "a handshake record");
    skip(hello, 2 + 2); // record version, length
    expect(hello.get() == SERVER_HELLO, "a ServerHello");
    skip(hello, 3 + 2); // handshake length, legacy version
    byte[] random = new byte[32];
    hello.get(random);
    int sessionIdLength = Byte.toUnsignedInt(hello.get());
    skip(hello, sessionIdLength + 2 + 1); // session id, cipher suite, compression
    // a server hello with no extensions may leave out their length
    int end = hello.hasRemaining() ? Short.toUnsignedInt(hello.getShort()) + hello.position() : hello.position();
    Map<Integer, ByteBuffer> extensions = new LinkedHashMap<>();
    while (hello.position() < end) {
      int type = Short.toUnsignedInt(hello.getShort());
      int length = Short.toUnsignedInt(hello.getShort());
      extensions.put(type, hello.slice(hello.position(), length));
      skip(hello, length);
    }
    return new ServerHello(Arrays.equals(random, RETRY_RANDOM), sessionIdLength, extensions);
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
