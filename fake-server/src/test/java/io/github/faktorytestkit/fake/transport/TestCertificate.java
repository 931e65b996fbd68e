package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The EC test certificate ({@code keys/ec.cert.pem}, whose key is {@code keys/ec-sec1.key.pem}'s) with fields of a
 * test's choosing: each TBS field, the outer algorithm, the signature and bytes after them, as DER elements (or
 * anything else). Immutable.
 */
final class TestCertificate {
  /** The certificate's parts, in their order. */
  enum Part { VERSION, SERIAL, SIGNATURE_ALGORITHM, ISSUER, VALIDITY, SUBJECT, PUBLIC_KEY, EXTENSIONS, TBS_END,
    OUTER_ALGORITHM, SIGNATURE, CERTIFICATE_END }

  private static final Part[] TBS = {Part.VERSION, Part.SERIAL, Part.SIGNATURE_ALGORITHM, Part.ISSUER,
      Part.VALIDITY, Part.SUBJECT, Part.PUBLIC_KEY, Part.EXTENSIONS};

  private final Map<Part, byte[]> parts;

  private TestCertificate(Map<Part, byte[]> parts) {
    this.parts = parts;
  }

  /** The EC test certificate as it is. */
  static TestCertificate ec() {
    DerCursor certificate = DerCursor.of(PemBlocks.of(TestKeys.pem("ec.cert.pem")).get(0).der()).read(0x30).get();
    DerCursor tbs = certificate.read(0x30).get();
    Map<Part, byte[]> parts = new EnumMap<>(Part.class);
    for (Part part : TBS) {
      parts.put(part, tbs.readAnyElement().get());
    }
    parts.put(Part.TBS_END, new byte[0]);
    parts.put(Part.OUTER_ALGORITHM, certificate.readAnyElement().get());
    parts.put(Part.SIGNATURE, certificate.readAnyElement().get());
    parts.put(Part.CERTIFICATE_END, new byte[0]);
    return new TestCertificate(parts);
  }

  /** The EC test certificate's public key: an uncompressed point on P-256. */
  static byte[] ecPoint() {
    DerCursor key = DerCursor.of(ec().parts.get(Part.PUBLIC_KEY)).read(0x30).get();
    key.read(0x30);
    return key.readBitString().get().bytes();
  }

  /** This certificate with {@code part} as {@code bytes} (empty: left out). */
  TestCertificate with(Part part, byte[] bytes) {
    Map<Part, byte[]> changed = new EnumMap<>(parts);
    changed.put(part, bytes);
    return new TestCertificate(changed);
  }

  /** This certificate with both signature algorithms {@code algorithm}. */
  TestCertificate withAlgorithm(byte[] algorithm) {
    return with(Part.SIGNATURE_ALGORITHM, algorithm).with(Part.OUTER_ALGORITHM, algorithm);
  }

  /** This certificate with these extensions (none: an empty sequence of them). */
  TestCertificate withExtensions(byte[]... extensions) {
    return with(Part.EXTENSIONS, Der.tlv(0xa3, Der.sequence(extensions)));
  }

  /** The public key of this certificate: its algorithm identifier's elements and its key's bytes. */
  TestCertificate withKey(byte[] algorithm, byte[] key) {
    return with(Part.PUBLIC_KEY, Der.sequence(algorithm, Der.bitString(0, key)));
  }

  /** A certificate and its key, as PEM. */
  record Pair(String certificatePem, String keyPem) {}

  /** The EC test certificate with a new key on P-224, and that key. */
  static Pair p224() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
      generator.initialize(new ECGenParameterSpec("secp224r1"));
      KeyPair pair = generator.generateKeyPair();
      ECPoint point = ((ECPublicKey) pair.getPublic()).getW();
      byte[] uncompressed = Der.concat(Der.hex("04"), p224Coordinate(point.getAffineX()),
          p224Coordinate(point.getAffineY()));
      String certificate = ec().withKey(Der.sequence(Der.oid("1.2.840.10045.2.1"), Der.oid("1.3.132.0.33")),
          uncompressed).pem();
      return new Pair(certificate, "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-224 key", e);
    }
  }

  /** {@code value} in the 28 bytes of a P-224 coordinate. */
  private static byte[] p224Coordinate(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[28];
    int length = Math.min(bytes.length, fixed.length);
    System.arraycopy(bytes, bytes.length - length, fixed, fixed.length - length, length);
    return fixed;
  }

  /** The DER. */
  byte[] der() {
    List<byte[]> tbs = new ArrayList<>();
    for (Part part : TBS) {
      tbs.add(parts.get(part));
    }
    tbs.add(parts.get(Part.TBS_END));
    return Der.sequence(Der.sequence(tbs.toArray(byte[][]::new)), parts.get(Part.OUTER_ALGORITHM),
        parts.get(Part.SIGNATURE), parts.get(Part.CERTIFICATE_END));
  }

  /** The PEM. */
  String pem() {
    return pem(der());
  }

  /** {@code der} as a PEM {@code CERTIFICATE} block. */
  static String pem(byte[] der) {
    return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }
}
