package io.github.faktorytestkit.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * What a TLS server answers to hellos and records a test sends, and Go's answers (real Faktory 1.9.4's) where the
 * same for every Go server: what {@link TlsIT} asks of the command port and {@link WebTlsIT} of the web port.
 */
final class TlsProbes {
  private static final String SSL2_HELLO = "802e0103010015000000100000030000060000040000050000070000080000090000";
  private static final String WARNING_ALERT = "1503010002015a";
  private static final int HANDSHAKE_RECORD = 0x16;
  /** First bytes a client sends (hex) and all real Faktory 1.9.4 sends back before it closes (hex, "" for none). */
  static final Map<String, String> MALFORMED_FIRST_RECORDS = malformedFirstRecords();
  /** Groups a client offers (key share for the first) and the group real Faktory 1.9.4 takes. */
  static final Map<String, String> GO_KEY_EXCHANGES = goKeyExchanges();
  /**
   * A protocol and the suites a JDK client offers, and the suite Go's server picks (by its own order: AES-128 first, or
   * ChaCha20 first when the first suite of the client's that Go knows is not AES-GCM; suites it knows but does not
   * enable left out, "refused" when none is left).
   */
  static final Map<String, String> GO_SUITE_CHOICES = goSuiteChoices();
  /** The server hello's shape Go gives each of {@link TlsHellos#accepted}: TLS 1.3, TLS 1.2 offering a ticket. */
  static final List<String> GO_ACCEPTED_HELLO_SHAPES =
      List.of("session id 0, extensions 43 51", "session id 0, extensions 35 65281 23 11");

  private TlsProbes() {}

  private static Map<String, String> malformedFirstRecords() {
    Map<String, String> replies = new LinkedHashMap<>();
    replies.put(SSL2_HELLO, "15030100020246"); // protocol_version
    replies.put("1603014801", "15030100020216"); // a length over 16384 + 2048: record_overflow
    replies.put("1603010000", "1503010002020a"); // an empty handshake record: unexpected_message
    replies.put("150301000102", "1503010002020a"); // an alert that is not 2 bytes: unexpected_message
    replies.put("15030100020305", "1503010002020a"); // an alert of no level: unexpected_message
    replies.put("16100000050100000100", ""); // record version 16.0
    replies.put("170301000568656c6c6f", ""); // application data
    replies.put("140301000101", ""); // change_cipher_spec
    replies.put("15030100020228", ""); // a fatal alert
    replies.put("15030100020300", ""); // close_notify
    replies.put(WARNING_ALERT + SSL2_HELLO, "15030100020246"); // a warning alert is dropped
    replies.put(WARNING_ALERT.repeat(17), "1503010002020a"); // the 17th ignored record: unexpected_message
    return replies;
  }

  private static Map<String, String> goKeyExchanges() {
    Map<String, String> chosen = new LinkedHashMap<>();
    chosen.put("X25519MLKEM768 x25519 secp256r1", "X25519MLKEM768");
    chosen.put("SecP256r1MLKEM768 secp256r1", "SecP256r1MLKEM768");
    chosen.put("SecP384r1MLKEM1024 secp256r1", "SecP384r1MLKEM1024");
    chosen.put("x25519 secp256r1", "x25519");
    chosen.put("secp384r1 secp256r1", "secp384r1");
    chosen.put("secp256r1 x25519", "secp256r1");
    chosen.put("secp384r1 x25519 secp256r1", "secp384r1");
    chosen.put("secp521r1 secp256r1", "secp521r1");
    // not enabled by Go (x448 it does not know): the server asks for a share of a group it takes
    chosen.put("x448 secp256r1", "secp256r1 after HelloRetryRequest");
    chosen.put("ffdhe2048 x25519 secp256r1", "x25519 after HelloRetryRequest");
    // a hybrid first, though the client sent a share for another group only; without a share that fits, Go's order
    chosen.put("x25519 X25519MLKEM768 secp256r1", "X25519MLKEM768 after HelloRetryRequest");
    chosen.put("secp256r1 X25519MLKEM768", "X25519MLKEM768 after HelloRetryRequest");
    chosen.put("x25519 SecP384r1MLKEM1024 secp256r1", "SecP384r1MLKEM1024 after HelloRetryRequest");
    chosen.put("ffdhe2048 secp256r1 x25519", "x25519 after HelloRetryRequest");
    return chosen;
  }

  private static Map<String, String> goSuiteChoices() {
    Map<String, String> chosen = new LinkedHashMap<>();
    chosen.put("TLSv1.3 TLS_AES_256_GCM_SHA384 TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256");
    chosen.put("TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA "
        + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    chosen.put("TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");
    chosen.put("TLSv1.3 TLS_CHACHA20_POLY1305_SHA256 TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256");
    chosen.put("TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 "
        + "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    // known to Go but not enabled by default
    chosen.put("TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "refused");
    return chosen;
  }

  /** Returns the group each offer (groups separated by spaces) gets from the server at {@code url}. */
  static Map<String, String> keyExchanges(KeyExchangeProbe probe, URI url, Iterable<String> offers)
      throws IOException {
    Map<String, String> chosen = new LinkedHashMap<>();
    for (String offer : offers) {
      chosen.put(offer, probe.negotiate(url, offer.split(" ")));
    }
    return chosen;
  }

  /** Returns the suite each offer of {@link #GO_SUITE_CHOICES} gets from the server at {@code url}. */
  static Map<String, String> suitesChosen(SSLContext client, URI url) throws IOException {
    Map<String, String> chosen = new LinkedHashMap<>();
    for (String offer : GO_SUITE_CHOICES.keySet()) {
      chosen.put(offer, negotiate(client, url, offer.split(" ")));
    }
    return chosen;
  }

  /** What each malformed first record of {@link #MALFORMED_FIRST_RECORDS} gets from the server at {@code url}. */
  static Map<String, String> malformedFirstRecordAnswers(URI url) throws IOException {
    Map<String, String> replies = new LinkedHashMap<>();
    for (String record : MALFORMED_FIRST_RECORDS.keySet()) {
      replies.put(record, firstAnswer(url, HexFormat.of().parseHex(record)));
    }
    return replies;
  }

  /** The shape of the server hello each of {@link TlsHellos#accepted} gets from the server at {@code url}. */
  static List<String> acceptedHelloShapes(URI url) throws IOException {
    List<String> shapes = new ArrayList<>();
    for (String hello : TlsHellos.accepted()) {
      shapes.add(ServerHello.shape(firstRecord(url, hello)));
    }
    return shapes;
  }

  private static String negotiate(SSLContext client, URI url, String[] protocolThenSuites) throws IOException {
    SSLSocketFactory factory = client.getSocketFactory();
    try (SSLSocket socket = (SSLSocket) factory.createSocket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {protocolThenSuites[0]});
      socket.setEnabledCipherSuites(Arrays.copyOfRange(protocolThenSuites, 1, protocolThenSuites.length));
      socket.startHandshake();
      return socket.getSession().getCipherSuite();
    } catch (SSLHandshakeException e) {
      return "refused";
    }
  }

  /** What each hello gets from the server at {@code url}, on a connection of its own ({@link #firstAnswer(URI, byte[])}). */
  static Map<String, String> helloAnswers(URI url, Map<String, TlsHellos.Case> hellos) throws IOException {
    Map<String, String> answers = new LinkedHashMap<>();
    for (Map.Entry<String, TlsHellos.Case> hello : hellos.entrySet()) {
      answers.put(hello.getKey(), firstAnswer(url, HexFormat.of().parseHex(hello.getValue().sent())));
    }
    return answers;
  }

  /** The answer {@code answer} expects for each case. */
  static <T> Map<String, String> expected(Map<String, T> hellos, Function<T, String> answer) {
    Map<String, String> expected = new LinkedHashMap<>();
    hellos.forEach((name, hello) -> expected.put(name, answer.apply(hello)));
    return expected;
  }

  /** Sends {@code sent} (hex) to the server at {@code url} and returns the first record it sends back. */
  static byte[] firstRecord(URI url, String sent) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(HexFormat.of().parseHex(sent));
      return firstRecord(socket.getInputStream());
    }
  }

  /** Reads the first record the server sends, header and all. */
  static byte[] firstRecord(InputStream in) throws IOException {
    byte[] header = in.readNBytes(5);
    byte[] body = in.readNBytes((header[3] & 0xff) << 8 | header[4] & 0xff);
    byte[] record = Arrays.copyOf(header, header.length + body.length);
    System.arraycopy(body, 0, record, header.length, body.length);
    return record;
  }

  /** {@link TlsRetries#HANDSHAKE_GOES_ON} when the server answers {@code hello} with a handshake record, else all it sends. */
  static String firstAnswer(URI url, byte[] hello) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(hello);
      return firstAnswer(socket.getInputStream());
    }
  }

  /** {@link TlsRetries#HANDSHAKE_GOES_ON} when what {@code in} reads next is a handshake record, else all it reads. */
  static String firstAnswer(InputStream in) throws IOException {
    byte[] first = in.readNBytes(1);
    return first.length == 1 && first[0] == HANDSHAKE_RECORD ? TlsRetries.HANDSHAKE_GOES_ON
        : HexFormat.of().formatHex(first) + HexFormat.of().formatHex(in.readAllBytes());
  }
}
