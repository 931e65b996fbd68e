package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.transport.GoCertificateExtensions.Extension;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A certificate read as Go's {@code x509.ParseCertificate} reads it, in Go's order and with Go's messages: the
 * certificate and TBS sequences, the version (1 to 3), the serial number (not negative, Go's default), the two
 * signature algorithm identifiers (equal), the issuer ({@link GoNames}), the validity ({@link GoValidity}), the
 * subject, the public key ({@link GoPublicKeys}), from version 2 the unique identifiers and in version 3 the
 * extensions (each once, {@link GoCertificateExtensions}), the signature, and no byte after the certificate. As by
 * Go, nothing is checked that Go does not check: the signature, the signature algorithm being known, the validity's
 * dates, bytes after the last field Go reads inside a sequence, the extensions of a version 1 or 2 certificate.
 */
final class GoCertificateParser {
  private static final int SEQUENCE = 0x30;
  private static final int BOOLEAN = 0x01;
  private static final int OCTET_STRING = 0x04;
  private static final int VERSION = 0xa0;
  private static final int ISSUER_UNIQUE_ID = 0x81;
  private static final int SUBJECT_UNIQUE_ID = 0x82;
  private static final int EXTENSIONS = 0xa3;
  private static final int MAX_INT64_BYTES = 8;
  private static final BigInteger MAX_VERSION = BigInteger.TWO;

  private GoCertificateParser() {}

  /** The certificate's public key; throws Go's refusal. */
  static CertifiedKey parse(byte[] der) {
    DerCursor input = DerCursor.of(der);
    DerCursor certificate = read(input, SEQUENCE, KeyPairTexts.MALFORMED_CERTIFICATE);
    DerCursor tbs = read(certificate, SEQUENCE, KeyPairTexts.MALFORMED_TBS);
    int version = version(tbs);
    serialNumber(tbs);
    algorithms(tbs, certificate);
    GoNames.read(read(tbs, SEQUENCE, KeyPairTexts.MALFORMED_ISSUER));
    GoValidity.read(read(tbs, SEQUENCE, KeyPairTexts.MALFORMED_VALIDITY));
    GoNames.read(read(tbs, SEQUENCE, KeyPairTexts.MALFORMED_ISSUER));
    CertifiedKey key = publicKey(read(tbs, SEQUENCE, KeyPairTexts.MALFORMED_SPKI));
    if (version > 1) {
      KeyPairTexts.require(tbs.skipOptional(ISSUER_UNIQUE_ID), KeyPairTexts.MALFORMED_ISSUER_UNIQUE_ID);
      KeyPairTexts.require(tbs.skipOptional(SUBJECT_UNIQUE_ID), KeyPairTexts.MALFORMED_SUBJECT_UNIQUE_ID);
      if (version == 3 && tbs.peek(EXTENSIONS)) {
        DerCursor extensions = read(tbs, EXTENSIONS, KeyPairTexts.MALFORMED_EXTENSIONS);
        GoCertificateExtensions.read(extensions(read(extensions, SEQUENCE, KeyPairTexts.MALFORMED_EXTENSIONS)));
      }
    }
    KeyPairTexts.require(certificate.readBitString().isPresent(), KeyPairTexts.MALFORMED_SIGNATURE);
    KeyPairTexts.require(input.isEmpty(), KeyPairTexts.TRAILING_DATA);
    return key;
  }

  /** The version as Go counts it (1 to 3: the field's value plus one, 1 when absent). */
  private static int version(DerCursor tbs) {
    if (!tbs.peek(VERSION)) {
      return 1;
    }
    BigInteger version = tbs.read(VERSION).flatMap(v -> v.readInteger(MAX_INT64_BYTES).filter(i -> v.isEmpty()))
        .filter(v -> v.signum() >= 0)
        .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.MALFORMED_VERSION));
    KeyPairTexts.require(version.compareTo(MAX_VERSION) <= 0, KeyPairTexts.INVALID_VERSION);
    return version.intValue() + 1;
  }

  private static void serialNumber(DerCursor tbs) {
    BigInteger serial = tbs.readInteger(Integer.MAX_VALUE)
        .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.MALFORMED_SERIAL));
    KeyPairTexts.require(serial.signum() >= 0, KeyPairTexts.NEGATIVE_SERIAL);
  }

  private static void algorithms(DerCursor tbs, DerCursor certificate) {
    DerCursor inner = read(tbs, SEQUENCE, KeyPairTexts.MALFORMED_INNER_ALGORITHM);
    DerCursor outer = read(certificate, SEQUENCE, KeyPairTexts.MALFORMED_OUTER_ALGORITHM);
    KeyPairTexts.require(Arrays.equals(inner.bytes(), outer.bytes()), KeyPairTexts.ALGORITHMS_DIFFER);
    algorithmIdentifier(inner);
  }

  /** An algorithm identifier: the algorithm, and its parameters' element (empty when absent). */
  private record AlgorithmIdentifier(int[] algorithm, byte[] parameters) {}

  /** Go's {@code parseAI}. */
  private static AlgorithmIdentifier algorithmIdentifier(DerCursor identifier) {
    int[] algorithm = identifier.readOid().orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.MALFORMED_OID));
    byte[] parameters = identifier.isEmpty() ? new byte[0] : identifier.readAnyElement()
        .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.MALFORMED_PARAMETERS));
    return new AlgorithmIdentifier(algorithm, parameters);
  }

  private static CertifiedKey publicKey(DerCursor spki) {
    AlgorithmIdentifier identifier =
        algorithmIdentifier(read(spki, SEQUENCE, KeyPairTexts.MALFORMED_KEY_ALGORITHM));
    DerCursor.BitString key = spki.readBitString()
        .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.MALFORMED_PUBLIC_KEY));
    return GoPublicKeys.read(identifier.algorithm(), identifier.parameters(), key);
  }

  /** The extensions of the sequence, each once; throws Go's refusal of the first it cannot read. */
  private static List<Extension> extensions(DerCursor sequence) {
    List<Extension> extensions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (!sequence.isEmpty()) {
      Extension extension = extension(read(sequence, SEQUENCE, KeyPairTexts.MALFORMED_EXTENSION));
      String oid = GoCertificateExtensions.dotted(extension.id());
      KeyPairTexts.require(seen.add(oid), KeyPairTexts.duplicateExtension(oid));
      extensions.add(extension);
    }
    return extensions;
  }

  private static Extension extension(DerCursor extension) {
    int[] id = extension.readOid().orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.MALFORMED_EXTENSION_OID));
    boolean critical = false;
    if (extension.peek(BOOLEAN)) {
      critical = extension.readBoolean()
          .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.MALFORMED_EXTENSION_CRITICAL));
    }
    byte[] value = read(extension, OCTET_STRING, KeyPairTexts.MALFORMED_EXTENSION_VALUE).rest();
    return new Extension(id, critical, value);
  }

  private static DerCursor read(DerCursor cursor, int tag, String refusal) {
    return cursor.read(tag).orElseThrow(() -> KeyPairTexts.refusal(refusal));
  }
}
