package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * The first checks of Go's {@code x509.ParseCertificate}, with Go's messages: the certificate and TBS sequences, the
 * version, the serial number (negative ones refused, as by Go's default), the two signature algorithm identifiers
 * (present and equal) and the issuer's sequence; and, once the rest has been read, no bytes after the certificate.
 * What Go checks beyond (names, validity, the key, extensions) is left to the JDK's reader.
 */
final class GoCertificateChecks {
  private static final int SEQUENCE = 0x30;
  private static final int VERSION = 0xa0;
  private static final int MAX_INT64_BYTES = 8;
  private static final BigInteger MAX_VERSION = BigInteger.TWO;

  private GoCertificateChecks() {}

  /** Go's message for what is wrong with the start of {@code der}, or empty when its first checks pass. */
  static Optional<String> refusal(byte[] der) {
    Optional<DerCursor> certificate = DerCursor.of(der).read(SEQUENCE);
    if (certificate.isEmpty()) {
      return Optional.of("x509: malformed certificate");
    }
    Optional<DerCursor> tbs = certificate.get().read(SEQUENCE);
    if (tbs.isEmpty()) {
      return Optional.of("x509: malformed tbs certificate");
    }
    return version(tbs.get()).or(() -> serialNumber(tbs.get()))
        .or(() -> algorithms(tbs.get(), certificate.get()))
        .or(() -> issuer(tbs.get()));
  }

  /** Go's {@code x509: trailing data}: whether bytes follow the certificate's sequence. */
  static boolean trailingData(byte[] der) {
    DerCursor input = DerCursor.of(der);
    return input.read(SEQUENCE).isPresent() && !input.isEmpty();
  }

  private static Optional<String> version(DerCursor tbs) {
    if (!tbs.peek(VERSION)) {
      return Optional.empty();
    }
    Optional<DerCursor> field = tbs.read(VERSION);
    Optional<BigInteger> version = field.flatMap(f -> f.readInteger(MAX_INT64_BYTES).filter(v -> f.isEmpty()));
    if (version.isEmpty() || version.get().signum() < 0) {
      return Optional.of("x509: malformed version");
    }
    return version.get().compareTo(MAX_VERSION) > 0 ? Optional.of("x509: invalid version") : Optional.empty();
  }

  private static Optional<String> serialNumber(DerCursor tbs) {
    Optional<BigInteger> serial = tbs.readInteger(Integer.MAX_VALUE);
    if (serial.isEmpty()) {
      return Optional.of("x509: malformed serial number");
    }
    return serial.get().signum() < 0 ? Optional.of("x509: negative serial number") : Optional.empty();
  }

  private static Optional<String> issuer(DerCursor tbs) {
    return tbs.readElement(SEQUENCE).isPresent() ? Optional.empty() : Optional.of("x509: malformed issuer");
  }

  private static Optional<String> algorithms(DerCursor tbs, DerCursor certificate) {
    Optional<byte[]> inner = tbs.readElement(SEQUENCE);
    if (inner.isEmpty()) {
      return Optional.of("x509: malformed signature algorithm identifier");
    }
    Optional<byte[]> outer = certificate.readElement(SEQUENCE);
    if (outer.isEmpty()) {
      return Optional.of("x509: malformed algorithm identifier");
    }
    return Arrays.equals(inner.get(), outer.get()) ? Optional.empty()
        : Optional.of("x509: inner and outer signature algorithm identifiers don't match");
  }
}
