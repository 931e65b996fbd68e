package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.Der.bitString;
import static io.github.faktorytestkit.fake.transport.Der.concat;
import static io.github.faktorytestkit.fake.transport.Der.hex;
import static io.github.faktorytestkit.fake.transport.Der.integer;
import static io.github.faktorytestkit.fake.transport.Der.oid;
import static io.github.faktorytestkit.fake.transport.Der.sequence;
import static io.github.faktorytestkit.fake.transport.Der.set;
import static io.github.faktorytestkit.fake.transport.Der.string;
import static io.github.faktorytestkit.fake.transport.Der.tlv;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.faktorytestkit.fake.transport.TestCertificate.Part;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The EC test certificate with one field changed, read with its key as Go's {@code tls.X509KeyPair} reads it: each
 * refusal is the message Go 1.26.8 gives for the same files (checked with a throw-away program calling
 * {@code tls.X509KeyPair} on them), each accepted oddity one Go accepts too. The fields are written by hand
 * ({@link Der}, {@link TestCertificate}).
 */
class CertificateFieldsTest {
  private static final String KEY = TestKeys.pem("ec-sec1.key.pem");
  private static final byte[] EC_ALGORITHM = sequence(oid("1.2.840.10045.2.1"), oid("1.2.840.10045.3.1.7"));

  static Stream<Arguments> validities() {
    return Stream.of(
        validity("a UTCTime without seconds", utc("2601021504Z"), ""),
        validity("an offset", utc("260102150405+0130"), ""),
        validity("an offset of 24 hours", utc("260102150405-2400"), ""),
        validity("29 February 2068", utc("680229000000Z"), ""),
        validity("29 February 1969", utc("690229000000Z"), "x509: malformed UTCTime"),
        validity("29 February 2050", utc("500229000000Z"), "x509: malformed UTCTime"),
        validity("an offset of zero", utc("260102150405+0000"), "x509: malformed UTCTime"),
        validity("an offset of 60 minutes", utc("260102150405+0060"), "x509: malformed UTCTime"),
        validity("an offset of 25 hours", utc("260102150405+2500"), "x509: malformed UTCTime"),
        validity("hour 24", utc("260102240000Z"), "x509: malformed UTCTime"),
        validity("second 60", utc("260102235960Z"), "x509: malformed UTCTime"),
        validity("30 February", utc("260230000000Z"), "x509: malformed UTCTime"),
        validity("fractional seconds", utc("260102150405.5Z"), "x509: malformed UTCTime"),
        validity("a lower-case z", utc("260102150405z"), "x509: malformed UTCTime"),
        validity("no zone", utc("260102150405"), "x509: malformed UTCTime"),
        validity("a GeneralizedTime", tlv(0x18, Der.latin1("20260102150405Z")), ""),
        validity("year 0", tlv(0x18, Der.latin1("00000229150405Z")), ""),
        validity("29 February 2100", tlv(0x18, Der.latin1("21000229000000Z")), "x509: malformed GeneralizedTime"),
        validity("a GeneralizedTime's fraction", tlv(0x18, Der.latin1("20260102150405.000Z")),
            "x509: malformed GeneralizedTime"),
        validity("a GeneralizedTime without seconds", tlv(0x18, Der.latin1("202601021504Z")),
            "x509: malformed GeneralizedTime"),
        validity("a PrintableString", string(0x13, "260102150405Z"), "x509: unsupported time format"),
        arguments("one time only", ec(Part.VALIDITY, sequence(utc("260102150405Z"))), "x509: unsupported time format"),
        arguments("bytes after the times", ec(Part.VALIDITY, sequence(utc("260102150405Z"), utc("360102150405Z"),
            hex("0500"))), ""),
        arguments("a set", ec(Part.VALIDITY, set(utc("260102150405Z"), utc("360102150405Z"))),
            "x509: malformed validity"));
  }

  static Stream<Arguments> names() {
    return Stream.of(
        name("a PrintableString with @", string(0x13, "a@b"),
            "x509: invalid RDNSequence: invalid attribute value: invalid PrintableString"),
        name("a PrintableString with * and &", string(0x13, "*.a&b"), ""),
        name("a UTF8String not UTF-8", string(0x0c, "a\u00ff"),
            "x509: invalid RDNSequence: invalid attribute value: invalid UTF-8 string"),
        name("a UTF8String of a surrogate", tlv(0x0c, hex("eda080")),
            "x509: invalid RDNSequence: invalid attribute value: invalid UTF-8 string"),
        name("a BMPString of odd length", tlv(0x1e, hex("004100")),
            "x509: invalid RDNSequence: invalid attribute value: invalid BMPString"),
        name("a BMPString of a surrogate", tlv(0x1e, hex("d800")),
            "x509: invalid RDNSequence: invalid attribute value: invalid BMPString"),
        name("a BMPString ending in zeros", tlv(0x1e, hex("00410000")), ""),
        name("an IA5String not ASCII", string(0x16, "\u00e9"),
            "x509: invalid RDNSequence: invalid attribute value: invalid IA5String"),
        name("a NumericString with a letter", string(0x12, "12a"),
            "x509: invalid RDNSequence: invalid attribute value: invalid NumericString"),
        name("a T61String of any byte", string(0x14, "\u00ff"), ""),
        name("an OCTET STRING", tlv(0x04, hex("41")),
            "x509: invalid RDNSequence: invalid attribute value: unsupported string type: 4"),
        name("a sequence", sequence(),
            "x509: invalid RDNSequence: invalid attribute value: unsupported string type: 48"),
        arguments("an attribute without a value", ec(Part.SUBJECT, sequence(set(sequence(oid("2.5.4.3"))))),
            "x509: invalid RDNSequence: invalid attribute value"),
        arguments("an attribute type of a leading 0x80", ec(Part.SUBJECT, sequence(set(sequence(tlv(0x06,
            hex("55800403")), string(0x13, "a"))))), "x509: invalid RDNSequence: invalid attribute type"),
        arguments("an attribute type of 2^31", ec(Part.SUBJECT, sequence(set(sequence(tlv(0x06,
            hex("558880808000")), string(0x13, "a"))))), "x509: invalid RDNSequence: invalid attribute type"),
        arguments("an attribute not a sequence", ec(Part.SUBJECT, sequence(set(set()))),
            "x509: invalid RDNSequence: invalid attribute"),
        arguments("a name of sequences", ec(Part.SUBJECT, sequence(sequence())), "x509: invalid RDNSequence"),
        arguments("an empty subject", ec(Part.SUBJECT, sequence()), ""),
        arguments("a subject a set", ec(Part.SUBJECT, set()), "x509: malformed issuer"),
        arguments("an issuer a set", ec(Part.ISSUER, set()), "x509: malformed issuer"));
  }

  static Stream<Arguments> publicKeys() {
    byte[] ecPoint = TestCertificate.ecPoint();
    byte[] offCurve = ecPoint.clone();
    offCurve[64] ^= 1;
    byte[] rsa = sequence(oid("1.2.840.113549.1.1.1"), Der.NULL);
    byte[] dsaParameters = sequence(integer(23), integer(11), integer(4));
    return Stream.of(
        key("a compressed point", EC_ALGORITHM, concat(hex("02"), Arrays.copyOfRange(ecPoint, 1, 33)),
            "ecdsa: invalid uncompressed public key"),
        key("a point of 64 bytes", EC_ALGORITHM, Arrays.copyOf(ecPoint, 64), "invalid P256 point encoding"),
        key("a coordinate over the prime", EC_ALGORITHM, concat(hex("04" + "ff".repeat(32)),
            Arrays.copyOfRange(ecPoint, 33, 65)), "invalid P256 element encoding"),
        key("a point off the curve", EC_ALGORITHM, offCurve, "P256 point not on curve"),
        key("a P-384 point off the curve", curve("1.3.132.0.34"), hex("04" + "01".repeat(96)),
            "P384 point not on curve"),
        key("a P-384 coordinate over the prime", curve("1.3.132.0.34"), hex("04" + "ff".repeat(48) + "01".repeat(48)),
            "invalid P384Element encoding"),
        key("a P-521 point of 132 bytes", curve("1.3.132.0.35"), hex("04" + "01".repeat(131)),
            "invalid P521 point encoding"),
        key("a P-224 point", curve("1.3.132.0.33"), hex("04b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21"
            + "bd376388b5f723fb4c22dfe6cd4375a05a07476444d5819985007e34"),
            "tls: private key does not match public key"),
        key("secp256k1", curve("1.3.132.0.10"), ecPoint, "x509: unsupported elliptic curve"),
        key("EC without a curve", sequence(oid("1.2.840.10045.2.1")), ecPoint, "x509: invalid ECDSA parameters"),
        key("Ed25519 with parameters", sequence(oid("1.3.101.112"), Der.NULL), new byte[32],
            "x509: Ed25519 key encoded with illegal parameters"),
        key("Ed25519 of 31 bytes", sequence(oid("1.3.101.112")), new byte[31], "x509: wrong Ed25519 public key size"),
        key("Ed25519 with an EC key", sequence(oid("1.3.101.112")), new byte[32],
            "tls: private key type does not match public key type"),
        key("RSA without NULL", sequence(oid("1.2.840.113549.1.1.1")), sequence(integer(33), integer(3)),
            "x509: RSA key missing NULL parameters"),
        key("RSA not a sequence", rsa, integer(33), "x509: invalid RSA public key"),
        key("RSA without a modulus", rsa, sequence(), "x509: invalid RSA modulus"),
        key("RSA's exponent of 9 bytes", rsa, sequence(integer(33), tlv(0x02, hex("010000000000000000"))),
            "x509: invalid RSA public exponent"),
        key("RSA's negative modulus", rsa, sequence(integer(-33), integer(3)),
            "x509: RSA modulus is not a positive number"),
        key("RSA's exponent 0", rsa, sequence(integer(33), integer(0)),
            "x509: RSA public exponent is not a positive number"),
        key("RSA with an EC key", rsa, sequence(integer(33), integer(3)),
            "tls: private key type does not match public key type"),
        key("DSA", sequence(oid("1.2.840.10040.4.1"), dsaParameters), integer(5), "tls: unknown public key algorithm"),
        key("DSA without y", sequence(oid("1.2.840.10040.4.1"), dsaParameters), new byte[0],
            "x509: invalid DSA public key"),
        key("DSA without parameters", sequence(oid("1.2.840.10040.4.1")), integer(5),
            "x509: invalid DSA parameters"),
        key("DSA of g 0", sequence(oid("1.2.840.10040.4.1"), sequence(integer(23), integer(11), integer(0))),
            integer(5), "x509: zero or negative DSA parameter"),
        key("X25519 of 3 bytes, not read", sequence(oid("1.3.101.110"), Der.NULL), new byte[3],
            "tls: unknown public key algorithm"),
        key("an unknown algorithm", sequence(oid("1.2.3.4")), new byte[3], "tls: unknown public key algorithm"),
        key("an algorithm of a leading 0x80", sequence(tlv(0x06, hex("2a80"))), new byte[3], "x509: malformed OID"),
        key("parameters of one byte", sequence(oid("1.2.3.4"), hex("05")), new byte[3], "x509: malformed parameters"),
        arguments("a key of 8 unused bits", ec(Part.PUBLIC_KEY, sequence(EC_ALGORITHM, bitString(8, ecPoint))),
            "x509: malformed subjectPublicKey"),
        arguments("a key not a bit string", ec(Part.PUBLIC_KEY, sequence(EC_ALGORITHM, Der.octetString(ecPoint))),
            "x509: malformed subjectPublicKey"),
        arguments("an algorithm not a sequence", ec(Part.PUBLIC_KEY, sequence(set(), bitString(0, ecPoint))),
            "x509: malformed public key algorithm identifier"),
        arguments("a key a set", ec(Part.PUBLIC_KEY, set()), "x509: malformed spki"));
  }

  static Stream<Arguments> frames() {
    byte[] unknownAlgorithm = sequence(oid("1.2.3.4"));
    return Stream.of(
        arguments("a signature algorithm Go does not know", TestCertificate.ec().withAlgorithm(unknownAlgorithm), ""),
        arguments("a signature algorithm of a leading 0x80", TestCertificate.ec().withAlgorithm(sequence(tlv(0x06,
            hex("2a80")))), "x509: malformed OID"),
        arguments("no signature", ec(Part.SIGNATURE, new byte[0]), "x509: malformed signature"),
        arguments("a signature not a bit string", ec(Part.SIGNATURE, Der.octetString(hex("00"))),
            "x509: malformed signature"),
        arguments("bytes after the signature", ec(Part.CERTIFICATE_END, hex("0500")), ""),
        arguments("bytes after the extensions", ec(Part.TBS_END, hex("0500")), ""),
        arguments("version 1 with extensions", ec(Part.VERSION, new byte[0]), ""),
        arguments("version 2 with extensions", ec(Part.VERSION, tlv(0xa0, integer(1))), ""),
        arguments("a version of 9 bytes", ec(Part.VERSION, tlv(0xa0, tlv(0x02, hex("010000000000000000")))),
            "x509: malformed version"),
        arguments("a version with bytes after", ec(Part.VERSION, tlv(0xa0, integer(2), hex("0500"))),
            "x509: malformed version"),
        arguments("a negative version", ec(Part.VERSION, tlv(0xa0, integer(-1))), "x509: malformed version"),
        arguments("a malformed issuer unique id", ec(Part.EXTENSIONS, hex("810500")), "x509: malformed issuerUniqueID"),
        arguments("a malformed subject unique id", ec(Part.EXTENSIONS, hex("820500")),
            "x509: malformed subjectUniqueID"),
        arguments("unique ids", ec(Part.EXTENSIONS, hex("810100820100")), ""),
        arguments("a serial of 0", ec(Part.SERIAL, integer(0)), ""),
        arguments("a serial not minimal", ec(Part.SERIAL, tlv(0x02, hex("0001"))), "x509: malformed serial number"),
        arguments("the extensions not a sequence", ec(Part.EXTENSIONS, tlv(0xa3, Der.octetString(hex("00")))),
            "x509: malformed extensions"),
        arguments("an extension not a sequence", TestCertificate.ec().withExtensions(integer(1)),
            "x509: malformed extension"),
        arguments("an extension of a leading 0x80", TestCertificate.ec().withExtensions(sequence(tlv(0x06,
            hex("5580")), Der.octetString(new byte[0]))), "x509: malformed extension OID field"),
        arguments("a critical flag of 1", TestCertificate.ec().withExtensions(sequence(oid("1.2.3"), hex("010101"),
            Der.octetString(new byte[0]))), "x509: malformed extension critical field"),
        arguments("an extension without a value", TestCertificate.ec().withExtensions(sequence(oid("1.2.3"))),
            "x509: malformed extension value field"),
        arguments("a duplicate extension", TestCertificate.ec().withExtensions(
            Der.extension("1.2.3.4", false, new byte[0]), Der.extension("1.2.3.4", true, new byte[0])),
            "x509: certificate contains duplicate extension with OID \"1.2.3.4\""),
        arguments("no extension", TestCertificate.ec().withExtensions(), ""),
        arguments("a critical extension Go does not know", TestCertificate.ec().withExtensions(
            Der.extension("1.2.3.4", true, hex("ff"))), ""),
        arguments("a critical flag false", TestCertificate.ec().withExtensions(sequence(oid("1.2.3"), hex("010100"),
            Der.octetString(new byte[0]))), ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"validities", "names", "publicKeys", "frames"})
  void eachFieldIsReadAsGoReadsIt(String change, TestCertificate certificate, String goRefusal) {
    KeyPairAnswers.assertAnswer(certificate.pem(), KEY, goRefusal);
  }

  private static TestCertificate ec(Part part, byte[] bytes) {
    return TestCertificate.ec().with(part, bytes);
  }

  private static byte[] utc(String time) {
    return string(0x17, time);
  }

  private static Arguments validity(String change, byte[] notBefore, String goRefusal) {
    return arguments(change, ec(Part.VALIDITY, sequence(notBefore, utc("360102150405Z"))), goRefusal);
  }

  private static Arguments name(String change, byte[] value, String goRefusal) {
    return arguments(change, ec(Part.SUBJECT, sequence(set(sequence(oid("2.5.4.3"), value)))), goRefusal);
  }

  private static byte[] curve(String oid) {
    return sequence(oid("1.2.840.10045.2.1"), oid(oid));
  }

  private static Arguments key(String change, byte[] algorithm, byte[] key, String goRefusal) {
    return arguments(change, TestCertificate.ec().withKey(algorithm, key), goRefusal);
  }
}
