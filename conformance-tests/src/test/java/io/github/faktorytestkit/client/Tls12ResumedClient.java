package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.TlsCrypto.concat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A scripted TLS 1.2 client resuming a session of its own ({@link Tls12Client}'s: a suite of {@link Tls12Suite} over
 * X25519, with the extended master secret) by the ticket the server sent after it: its hello presents the ticket, it
 * reads the server's abbreviated flight (ServerHello, NewSessionTicket, ChangeCipherSpec, its sealed Finished) and
 * makes its own, the ChangeCipherSpec and Finished records, which a test may change before sending them; it opens the
 * server's answer with the server's keys.
 */
final class Tls12ResumedClient {
  /** The answer of a server that goes on: a record of application data (Faktory's HI). */
  static final String GOES_ON = "the server goes on";
  private static final String SESSION_ID = "5a".repeat(32);
  private static final String ABBREVIATED = "ServerHello NewSessionTicket(lifetime 0) ChangeCipherSpec";
  private static final String CHANGE_CIPHER_SPEC = "140303000101";
  private static final int SESSION_TICKET = 35;
  private static final int ALERT = 21;
  private static final int HANDSHAKE = 22;
  private static final int APPLICATION_DATA = 23;
  private static final int RANDOM_AT = 4 + 2;
  private static final int RANDOM = 32;
  private static final int FATAL = 2;
  private static final byte[] FINISHED = {20, 0, 0, 12};

  private Tls12ResumedClient() {}

  /** A session of {@code suite} the server sent a ticket for: the ticket, and the session's master secret. */
  record Session(Tls12Suite suite, byte[] ticket, byte[] master) {}

  /**
   * The client's flight of a resumption: its ChangeCipherSpec record, its Finished record (sealed under the client's
   * keys, {@code keys}, as its first record after the ChangeCipherSpec), and the server's keys, which seal its answer.
   */
  record Flight(byte[] changeCipherSpec, byte[] finished, Tls12Keys keys, Tls12Keys server) {
    /** The two records, in their order. */
    byte[] records() {
      return concat(changeCipherSpec, finished);
    }

    /** {@code message} sealed as the client's first record after the ChangeCipherSpec, of content type {@code type}. */
    byte[] seal(int type, byte[] message) {
      return keys.seal(type, message);
    }
  }

  /**
   * Makes a full handshake of {@code suite} with the server at {@code url}, offering the session_ticket extension: its
   * session.
   */
  static Session session(URI url, Tls12Suite suite) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      Tls12Client.Flight flight = Tls12Client.handshake(in, socket.getOutputStream(), suite,
          suite.hello("", TlsHellos.extension(SESSION_TICKET, "")));
      socket.getOutputStream().write(flight.records());
      return new Session(suite, Tls12Flight.ticket(Tls12Resumption.readFlight(in)), flight.master());
    }
  }

  /**
   * Sends a hello presenting the ticket of {@code session} on {@code out}, reads the server's abbreviated flight from
   * {@code in} and returns the client's flight.
   *
   * @throws IOException when the server does not resume the session
   */
  static Flight resume(InputStream in, OutputStream out, Session session) throws IOException {
    Tls12Suite suite = session.suite();
    byte[] hello = HexFormat.of().parseHex(suite.hello(SESSION_ID,
        TlsHellos.extension(SESSION_TICKET, HexFormat.of().formatHex(session.ticket()))));
    out.write(hello);
    byte[] received = Tls12Resumption.readFlight(in);
    if (!Tls12Flight.messages(received).equals(ABBREVIATED)) {
      throw new IOException("TLS 1.2 client: the session was not resumed: " + Tls12Flight.messages(received));
    }
    byte[] finishedHeader = in.readNBytes(5); // the server's Finished, sealed
    in.readNBytes((finishedHeader[3] & 0xff) << 8 | finishedHeader[4] & 0xff);
    byte[] serverMessages = Tls12Flight.handshake(received);
    byte[] serverRandom = Arrays.copyOfRange(serverMessages, RANDOM_AT, RANDOM_AT + RANDOM);
    byte[] clientRandom = Arrays.copyOfRange(hello, 5 + RANDOM_AT, 5 + RANDOM_AT + RANDOM);
    byte[] block = suite.prf(session.master(), "key expansion", concat(serverRandom, clientRandom), suite.keyBlock());
    byte[] transcript = concat(Arrays.copyOfRange(hello, 5, hello.length), serverMessages);
    transcript = concat(transcript, finished(session, "server finished", transcript));
    Tls12Keys keys = suite.clientKeys(block);
    return new Flight(HexFormat.of().parseHex(CHANGE_CIPHER_SPEC),
        keys.seal(HANDSHAKE, finished(session, "client finished", transcript)), keys, suite.serverKeys(block));
  }

  private static byte[] finished(Session session, String label, byte[] transcript) {
    Tls12Suite suite = session.suite();
    return concat(FINISHED, suite.prf(session.master(), label, suite.hash().digest(transcript), 12));
  }

  /**
   * The server's answer to the client's flight, read from {@code in} once the client ended its output:
   * {@link #GOES_ON} for a record of application data, {@code "alert N"} for a fatal alert sealed with the server's
   * keys ({@code "warning N"} for another level), else all it sent in hex ({@code ""} for a close without a byte).
   */
  static String answer(InputStream in, Tls12Keys server) throws IOException {
    byte[] header = in.readNBytes(5);
    if (header.length == 5 && header[0] == APPLICATION_DATA) {
      return GOES_ON;
    }
    int sealedAlert = server.suite().sealing().sealedLength(2);
    if (header.length < 5 || header[0] != ALERT || ((header[3] & 0xff) << 8 | header[4] & 0xff) != sealedAlert) {
      return HexFormat.of().formatHex(header) + HexFormat.of().formatHex(in.readAllBytes());
    }
    byte[] alert = server.open(1, concat(header, in.readNBytes(sealedAlert))); // after the server's Finished
    return (alert[0] == FATAL ? "alert " : "warning ") + alert[1];
  }
}
