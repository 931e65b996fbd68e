package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.ALPN;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.COOKIE;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.ENCRYPTED_CLIENT_HELLO;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.EXTENDED_MASTER_SECRET;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.KEY_SHARE;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.PRE_SHARED_KEY;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.RENEGOTIATION_INFO;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SCT;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SERVER_NAME;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SESSION_TICKET;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.STATUS_REQUEST;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SUPPORTED_POINTS;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SUPPORTED_VERSIONS;

import java.util.Optional;

/**
 * Whether Go's {@code serverHelloMsg.unmarshal} takes a message (type, length and body): version, random, session
 * id, cipher suite and compression method, then, if anything follows, extensions of which Go reads thirteen types
 * and skips the others. Go's server reads a server hello sent first with it, and answers {@code decode_error} when
 * it fails.
 */
final class GoServerHelloMessage {
  private static final int HEADER_VERSION_AND_RANDOM = 4 + 2 + 32;
  private static final int SUITE_AND_COMPRESSION = 2 + 1;
  private static final int SELECTED_GROUP = 2;

  private GoServerHelloMessage() {}

  /** Whether Go's parser takes {@code message}. */
  static boolean parses(byte[] message) {
    TlsCursor s = TlsCursor.of(message);
    if (!s.skip(HEADER_VERSION_AND_RANDOM) || s.readVector(1).isEmpty() || !s.skip(SUITE_AND_COMPRESSION)) {
      return false;
    }
    if (s.isEmpty()) {
      return true;
    }
    Optional<TlsCursor> extensions = s.readVector(2);
    return extensions.isPresent() && s.isEmpty()
        && GoExtensions.read(extensions.get(), GoServerHelloMessage::known, (type, data, rest) -> read(type, data));
  }

  private static boolean known(int type) {
    return switch (type) {
      case SERVER_NAME, STATUS_REQUEST, SUPPORTED_POINTS, ALPN, SCT, EXTENDED_MASTER_SECRET, SESSION_TICKET,
          PRE_SHARED_KEY, SUPPORTED_VERSIONS, COOKIE, KEY_SHARE, RENEGOTIATION_INFO, ENCRYPTED_CLIENT_HELLO -> true;
      default -> false;
    };
  }

  /** Reads one known extension (a key share or, in a HelloRetryRequest, a group); those Go only notes must be empty. */
  private static boolean read(int type, TlsCursor data) {
    return switch (type) {
      case RENEGOTIATION_INFO -> data.readVector(1).isPresent();
      case ALPN -> GoExtensions.selectedProtocol(data);
      case SCT -> GoExtensions.nonEmptyVectors(data, 2);
      case SUPPORTED_VERSIONS, PRE_SHARED_KEY -> data.readUint(2) >= 0;
      case COOKIE -> GoExtensions.nonEmpty(data.readVector(2)) != null;
      case KEY_SHARE -> data.remaining() == SELECTED_GROUP ? data.skip(SELECTED_GROUP)
          : data.readUint(2) >= 0 && data.readVector(2).isPresent();
      case SUPPORTED_POINTS -> GoExtensions.nonEmpty(data.readVector(1)) != null;
      case ENCRYPTED_CLIENT_HELLO -> data.skip(data.remaining());
      default -> true;
    };
  }
}
