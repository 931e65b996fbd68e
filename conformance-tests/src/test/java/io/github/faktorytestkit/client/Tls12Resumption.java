package io.github.faktorytestkit.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * A TLS 1.2 session and its resumption by ticket, as a client sees them in the clear: a full handshake of the JDK's
 * client (which keeps no ticket of a lifetime hint of 0, Go's), then hellos of ours presenting the ticket the server
 * sent in it, and a ticket of the same length it did not issue ({@link Tls12Flight} reads the answers).
 */
final class Tls12Resumption {
  /** The session id of the hellos presenting a ticket, which a server resuming the ticket's session echoes. */
  private static final String SESSION_ID = "5a".repeat(32);

  private Tls12Resumption() {}

  /**
   * Returns the server hello's shape ({@link ServerHello#shape}) and the messages in the clear, of the full handshake,
   * then of a hello with its ticket, then of a hello with that ticket's last byte changed; last, the server hello of
   * the resumption in hex but for its random ({@link Tls12Flight#serverHelloWithoutRandom}), and the ticket's length.
   */
  static List<String> flights(SSLContext client, URI url) throws IOException {
    byte[] full = fullHandshake(client, url);
    byte[] ticket = Tls12Flight.ticket(full);
    byte[] forged = ticket.clone();
    forged[forged.length - 1] ^= 1;
    byte[] resumed = answer(url, ticket, true);
    return List.of(describe(full), describe(resumed), describe(answer(url, forged, true)),
        Tls12Flight.serverHelloWithoutRandom(resumed), "ticket of " + ticket.length + " bytes");
  }

  /**
   * Returns what the server sends ({@link #flights}' way, {@code "closed"} for nothing) for a hello presenting the
   * ticket of a session with the extended master secret, without the extension.
   */
  static String withoutExtendedMasterSecret(SSLContext client, URI url) throws IOException {
    return describe(answer(url, Tls12Flight.ticket(fullHandshake(client, url)), false));
  }

  private static String describe(byte[] received) {
    return received.length == 0 ? "closed" : ServerHello.shape(received) + ": " + Tls12Flight.messages(received);
  }

  private static byte[] fullHandshake(SSLContext client, URI url) throws IOException {
    return TappedSocket.handshake(client, url, "TLSv1.2");
  }

  /**
   * What the server sends for a hello presenting {@code ticket} (offering the extended master secret when {@code ems}),
   * up to its change of cipher spec or hello done.
   */
  private static byte[] answer(URI url, byte[] ticket, boolean ems) throws IOException {
    String hello = TlsHellos.helloWithSessionId("0303", SESSION_ID, "c02bc02cc009cca9c02f", "00",
        TlsHellos.extension(10, "0004001d0017"), TlsHellos.extension(11, "0100"), TlsHellos.ECDSA_P256,
        ems ? TlsHellos.extension(23, "") : "", TlsHellos.extension(0xff01, "00"),
        TlsHellos.extension(35, HexFormat.of().formatHex(ticket)));
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(HexFormat.of().parseHex(TlsHellos.record(hello)));
      return readFlight(socket.getInputStream());
    }
  }

  /** Reads the server's records from {@code in} up to its change of cipher spec or ServerHelloDone, or its close. */
  static byte[] readFlight(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    while (!Tls12Flight.complete(received.toByteArray())) {
      byte[] header = in.readNBytes(5);
      if (header.length < 5) {
        break;
      }
      received.write(header);
      received.write(in.readNBytes((header[3] & 0xff) << 8 | header[4] & 0xff));
    }
    return received.toByteArray();
  }
}
