package io.github.faktorytestkit.fake.transport;

/** The TLS extension types Go's parsers read, named as in Go's {@code crypto/tls} ({@code extensionALPN}, ...). */
final class TlsExtensionTypes {
  static final int SERVER_NAME = 0;
  static final int STATUS_REQUEST = 5;
  static final int SUPPORTED_CURVES = 10;
  static final int SUPPORTED_POINTS = 11;
  static final int SIGNATURE_ALGORITHMS = 13;
  static final int ALPN = 16;
  static final int SCT = 18;
  static final int EXTENDED_MASTER_SECRET = 23;
  static final int SESSION_TICKET = 35;
  static final int PRE_SHARED_KEY = 41;
  static final int EARLY_DATA = 42;
  static final int SUPPORTED_VERSIONS = 43;
  static final int COOKIE = 44;
  static final int PSK_MODES = 45;
  static final int CERTIFICATE_AUTHORITIES = 47;
  static final int SIGNATURE_ALGORITHMS_CERT = 50;
  static final int KEY_SHARE = 51;
  static final int QUIC_TRANSPORT_PARAMETERS = 57;
  static final int RENEGOTIATION_INFO = 0xff01;
  static final int ENCRYPTED_CLIENT_HELLO = 0xfe0d;

  private TlsExtensionTypes() {}
}
