package io.github.faktorytestkit.fake.transport;

/**
 * Whether Go's parser for a handshake message of a type other than client hello takes the message (Go then answers
 * {@code unexpected_message}) or refuses it ({@code decode_error}), for a message sent first, before the version is
 * known ({@code unmarshalHandshakeMessage} with {@code c.vers} 0), or once TLS 1.3 or TLS 1.2 is chosen. Types Go does not parse (Go answers
 * {@code unexpected_message} at once) and those whose parsers take any body (server key exchange, client key
 * exchange, finished) count as taken.
 */
final class GoHandshakeTypes {
  private static final int HELLO_REQUEST = 0;
  private static final int CLIENT_HELLO = 1;
  private static final int SERVER_HELLO = 2;
  private static final int NEW_SESSION_TICKET = 4;
  private static final int END_OF_EARLY_DATA = 5;
  private static final int ENCRYPTED_EXTENSIONS = 8;
  private static final int CERTIFICATE = 11;
  private static final int CERTIFICATE_REQUEST = 13;
  private static final int SERVER_HELLO_DONE = 14;
  private static final int CERTIFICATE_VERIFY = 15;
  private static final int CERTIFICATE_STATUS = 22;
  private static final int KEY_UPDATE = 24;
  private static final int HEADER = 4;
  private static final int OCSP = 1;

  private GoHandshakeTypes() {}

  /** Whether Go's parser of {@code message}'s type (its first byte) takes {@code message} once TLS 1.3 is chosen. */
  static boolean parsesOverTls13(byte[] message) {
    return switch (message[0] & 0xff) {
      case NEW_SESSION_TICKET -> GoTls13Messages.newSessionTicket(message);
      case CERTIFICATE -> GoTls13Messages.certificate(message);
      case CERTIFICATE_REQUEST -> GoTls13Messages.certificateRequest(message);
      case CERTIFICATE_VERIFY -> GoTls13Messages.certificateVerify(message);
      default -> parses(message);
    };
  }

  /**
   * Whether Go's parser of {@code message}'s type (its first byte) takes {@code message} once TLS 1.2 is chosen: a
   * client hello, a certificate request or verify of TLS 1.2, else as {@link #parses}.
   */
  static boolean parsesOverTls12(byte[] message) {
    return switch (message[0] & 0xff) {
      case CLIENT_HELLO -> ClientHelloMessage.parse(message).isPresent();
      case CERTIFICATE_REQUEST -> GoCertificateMessages.certificateRequest(message, true);
      case CERTIFICATE_VERIFY -> GoCertificateMessages.certificateVerify(message, true);
      default -> parses(message);
    };
  }

  /** Whether Go's parser of {@code message}'s type (its first byte) takes {@code message}, sent first. */
  static boolean parses(byte[] message) {
    return switch (message[0] & 0xff) {
      case HELLO_REQUEST, END_OF_EARLY_DATA, SERVER_HELLO_DONE -> message.length == HEADER;
      case KEY_UPDATE -> message.length == HEADER + 1 && (message[HEADER] == 0 || message[HEADER] == 1);
      case NEW_SESSION_TICKET -> message.length >= HEADER + 6 && uint(message, HEADER + 4, 2) == message.length - 10;
      case CERTIFICATE_STATUS -> message.length > HEADER + 4 && message[HEADER] == OCSP
          && uint(message, HEADER + 1, 3) == message.length - HEADER - 4;
      case SERVER_HELLO -> GoServerHelloMessage.parses(message);
      case ENCRYPTED_EXTENSIONS -> GoEncryptedExtensionsMessage.parses(message);
      case CERTIFICATE -> GoCertificateMessages.certificate(message);
      case CERTIFICATE_REQUEST -> GoCertificateMessages.certificateRequest(message);
      case CERTIFICATE_VERIFY -> GoCertificateMessages.certificateVerify(message);
      default -> true;
    };
  }

  private static int uint(byte[] bytes, int offset, int size) {
    int value = 0;
    for (int i = offset; i < offset + size; i++) {
      value = value << 8 | bytes[i] & 0xff;
    }
    return value;
  }
}
