package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.ALPN;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.EARLY_DATA;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.ENCRYPTED_CLIENT_HELLO;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.QUIC_TRANSPORT_PARAMETERS;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SERVER_NAME;

import java.util.Optional;

/**
 * Whether Go's {@code encryptedExtensionsMsg.unmarshal} takes a message (type, length and body): one vector of
 * extensions and nothing after it, of which Go reads five types and skips the others. Go's server reads an encrypted
 * extensions message sent first with it, and answers {@code decode_error} when it fails.
 */
final class GoEncryptedExtensionsMessage {
  private static final int HEADER = 4;

  private GoEncryptedExtensionsMessage() {}

  /** Whether Go's parser takes {@code message}. */
  static boolean parses(byte[] message) {
    TlsCursor s = TlsCursor.of(message);
    Optional<TlsCursor> extensions = s.skip(HEADER) ? s.readVector(2) : Optional.empty();
    return extensions.isPresent() && s.isEmpty() && GoExtensions.read(extensions.get(),
        GoEncryptedExtensionsMessage::known, (type, data, rest) -> read(type, data));
  }

  private static boolean known(int type) {
    return switch (type) {
      case SERVER_NAME, ALPN, EARLY_DATA, QUIC_TRANSPORT_PARAMETERS, ENCRYPTED_CLIENT_HELLO -> true;
      default -> false;
    };
  }

  /** Reads one known extension: the server name and early data ones must be empty, two others are taken whole. */
  private static boolean read(int type, TlsCursor data) {
    return switch (type) {
      case ALPN -> GoExtensions.selectedProtocol(data);
      case QUIC_TRANSPORT_PARAMETERS, ENCRYPTED_CLIENT_HELLO -> data.skip(data.remaining());
      default -> true;
    };
  }
}
