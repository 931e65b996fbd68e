package io.github.faktorytestkit.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * TLS 1.3 sessions and their resumption by ticket, as a client sees them: handshakes of the scripted client
 * ({@link Tls13Client}) offering {@code psk_dhe_ke} and a server name, the first a full one, the next presenting the
 * ticket the server sent in the one before, or a ticket changed, or a ticket with a binder of another PSK.
 */
final class Tls13Resumption {
  private static final String EXTRA = TlsHellos.extension(0, "000c0000096c6f63616c686f7374") // "localhost"
      + TlsHellos.extension(45, "0101"); // psk_dhe_ke
  private static final int APPLICATION_DATA = 23;
  private static final int HANDSHAKE = 22;
  private static final int CLIENT_HELLO = 1;
  private static final int SERVER_HELLO = 2;
  private static final int RANDOM_AT = 4 + 2;
  private static final int RANDOM_LENGTH = 32;
  private static final int NEW_SESSION_TICKET = 4;
  private static final Map<Integer, String> NAMES = Map.of(2, "ServerHello", 8, "EncryptedExtensions",
      11, "Certificate", 15, "CertificateVerify", 20, "Finished");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tls13Resumption() {}

  /** One session: how it went ({@link #sessions}' form), and the ticket the server sent in it. */
  private record Session(String flight, Tls13Client.Ticket ticket) {}

  /**
   * Returns, for a full handshake, then one with its ticket, then one more with the resumption's ticket, then one
   * with that ticket in a second hello after a HelloRetryRequest, then one with a ticket changed in its last byte:
   * the server's handshake messages after the client's (last) hello, by name (a
   * server hello and encrypted extensions with the types of their extensions) and its server hello in hex but for its
   * random and key share, its NewSessionTicket (lifetime, nonce
   * and ticket lengths, extensions' length) and the first line it sends once the client's Finished is in, up to its
   * first space; last, all a server sends for a hello with a ticket and a binder of another PSK (hex).
   */
  static List<String> sessions(URI url) throws IOException {
    Session full = session(url, null, false);
    Session resumed = session(url, full.ticket(), false);
    Session again = session(url, resumed.ticket(), false);
    Session afterARetry = session(url, again.ticket(), true);
    Tls13Client.Ticket ticket = full.ticket();
    byte[] changed = ticket.label().clone();
    changed[changed.length - 1] ^= 1;
    Session forged = session(url, new Tls13Client.Ticket(changed, ticket.ageAdd(), ticket.psk()), false);
    byte[] otherPsk = ticket.psk().clone();
    otherPsk[0] ^= 1;
    String refused = refusal(url, new Tls13Client.Ticket(ticket.label(), ticket.ageAdd(), otherPsk));
    return List.of(full.flight(), resumed.flight(), again.flight(), afterARetry.flight(), forged.flight(), refused);
  }

  /** A session offering {@code offered} (none if null), in a second hello after a HelloRetryRequest if {@code retry}. */
  private static Session session(URI url, Tls13Client.Ticket offered, boolean retry) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      Tls13Client.Flight flight = retry ? Tls13Client.handshakeAfterARetry(in, out, EXTRA, offered)
          : Tls13Client.handshake(in, out, EXTRA, offered);
      byte[] ticketMessage = content(flight.server(), Tls13Client.readRecord(in), HANDSHAKE);
      out.write(flight.finished());
      byte[] line = content(flight.server(), Tls13Client.readRecord(in), APPLICATION_DATA);
      String first = new String(line, StandardCharsets.US_ASCII).split(" ")[0];
      return new Session(messages(flight.transcript()) + " " + describe(ticketMessage) + " then " + first,
          ticket(ticketMessage, flight.resumptionSecret()));
    }
  }

  /** The content of {@code record}, sealed under {@code keys}, of inner content type {@code type}. */
  static byte[] content(Tls13Client.Keys keys, byte[] record, int type) throws IOException {
    byte[] opened = keys.open(record);
    if (opened[0] != type) {
      throw new IOException("TLS 1.3 session: a record of type " + opened[0] + " where " + type + " was expected");
    }
    return Arrays.copyOfRange(opened, 1, opened.length);
  }

  /** All the server sends (hex) for a hello offering {@code ticket}, up to its close. */
  private static String refusal(URI url, Tls13Client.Ticket ticket) throws IOException {
    byte[] publicKey = new byte[X25519.POINT_SIZE];
    RANDOM.nextBytes(publicKey);
    String hello = HexFormat.of()
        .formatHex(Tls13Client.hello(Tls13Client.Suite.AES_128_GCM_SHA256, publicKey, EXTRA, ticket, new byte[0]));
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(HexFormat.of().parseHex(TlsHellos.record(hello)));
      return HexFormat.of().formatHex(socket.getInputStream().readAllBytes());
    }
  }

  /**
   * The messages of {@code transcript} after the client's last hello, by name, then the server hello in hex but for
   * its random and its X25519 share ({@code ..}).
   */
  static String messages(byte[] transcript) {
    ByteBuffer messages = ByteBuffer.wrap(transcript);
    List<String> names = new ArrayList<>();
    String serverHello = "";
    while (messages.hasRemaining()) {
      int type = Byte.toUnsignedInt(messages.get(messages.position()));
      int length = messages.getInt(messages.position()) & 0xffffff;
      names.add(NAMES.getOrDefault(type, "type " + type) + extensions(type, messages.slice(messages.position() + 4,
          length)));
      if (type == CLIENT_HELLO) {
        names.clear();
      } else if (type == SERVER_HELLO) {
        serverHello = HexFormat.of().formatHex(transcript, messages.position(), messages.position() + 4 + length);
      }
      skipMessage(messages);
    }
    String withoutShare = serverHello.replaceFirst("(00330024001d0020)[0-9a-f]{64}", "$1..");
    return String.join(" ", names) + " " + withoutShare.substring(0, 2 * RANDOM_AT) + ".."
        + withoutShare.substring(2 * (RANDOM_AT + RANDOM_LENGTH));
  }

  /** The types of a server hello's or encrypted extensions' extensions, in their order ({@code "(43 51)"}). */
  private static String extensions(int type, ByteBuffer body) {
    if (type == 2) {
      body.position(2 + 32);
      body.position(body.position() + 1 + Byte.toUnsignedInt(body.get(body.position())) + 2 + 1);
    } else if (type != 8) {
      return "";
    }
    int end = body.position() + 2 + Short.toUnsignedInt(body.getShort());
    List<Integer> types = new ArrayList<>();
    while (body.position() < end) {
      types.add(Short.toUnsignedInt(body.getShort()));
      body.position(body.position() + 2 + Short.toUnsignedInt(body.getShort(body.position())));
    }
    return types.stream().map(String::valueOf).collect(Collectors.joining(" ", "(", ")"));
  }

  private static void skipMessage(ByteBuffer messages) {
    messages.position(messages.position() + 4 + (messages.getInt(messages.position()) & 0xffffff));
  }

  /** A NewSessionTicket message described by its fields' lengths ({@code "NewSessionTicket(lifetime 604800, ...)"}). */
  static String describe(byte[] message) {
    if (message[0] != NEW_SESSION_TICKET) {
      return "type " + message[0];
    }
    ByteBuffer body = ByteBuffer.wrap(message, 4, message.length - 4);
    long lifetime = Integer.toUnsignedLong(body.getInt());
    body.getInt();
    int nonce = Byte.toUnsignedInt(body.get());
    body.position(body.position() + nonce);
    int ticket = Short.toUnsignedInt(body.getShort());
    body.position(body.position() + ticket);
    return "NewSessionTicket(lifetime " + lifetime + ", nonce " + nonce + ", ticket " + ticket + ", extensions "
        + Short.toUnsignedInt(body.getShort()) + ")";
  }

  /** The ticket of a NewSessionTicket message, with its PSK from the session's resumption master secret. */
  static Tls13Client.Ticket ticket(byte[] message, byte[] resumptionSecret) {
    ByteBuffer body = ByteBuffer.wrap(message, 4, message.length - 4);
    body.getInt();
    int ageAdd = body.getInt();
    byte[] nonce = new byte[Byte.toUnsignedInt(body.get())];
    body.get(nonce);
    byte[] label = new byte[Short.toUnsignedInt(body.getShort())];
    body.get(label);
    byte[] psk = Tls13Client.Suite.AES_128_GCM_SHA256.expandLabel(resumptionSecret, "resumption", nonce, 32);
    return new Tls13Client.Ticket(label, ageAdd, psk);
  }
}
