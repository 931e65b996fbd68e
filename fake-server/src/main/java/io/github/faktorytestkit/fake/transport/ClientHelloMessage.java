package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.ALPN;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.COOKIE;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.EARLY_DATA;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.ENCRYPTED_CLIENT_HELLO;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.EXTENDED_MASTER_SECRET;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.KEY_SHARE;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.PRE_SHARED_KEY;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.PSK_MODES;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.QUIC_TRANSPORT_PARAMETERS;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.RENEGOTIATION_INFO;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SCT;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SERVER_NAME;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SESSION_TICKET;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SIGNATURE_ALGORITHMS;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SIGNATURE_ALGORITHMS_CERT;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.STATUS_REQUEST;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SUPPORTED_CURVES;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SUPPORTED_POINTS;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SUPPORTED_VERSIONS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TLS client hello message (type, length and body) read as Go's {@code clientHelloMsg.unmarshal} reads it: the
 * same vectors, the same extensions checked, the same cases refused (a duplicate extension, an empty list where Go
 * wants one, {@code pre_shared_key} not last, bytes left over in a known extension); unknown extensions are skipped
 * unread. Only what Go's server checks before its first reply, and compares in a second hello after a
 * HelloRetryRequest ({@link #changedIllegallyFrom}), is kept.
 */
final class ClientHelloMessage {
  private static final int RENEGOTIATION_SCSV = 0x00ff;
  private static final int OCSP = 1;

  int legacyVersion;
  byte[] random = {};
  byte[] sessionId = {};
  List<Integer> cipherSuites = List.of();
  byte[] compressionMethods = {};
  List<Integer> supportedVersions = new ArrayList<>();
  List<Integer> supportedCurves = new ArrayList<>();
  byte[] supportedPoints = {};
  /** The key shares, by group: the first of each group, the one Go uses. */
  Map<Integer, byte[]> keyShares = new LinkedHashMap<>();
  /** How many key shares the hello has, those of a group sent twice included. */
  int keyShareCount;
  List<Integer> signatureAlgorithms = new ArrayList<>();
  List<Integer> signatureAlgorithmsCert = new ArrayList<>();
  /** The protocols of the ALPN extension, each as its bytes in ISO-8859-1. */
  List<String> alpnProtocols = new ArrayList<>();
  /** Whether the hello offers secure renegotiation: the extension, or the signalling cipher suite. */
  boolean secureRenegotiationSupported;
  byte[] secureRenegotiation = {};
  /** Whether the hello has a {@code status_request} extension asking for OCSP (Go's {@code ocspStapling}). */
  boolean ocspStapling;
  /** Whether the hello has a {@code signed_certificate_timestamp} extension. */
  boolean scts;
  byte[] cookie = {};
  boolean earlyData;
  byte[] pskModes = {};
  /** The identities of the {@code pre_shared_key} extension: a ticket each, with its obfuscated age. */
  List<PskIdentity> pskIdentities = new ArrayList<>();
  List<byte[]> pskBinders = new ArrayList<>();
  boolean quicTransportParameters;
  byte[] encryptedClientHello = {};
  /** Whether the hello has a {@code session_ticket} extension (Go's {@code ticketSupported}). */
  boolean sessionTicket;
  /** The ticket of the {@code session_ticket} extension, empty for none (Go's {@code sessionTicket}). */
  byte[] ticket = {};
  /** The host name of the server_name extension, empty for none. */
  byte[] serverName = {};

  private ClientHelloMessage() {}

  /**
   * Whether this hello, the second after a HelloRetryRequest, differs from {@code first} where a client must not
   * change it (Go's {@code illegalClientHelloChange}: all but the key shares, early data, the pre-shared key, padding
   * and the extensions Go does not compare).
   */
  boolean changedIllegallyFrom(ClientHelloMessage first) {
    return !supportedVersions.equals(first.supportedVersions) || !cipherSuites.equals(first.cipherSuites)
        || !supportedCurves.equals(first.supportedCurves) || !signatureAlgorithms.equals(first.signatureAlgorithms)
        || !signatureAlgorithmsCert.equals(first.signatureAlgorithmsCert) || !alpnProtocols.equals(first.alpnProtocols)
        || legacyVersion != first.legacyVersion || !Arrays.equals(random, first.random)
        || !Arrays.equals(sessionId, first.sessionId) || !Arrays.equals(compressionMethods, first.compressionMethods)
        || !Arrays.equals(serverName, first.serverName) || ocspStapling != first.ocspStapling
        || !Arrays.equals(supportedPoints, first.supportedPoints) || sessionTicket != first.sessionTicket
        || !Arrays.equals(ticket, first.ticket) || secureRenegotiationSupported != first.secureRenegotiationSupported
        || !Arrays.equals(secureRenegotiation, first.secureRenegotiation) || scts != first.scts
        || !Arrays.equals(cookie, first.cookie) || !Arrays.equals(pskModes, first.pskModes);
  }

  /** The group of the hello's first key share, or -1 when it has none. */
  int firstKeyShareGroup() {
    return keyShares.isEmpty() ? -1 : keyShares.keySet().iterator().next();
  }

  /** Reads {@code message} (from its type byte on), or empty where Go's unmarshal returns false. */
  static Optional<ClientHelloMessage> parse(byte[] message) {
    ClientHelloMessage hello = new ClientHelloMessage();
    return hello.read(TlsCursor.of(message)) ? Optional.of(hello) : Optional.empty();
  }

  private boolean read(TlsCursor s) {
    if (!s.skip(4) || (legacyVersion = s.readUint(2)) < 0) {
      return false;
    }
    Optional<byte[]> randomBytes = s.readBytes(32);
    Optional<TlsCursor> session = randomBytes.isPresent() ? s.readVector(1) : Optional.empty();
    if (session.isEmpty()) {
      return false;
    }
    random = randomBytes.get();
    sessionId = session.get().readRest();
    Optional<List<Integer>> suites = s.readVector(2).flatMap(vector -> uint16s(vector, false));
    Optional<TlsCursor> compression = suites.isPresent() ? s.readVector(1) : Optional.empty();
    if (compression.isEmpty()) {
      return false;
    }
    cipherSuites = suites.get();
    secureRenegotiationSupported = cipherSuites.contains(RENEGOTIATION_SCSV);
    compressionMethods = compression.get().readRest();
    if (s.isEmpty()) {
      return true;
    }
    Optional<TlsCursor> extensions = s.readVector(2);
    return extensions.isPresent() && s.isEmpty()
        && GoExtensions.read(extensions.get(), ClientHelloMessage::known, this::extension);
  }

  private static boolean known(int id) {
    return switch (id) {
      case SERVER_NAME, STATUS_REQUEST, SUPPORTED_CURVES, SUPPORTED_POINTS, SIGNATURE_ALGORITHMS, ALPN,
          SESSION_TICKET, PRE_SHARED_KEY, EARLY_DATA, SUPPORTED_VERSIONS, COOKIE, PSK_MODES,
          SIGNATURE_ALGORITHMS_CERT, KEY_SHARE, QUIC_TRANSPORT_PARAMETERS, RENEGOTIATION_INFO,
          ENCRYPTED_CLIENT_HELLO, SCT, EXTENDED_MASTER_SECRET -> true;
      default -> false;
    };
  }

  /** Reads one known extension; the caller checks that nothing of {@code data} is left. */
  private boolean extension(int id, TlsCursor data, TlsCursor rest) {
    return switch (id) {
      case SERVER_NAME -> serverNames(data);
      case STATUS_REQUEST -> statusRequest(data);
      case SUPPORTED_CURVES -> data.readVector(2).flatMap(v -> uint16s(v, true)).map(supportedCurves::addAll)
          .isPresent();
      case SUPPORTED_POINTS -> (supportedPoints = GoExtensions.nonEmpty(data.readVector(1))) != null;
      case SIGNATURE_ALGORITHMS -> data.readVector(2).flatMap(v -> uint16s(v, true))
          .map(signatureAlgorithms::addAll).isPresent();
      case SIGNATURE_ALGORITHMS_CERT -> data.readVector(2).flatMap(v -> uint16s(v, true))
          .map(signatureAlgorithmsCert::addAll).isPresent();
      case ALPN -> protocols(data);
      case SUPPORTED_VERSIONS -> data.readVector(1).flatMap(v -> uint16s(v, true)).map(supportedVersions::addAll)
          .isPresent();
      case COOKIE -> (cookie = GoExtensions.nonEmpty(data.readVector(2))) != null;
      case KEY_SHARE -> keyShares(data);
      case PSK_MODES -> (pskModes = data.readVector(1).map(TlsCursor::readRest).orElse(null)) != null;
      case PRE_SHARED_KEY -> rest.isEmpty() && preSharedKey(data);
      case RENEGOTIATION_INFO -> renegotiationInfo(data);
      default -> unparsed(id, data);
    };
  }

  /** The extensions Go takes whole: their bytes are consumed, whatever they hold. */
  private boolean unparsed(int id, TlsCursor data) {
    earlyData |= id == EARLY_DATA;
    quicTransportParameters |= id == QUIC_TRANSPORT_PARAMETERS;
    scts |= id == SCT;
    if (id == ENCRYPTED_CLIENT_HELLO) {
      encryptedClientHello = data.readRest();
    } else if (id == SESSION_TICKET) {
      sessionTicket = true;
      ticket = data.readRest();
    } else if (id == QUIC_TRANSPORT_PARAMETERS) {
      data.readRest();
    }
    return true;
  }

  private boolean statusRequest(TlsCursor data) {
    int type = data.readUint(1);
    ocspStapling = type == OCSP;
    return type >= 0 && data.readVector(2).isPresent() && data.readVector(2).isPresent();
  }

  private boolean renegotiationInfo(TlsCursor data) {
    secureRenegotiationSupported = true;
    return (secureRenegotiation = data.readVector(1).map(TlsCursor::readRest).orElse(null)) != null;
  }

  private boolean protocols(TlsCursor data) {
    Optional<TlsCursor> list = data.readVector(2).filter(protocols -> !protocols.isEmpty());
    while (list.isPresent() && !list.get().isEmpty()) {
      byte[] protocol = GoExtensions.nonEmpty(list.get().readVector(1));
      if (protocol == null) {
        return false;
      }
      alpnProtocols.add(new String(protocol, StandardCharsets.ISO_8859_1));
    }
    return list.isPresent();
  }

  private boolean serverNames(TlsCursor data) {
    Optional<TlsCursor> list = data.readVector(2).filter(v -> !v.isEmpty());
    if (list.isEmpty()) {
      return false;
    }
    TlsCursor names = list.get();
    while (!names.isEmpty()) {
      int type = names.readUint(1);
      byte[] name = GoExtensions.nonEmpty(type < 0 ? Optional.empty() : names.readVector(2));
      if (name == null) {
        return false;
      }
      if (type == 0 && (serverName.length > 0 || name[name.length - 1] == '.')) {
        return false;
      }
      serverName = type == 0 ? name : serverName;
    }
    return true;
  }

  private boolean keyShares(TlsCursor data) {
    Optional<TlsCursor> shares = data.readVector(2);
    while (shares.isPresent() && !shares.get().isEmpty()) {
      int group = shares.get().readUint(2);
      byte[] share = group < 0 ? null : GoExtensions.nonEmpty(shares.get().readVector(2));
      if (share == null) {
        return false;
      }
      keyShares.putIfAbsent(group, share);
      keyShareCount++;
    }
    return shares.isPresent();
  }

  private boolean preSharedKey(TlsCursor data) {
    Optional<TlsCursor> identities = data.readVector(2).filter(v -> !v.isEmpty());
    while (identities.isPresent() && !identities.get().isEmpty()) {
      byte[] label = GoExtensions.nonEmpty(identities.get().readVector(2));
      Optional<byte[]> age = label == null ? Optional.empty() : identities.get().readBytes(4);
      if (age.isEmpty()) {
        return false;
      }
      pskIdentities.add(new PskIdentity(label, age.get()));
    }
    Optional<TlsCursor> binders = identities.isPresent() ? data.readVector(2).filter(v -> !v.isEmpty())
        : Optional.empty();
    while (binders.isPresent() && !binders.get().isEmpty()) {
      byte[] binder = GoExtensions.nonEmpty(binders.get().readVector(1));
      if (binder == null) {
        return false;
      }
      pskBinders.add(binder);
    }
    return binders.isPresent();
  }

  /**
   * The length of the hello's binders list at its end, its length field with it, as Go's
   * {@code marshalWithoutBinders} cuts it off (0 without a {@code pre_shared_key} extension).
   */
  int bindersLength() {
    return pskBinders.isEmpty() ? 0 : 2 + pskBinders.stream().mapToInt(binder -> 1 + binder.length).sum();
  }

  /** A PSK identity of the hello: a ticket's label and its obfuscated age (4 bytes). */
  record PskIdentity(byte[] label, byte[] obfuscatedAge) {}

  /** The 16-bit values of {@code vector}; empty when its length is odd or, if {@code nonEmpty}, zero. */
  private static Optional<List<Integer>> uint16s(TlsCursor vector, boolean nonEmpty) {
    if (nonEmpty && vector.isEmpty()) {
      return Optional.empty();
    }
    List<Integer> values = new ArrayList<>();
    while (!vector.isEmpty()) {
      int value = vector.readUint(2);
      if (value < 0) {
        return Optional.empty();
      }
      values.add(value);
    }
    return Optional.of(values);
  }
}
