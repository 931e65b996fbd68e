package io.github.faktorytestkit.client;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads what a TLS 1.2 server sends in the clear: its handshake messages up to its change of cipher spec (or all
 * received, when it sends none).
 */
final class Tls12Flight {
  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int HANDSHAKE = 22;
  private static final int NEW_SESSION_TICKET = 4;
  private static final int LIFETIME_AND_LENGTH = 6;
  private static final int RANDOM_AT = 4 + 2;
  private static final int RANDOM = 32;
  private static final Map<Integer, String> NAMES = Map.of(2, "ServerHello", 11, "Certificate",
      12, "ServerKeyExchange", 14, "ServerHelloDone", NEW_SESSION_TICKET, "NewSessionTicket");

  private Tls12Flight() {}

  /**
   * Returns the server's handshake messages in the clear, by name, a NewSessionTicket with its lifetime hint
   * ({@code "ServerHello Certificate ... NewSessionTicket(lifetime 0)"}), followed by {@code " ChangeCipherSpec"}
   * when it came.
   */
  static String messages(byte[] received) {
    String names = read(received).stream().map(Tls12Flight::name).collect(Collectors.joining(" "));
    return clear(received).changeCipherSpec() ? names + " ChangeCipherSpec" : names;
  }

  /**
   * Returns the ticket of the last NewSessionTicket in the clear.
   *
   * @throws IllegalArgumentException when {@code received} has none
   */
  static byte[] ticket(byte[] received) {
    ByteBuffer last = read(received).stream().filter(m -> Byte.toUnsignedInt(m.get(0)) == NEW_SESSION_TICKET)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalArgumentException("TLS 1.2 flight: no NewSessionTicket"));
    return Arrays.copyOfRange(last.array(), last.arrayOffset() + 4 + LIFETIME_AND_LENGTH,
        last.arrayOffset() + last.limit());
  }

  /** Returns the handshake bytes (messages from their type byte on) of the records before the change of cipher spec. */
  static byte[] handshake(byte[] received) {
    return clear(received).handshake();
  }

  /** Returns the first message (the server hello), in hex, its random (32 bytes after the version) as {@code ..}. */
  static String serverHelloWithoutRandom(byte[] received) {
    ByteBuffer hello = read(received).get(0);
    String hex = HexFormat.of().formatHex(hello.array(), hello.arrayOffset(), hello.arrayOffset() + hello.limit());
    return hex.substring(0, 2 * RANDOM_AT) + ".." + hex.substring(2 * (RANDOM_AT + RANDOM));
  }

  /** Whether {@code received} holds a change of cipher spec or the ServerHelloDone of a full handshake. */
  static boolean complete(byte[] received) {
    return clear(received).changeCipherSpec() || messages(received).endsWith("ServerHelloDone");
  }

  private static String name(ByteBuffer message) {
    int type = Byte.toUnsignedInt(message.get(0));
    String name = NAMES.getOrDefault(type, "type " + type);
    return type == NEW_SESSION_TICKET ? name + "(lifetime " + message.getInt(4) + ")" : name;
  }

  /** The handshake messages in the clear, each from its type byte on; a message cut short is left out. */
  private static List<ByteBuffer> read(byte[] received) {
    ByteBuffer stream = ByteBuffer.wrap(clear(received).handshake());
    List<ByteBuffer> messages = new ArrayList<>();
    while (stream.remaining() >= 4) {
      int length = stream.getInt(stream.position()) & 0xffffff;
      if (stream.remaining() < 4 + length) {
        break;
      }
      messages.add(stream.slice(stream.position(), 4 + length));
      stream.position(stream.position() + 4 + length);
    }
    return messages;
  }

  /** The handshake bytes of the records before the first change of cipher spec, and whether one came. */
  private static Clear clear(byte[] received) {
    ByteBuffer records = ByteBuffer.wrap(received);
    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    while (records.remaining() >= 5) {
      int type = Byte.toUnsignedInt(records.get());
      records.position(records.position() + 2); // record version
      int length = Math.min(Short.toUnsignedInt(records.getShort()), records.remaining());
      if (type == CHANGE_CIPHER_SPEC) {
        return new Clear(handshake.toByteArray(), true);
      }
      if (type == HANDSHAKE) {
        handshake.write(received, records.position(), length);
      }
      records.position(records.position() + length);
    }
    return new Clear(handshake.toByteArray(), false);
  }

  private record Clear(byte[] handshake, boolean changeCipherSpec) {}
}
