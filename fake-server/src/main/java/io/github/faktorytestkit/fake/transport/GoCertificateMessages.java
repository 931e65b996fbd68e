package io.github.faktorytestkit.fake.transport;

import java.util.Optional;

/**
 * Whether Go's parsers of the certificate messages take a message (type, length and body) in the form Go's server
 * reads them in when one comes first, before a version is chosen ({@code c.vers} is 0): {@code certificateMsg} of
 * TLS 1.2, {@code certificateRequestMsg} and {@code certificateVerifyMsg} without their signature algorithms (as
 * before TLS 1.2), or with them, as it reads them once TLS 1.2 is chosen. Go answers {@code decode_error} where they
 * fail.
 */
final class GoCertificateMessages {
  private static final int HEADER = 4;
  private static final int CERTIFICATE_HEADER = 4;

  private GoCertificateMessages() {}

  /**
   * {@code certificateMsg}: one vector of certificates and nothing after, each certificate a vector of 24-bit length
   * that starts 4 bytes or more before the end.
   */
  static boolean certificate(byte[] message) {
    TlsCursor s = TlsCursor.of(message);
    Optional<TlsCursor> certificates = s.skip(HEADER) ? s.readVector(3) : Optional.empty();
    if (certificates.isEmpty() || !s.isEmpty()) {
      return false;
    }
    TlsCursor list = certificates.get();
    while (!list.isEmpty()) {
      if (list.remaining() < CERTIFICATE_HEADER || list.readVector(3).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code certificateRequestMsg}: certificate types (at least one, and a byte after them), then a vector of
   * certificate authorities, each a vector, and nothing after.
   */
  static boolean certificateRequest(byte[] message) {
    return certificateRequest(message, false);
  }

  /**
   * {@code certificateRequestMsg} of TLS 1.2 (with {@code signatureAlgorithms}): as {@link #certificateRequest(byte[])},
   * with a vector of signature algorithms (an even number of bytes, not 0) after the certificate types.
   */
  static boolean certificateRequest(byte[] message, boolean signatureAlgorithms) {
    TlsCursor s = TlsCursor.of(message);
    int types = s.skip(HEADER) ? s.readUint(1) : -1;
    if (types <= 0 || s.remaining() <= types) {
      return false;
    }
    s.skip(types);
    if (signatureAlgorithms && !algorithms(s)) {
      return false;
    }
    Optional<TlsCursor> authorities = s.readVector(2);
    while (authorities.isPresent() && !authorities.get().isEmpty()) {
      if (authorities.get().readVector(2).isEmpty()) {
        return false;
      }
    }
    return authorities.isPresent() && s.isEmpty();
  }

  /** {@code certificateVerifyMsg}: one vector, the signature, and nothing after. */
  static boolean certificateVerify(byte[] message) {
    return certificateVerify(message, false);
  }

  /** {@code certificateVerifyMsg}, of TLS 1.2 (its signature algorithm first) with {@code signatureAlgorithm}. */
  static boolean certificateVerify(byte[] message, boolean signatureAlgorithm) {
    TlsCursor s = TlsCursor.of(message);
    return s.skip(HEADER) && (!signatureAlgorithm || s.skip(2)) && s.readVector(2).isPresent() && s.isEmpty();
  }

  private static boolean algorithms(TlsCursor s) {
    int length = s.remaining() >= 2 ? s.readUint(2) : -1;
    return length > 0 && length % 2 == 0 && s.skip(length);
  }
}
