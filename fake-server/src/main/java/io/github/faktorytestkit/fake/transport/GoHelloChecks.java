package io.github.faktorytestkit.fake.transport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.Set;

/**
 * Decides, from the first handshake message a client sends, whether Go's server would refuse it before its first
 * reply, and with which alert: {@code readClientHello} (the message type, Go's parser, the ECH extension, the
 * version), then {@code processClientHello}, {@code checkForResumption} and {@code pickCertificate} of TLS 1.3, or
 * {@code processClientHello} and {@code pickCipherSuite} of TLS 1.2. A hello Go goes on with is left to BouncyCastle's TLS protocol.
 *
 * <p>A message of another type gets {@code decode_error} where Go's parser of its type refuses it
 * ({@link GoHandshakeTypes}), else {@code unexpected_message}.
 *
 * <p>After a HelloRetryRequest, the client's next message is judged as Go judges it ({@link #judgeRetried}).
 */
final class GoHelloChecks {
  private static final int TLS10 = 0x0301;
  private static final int TLS12 = 0x0303;
  private static final int TLS13 = 0x0304;
  private static final int CLIENT_HELLO = 1;
  private static final int FALLBACK_SCSV = 0x5600;
  private static final int PSK_DHE = 1;
  private static final Set<Integer> TLS13_SUITES = Set.of(0x1301, 0x1302, 0x1303);
  private static final List<Integer> ECDSA_SUITES = List.of(0xc02b, 0xc02c, 0xcca9, 0xc009, 0xc00a);
  private static final List<Integer> RSA_SUITES = List.of(0xc02f, 0xc030, 0xcca8, 0xc013, 0xc014);

  private final ServerKey key;
  private final GoTls13Tickets tickets;

  GoHelloChecks(ServerKey key, GoTls13Tickets tickets) {
    this.key = key;
    this.tickets = tickets;
  }

  /**
   * What Go's server does with a client's first handshake message: refuses it with {@code alert} (a whole alert
   * record), or goes on with {@code hello}, the message parsed.
   */
  record Verdict(byte[] alert, ClientHelloMessage hello) {
    private static Verdict refuse(byte[] alert) {
      return new Verdict(alert, null);
    }

    /** Whether Go refuses the message. */
    boolean refused() {
      return alert != null;
    }
  }

  /**
   * Judges {@code message} (type, length, body) as Go would.
   *
   * @param moreHandshakeBytes whether the client sent handshake bytes after the message
   */
  Verdict judge(byte[] message, boolean moreHandshakeBytes) {
    return judged(message, TLS10, GoHandshakeTypes::parses, hello -> refusal(hello, moreHandshakeBytes));
  }

  /**
   * Judges {@code message}, the client's next handshake message after the HelloRetryRequest asking {@code first}'s
   * client for a share of {@code group}, as Go's {@code doHelloRetryRequest} and the rest of its checks of TLS 1.3 do;
   * alerts are of TLS 1.2's record version.
   */
  Verdict judgeRetried(byte[] message, ClientHelloMessage first, int group) {
    return judged(message, TLS12, GoHandshakeTypes::parsesOverTls13,
        second -> alert(TLS12, retried(second, first, group)));
  }

  /**
   * Go's {@code unmarshalHandshakeMessage} of a message a client hello is expected as, then {@code refusal} of the
   * hello: another type gets {@code unexpected_message} where {@code otherTypeParses}, else {@code decode_error}, as
   * does a hello Go's parser refuses; alerts are of {@code recordVersion}.
   */
  private static Verdict judged(byte[] message, int recordVersion, Predicate<byte[]> otherTypeParses,
      Function<ClientHelloMessage, Optional<byte[]>> refusal) {
    if ((message[0] & 0xff) != CLIENT_HELLO) {
      int description = otherTypeParses.test(message) ? GoAlert.UNEXPECTED_MESSAGE : GoAlert.DECODE_ERROR;
      return Verdict.refuse(GoAlert.fatal(recordVersion, description));
    }
    Optional<ClientHelloMessage> parsed = ClientHelloMessage.parse(message);
    if (parsed.isEmpty()) {
      return Verdict.refuse(GoAlert.fatal(recordVersion, GoAlert.DECODE_ERROR));
    }
    ClientHelloMessage hello = parsed.get();
    return refusal.apply(hello).map(Verdict::refuse).orElse(new Verdict(null, hello));
  }

  private int retried(ClientHelloMessage second, ClientHelloMessage first, int group) {
    int ech = EchConfirmation.inner(first) ? retriedEncryptedHelloAlert(second.encryptedClientHello) : 0;
    if (ech != 0) {
      return ech;
    }
    if (second.keyShareCount != 1 || second.firstKeyShareGroup() != group || second.earlyData
        || second.changedIllegallyFrom(first)) {
      return GoAlert.ILLEGAL_PARAMETER;
    }
    return tls13AfterKeyShare(second, !GoKeyShares.valid(group, second.keyShares.get(group)));
  }

  /** A second hello after an inner one must be inner too: any other extension Go's parser refuses or takes as outer. */
  private static int retriedEncryptedHelloAlert(byte[] extension) {
    if (extension.length == 0) {
      return GoAlert.MISSING_EXTENSION;
    }
    return extension.length == 1 && extension[0] == 1 ? 0 : GoAlert.DECODE_ERROR;
  }

  /** Go's alert record for a parsed {@code hello}, or empty when Go goes on with the handshake. */
  private Optional<byte[]> refusal(ClientHelloMessage hello, boolean moreHandshakeBytes) {
    int version = mutualVersion(hello);
    int beforeVersion = version == 0 ? GoAlert.PROTOCOL_VERSION : encryptedHelloAlert(hello.encryptedClientHello);
    if (beforeVersion != 0) {
      return alert(TLS10, beforeVersion);
    }
    return alert(TLS12, version == TLS13 ? tls13(hello, moreHandshakeBytes) : tls12(hello));
  }

  private static Optional<byte[]> alert(int recordVersion, int description) {
    return description == 0 ? Optional.empty() : Optional.of(GoAlert.fatal(recordVersion, description));
  }

  /** Go's {@code parseECHExt}: an inner extension is one byte, an outer one has its fields; 0 when fine. */
  private static int encryptedHelloAlert(byte[] extension) {
    if (extension.length == 0) {
      return 0;
    }
    TlsCursor s = TlsCursor.of(extension);
    return switch (s.readUint(1)) {
      case 1 -> s.isEmpty() ? 0 : GoAlert.DECODE_ERROR;
      case 0 -> s.skip(5) && s.readVector(2).isPresent() && s.readVector(2).isPresent() ? 0 : GoAlert.DECODE_ERROR;
      default -> GoAlert.ILLEGAL_PARAMETER;
    };
  }

  /** The version Go picks: TLS 1.3 or 1.2 from the supported versions, else from the legacy field; 0 for none. */
  private static int mutualVersion(ClientHelloMessage hello) {
    if (hello.supportedVersions.isEmpty()) {
      return hello.legacyVersion >= TLS12 ? TLS12 : 0;
    }
    return hello.supportedVersions.contains(TLS13) ? TLS13 : hello.supportedVersions.contains(TLS12) ? TLS12 : 0;
  }

  private int tls13(ClientHelloMessage hello, boolean moreHandshakeBytes) {
    if (hello.compressionMethods.length != 1 || hello.compressionMethods[0] != 0) {
      return GoAlert.ILLEGAL_PARAMETER;
    }
    if (hello.secureRenegotiation.length != 0) {
      return GoAlert.HANDSHAKE_FAILURE;
    }
    if (hello.earlyData) {
      return GoAlert.UNSUPPORTED_EXTENSION;
    }
    Optional<Integer> selected = GoNamedGroups.tls13Group(hello);
    if (hello.cipherSuites.stream().noneMatch(TLS13_SUITES::contains) || selected.isEmpty()) {
      return GoAlert.HANDSHAKE_FAILURE;
    }
    int group = selected.get();
    byte[] share = hello.keyShares.get(group);
    if (share == null) {
      // Go sends a HelloRetryRequest, as BouncyCastle does, unless handshake bytes are waiting
      return moreHandshakeBytes ? GoAlert.UNEXPECTED_MESSAGE : 0;
    }
    return tls13AfterKeyShare(hello, !GoKeyShares.valid(group, share));
  }

  private int tls13AfterKeyShare(ClientHelloMessage hello, boolean badShare) {
    if (badShare) {
      return GoAlert.ILLEGAL_PARAMETER;
    }
    if (hello.quicTransportParameters) {
      return GoAlert.UNSUPPORTED_EXTENSION;
    }
    if (contains(hello.pskModes, PSK_DHE) && hello.pskIdentities.size() != hello.pskBinders.size()) {
      return GoAlert.ILLEGAL_PARAMETER;
    }
    if (tickets.offersResumable(hello, Instant.now())) {
      return 0; // Go resumes (or refuses the binder: the protocol's to check), and picks no certificate
    }
    if (hello.signatureAlgorithms.isEmpty()) {
      return GoAlert.MISSING_EXTENSION;
    }
    return hello.signatureAlgorithms.stream().anyMatch(key.tls13Schemes()::contains) ? 0 : GoAlert.HANDSHAKE_FAILURE;
  }

  private int tls12(ClientHelloMessage hello) {
    if (!contains(hello.compressionMethods, 0)) {
      return GoAlert.ILLEGAL_PARAMETER;
    }
    if (hello.secureRenegotiation.length != 0) {
      return GoAlert.HANDSHAKE_FAILURE;
    }
    boolean uncompressedPoints = hello.supportedPoints.length == 0 || contains(hello.supportedPoints, 0);
    if (!uncompressedPoints) {
      return GoAlert.MISSING_EXTENSION;
    }
    boolean ecdhe = hello.supportedCurves.stream().anyMatch(GoNamedGroups::tls12);
    List<Integer> suites = key.ecdsaSuites() ? ECDSA_SUITES : RSA_SUITES;
    if (!ecdhe || hello.cipherSuites.stream().noneMatch(suites::contains)) {
      return GoAlert.HANDSHAKE_FAILURE;
    }
    return hello.cipherSuites.contains(FALLBACK_SCSV) && hello.legacyVersion < TLS13 ? GoAlert.INAPPROPRIATE_FALLBACK
        : 0;
  }

  private static boolean contains(byte[] values, int value) {
    for (byte b : values) {
      if ((b & 0xff) == value) {
        return true;
      }
    }
    return false;
  }
}
