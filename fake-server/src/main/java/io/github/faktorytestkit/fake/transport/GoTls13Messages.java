package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.CERTIFICATE_AUTHORITIES;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.EARLY_DATA;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SCT;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SIGNATURE_ALGORITHMS;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.SIGNATURE_ALGORITHMS_CERT;
import static io.github.faktorytestkit.fake.transport.TlsExtensionTypes.STATUS_REQUEST;

import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Whether Go's parsers of the messages whose form TLS 1.3 changed take a message (type, length and body), as Go's
 * server reads them once TLS 1.3 is chosen: {@code newSessionTicketMsgTLS13}, {@code certificateMsgTLS13},
 * {@code certificateRequestMsgTLS13}, and {@code certificateVerifyMsg} with its signature algorithm. Their extensions
 * may repeat; those of a type the parser knows must be read to their last byte, others are skipped unread. Go
 * answers {@code decode_error} where they fail.
 */
final class GoTls13Messages {
  private static final int HEADER = 4;
  private static final int OCSP = 1;

  private GoTls13Messages() {}

  /** Reads the data of one extension of a type the parser knows; false where Go's parser fails. */
  @FunctionalInterface
  private interface Extension {
    boolean read(int type, TlsCursor data);
  }

  /** Lifetime, age add, a nonce (8-bit vector), a label and extensions (16-bit vectors); early_data a 32-bit size. */
  static boolean newSessionTicket(byte[] message) {
    TlsCursor s = TlsCursor.of(message);
    Optional<TlsCursor> extensions = s.skip(HEADER + 8) && s.readVector(1).isPresent() && s.readVector(2).isPresent()
        ? s.readVector(2) : Optional.empty();
    return extensions.isPresent() && s.isEmpty() && extensions(extensions.get(), type -> type == EARLY_DATA,
        (type, data) -> data.skip(4));
  }

  /**
   * An empty request context, then a 24-bit list of certificates, each a 24-bit vector and its extensions; the
   * first's {@code status_request} one OCSP response and {@code signed_certificate_timestamp} a list, neither empty.
   */
  static boolean certificate(byte[] message) {
    TlsCursor s = TlsCursor.of(message);
    Optional<TlsCursor> certificates = s.skip(HEADER) && emptyContext(s) ? s.readVector(3) : Optional.empty();
    if (certificates.isEmpty() || !s.isEmpty()) {
      return false;
    }
    TlsCursor list = certificates.get();
    for (boolean leaf = true; !list.isEmpty(); leaf = false) {
      boolean first = leaf;
      Optional<TlsCursor> extensions = list.readVector(3).isPresent() ? list.readVector(2) : Optional.empty();
      if (extensions.isEmpty() || !extensions(extensions.get(),
          type -> first && (type == STATUS_REQUEST || type == SCT), GoTls13Messages::leafExtension)) {
        return false;
      }
    }
    return true;
  }

  /**
   * An empty request context and extensions: {@code status_request} and {@code signed_certificate_timestamp} empty,
   * the signature algorithm lists and the certificate authorities (each a vector) not empty.
   */
  static boolean certificateRequest(byte[] message) {
    TlsCursor s = TlsCursor.of(message);
    Optional<TlsCursor> extensions = s.skip(HEADER) && emptyContext(s) ? s.readVector(2) : Optional.empty();
    return extensions.isPresent() && s.isEmpty() && extensions(extensions.get(), GoTls13Messages::requestKnows,
        GoTls13Messages::requestExtension);
  }

  /** A signature algorithm and one vector, the signature, and nothing after. */
  static boolean certificateVerify(byte[] message) {
    TlsCursor s = TlsCursor.of(message);
    return s.skip(HEADER + 2) && s.readVector(2).isPresent() && s.isEmpty();
  }

  private static boolean emptyContext(TlsCursor s) {
    return s.readVector(1).filter(TlsCursor::isEmpty).isPresent();
  }

  private static boolean leafExtension(int type, TlsCursor data) {
    if (type == STATUS_REQUEST) {
      return data.readUint(1) == OCSP && GoExtensions.nonEmpty(data.readVector(3)) != null;
    }
    return GoExtensions.nonEmptyVectors(data, 2);
  }

  private static boolean requestKnows(int type) {
    return type == STATUS_REQUEST || type == SCT || type == SIGNATURE_ALGORITHMS || type == SIGNATURE_ALGORITHMS_CERT
        || type == CERTIFICATE_AUTHORITIES;
  }

  private static boolean requestExtension(int type, TlsCursor data) {
    if (type == STATUS_REQUEST || type == SCT) {
      return true;
    }
    Optional<TlsCursor> list = data.readVector(2).filter(values -> !values.isEmpty());
    while (list.isPresent() && !list.get().isEmpty()) {
      boolean read = type == CERTIFICATE_AUTHORITIES ? GoExtensions.nonEmpty(list.get().readVector(2)) != null
          : list.get().skip(2);
      if (!read) {
        return false;
      }
    }
    return list.isPresent();
  }

  /** Go's loop over these messages' extensions: no check for a repeated type. */
  private static boolean extensions(TlsCursor extensions, IntPredicate known, Extension reader) {
    while (!extensions.isEmpty()) {
      int type = extensions.readUint(2);
      Optional<TlsCursor> data = type < 0 ? Optional.empty() : extensions.readVector(2);
      if (data.isEmpty() || known.test(type) && !(reader.read(type, data.get()) && data.get().isEmpty())) {
        return false;
      }
    }
    return true;
  }
}
