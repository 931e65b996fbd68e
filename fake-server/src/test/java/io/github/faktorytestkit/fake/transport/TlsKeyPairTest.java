package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Certificates and keys read as Go's {@code tls.X509KeyPair} reads them; each expected message is what Go 1.26 gives
 * for the same files. The pairs are {@link TestKeys}.
 */
class TlsKeyPairTest {
  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource({
      "rsa.cert.pem, rsa-pkcs1.key.pem, RSA",
      "rsa.cert.pem, rsa-pkcs8.key.pem, RSA",
      "ec.cert.pem, ec-sec1.key.pem, EC",
      "ec.cert.pem, ec-pkcs8.key.pem, EC",
      "ed25519.cert.pem, ed25519-pkcs8.key.pem, EdDSA",
      "rsa3.cert.pem, rsa3-pkcs1.key.pem, RSA"})
  void everyKeyFormGoReadsIsRead(String certificate, String key, String algorithm) {
    X509KeyPair pair = X509KeyPair.fromPem(TestKeys.pem(certificate), TestKeys.pem(key));

    assertThat(pair.key.getAlgorithm()).isEqualTo(algorithm);
    assertThat(pair.chain).hasSize(1);
    assertThat(TlsCredentials.fromPem(TestKeys.pem(certificate), TestKeys.pem(key)).serverKey().ecdsaSuites())
        .isEqualTo(!algorithm.equals("RSA"));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource(delimiter = '|', value = {
      "rsa.cert.pem | ec-sec1.key.pem | tls: private key type does not match public key type",
      "ec.cert.pem | rsa.cert.pem | tls: found a certificate rather than a key in the PEM for the private key",
      "rsa-pkcs8.key.pem | rsa.cert.pem | tls: failed to find certificate PEM data in certificate input, but did "
          + "find a private key; PEM inputs may have been switched",
      "ec.cert.pem | x25519-pkcs8.key.pem | tls: found unknown private key type in PKCS#8 wrapping"})
  void pairsGoRefusesAreRefusedWithGosMessage(String certificate, String key, String message) {
    assertThatThrownBy(() -> X509KeyPair.fromPem(TestKeys.pem(certificate), TestKeys.pem(key)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  /** Each {@code \n} in the text stands for a line break. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "-----BEGIN EC PRIVATE KEY-----\\nAAAA\\n-----END EC PRIVATE KEY-----\\n | tls: failed to parse private key",
      "-----BEGIN RSA PRIVATE KEY-----\\nAAAA\\n-----END RSA PRIVATE KEY-----\\n | tls: failed to parse private key",
      "not pem | tls: failed to find any PEM data in key input",
      "-----BEGIN EC PARAMETERS-----\\nBggqhkjOPQMBBw==\\n-----END EC PARAMETERS-----\\n | tls: failed to find PEM "
          + "block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks of the following "
          + "types: [EC PARAMETERS]"})
  void unreadableKeysAreRefusedWithGosMessage(String key, String message) {
    assertThatThrownBy(() -> X509KeyPair.fromPem(TestKeys.pem("ec.cert.pem"), lines(key)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      " | tls: failed to find any PEM data in certificate input",
      "-----BEGIN X-----\\nAAAA\\n-----END X-----\\n | tls: failed to find \"CERTIFICATE\" PEM block in certificate "
          + "input after skipping PEM blocks of the following types: [X]"})
  void missingCertificatesAreRefusedWithGosMessage(String certificate, String message) {
    assertThatThrownBy(() -> X509KeyPair.fromPem(lines(certificate), TestKeys.pem("ec-pkcs8.key.pem")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ec.cert.pem, EC", "ed25519.cert.pem, Ed25519", "rsa.cert.pem, RSA"})
  void anotherKeyOfTheSameTypeIsRefusedAsGoDoes(String certificate, String algorithm) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (algorithm.equals("EC")) {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    }
    String other = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";

    assertThatThrownBy(() -> X509KeyPair.fromPem(TestKeys.pem(certificate), other))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tls: private key does not match public key");
  }

  /** A key on P-224, which Go reads too (and serves over TLS 1.2 only: {@code TlsHandshakeTest}). */
  @Test
  void aP224KeyIsRead() {
    TestCertificate.Pair p224 = TestCertificate.p224();

    assertThat(X509KeyPair.fromPem(p224.certificatePem(), p224.keyPem()).key.getAlgorithm()).isEqualTo("EC");
  }

  /**
   * The RSA key with one bit of one of its numbers flipped (at {@code offset} of its PKCS#1 DER): Go's {@code rsa}
   * package finds it inconsistent, and X509KeyPair refuses it (each message is Go's for the same files).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "the modulus          | 267  | tls: failed to parse private key",
      "the public exponent  | 272  | tls: failed to parse private key",
      "d                    | 300  | tls: failed to parse private key",
      "p                    | 600  | tls: failed to parse private key",
      "q                    | 700  | tls: failed to parse private key",
      "d mod p-1            | 850  | tls: failed to parse private key",
      "d mod q-1            | 1000 | tls: failed to parse private key",
      "the CRT coefficient  | 1100 | tls: failed to parse private key"})
  void anRsaKeyIsCheckedAsGoChecksIt(String number, int offset, String goRefusal) {
    KeyPairAnswers.assertAnswer(TestKeys.pem("rsa.cert.pem"), rsaKeyWithBitFlipped(offset), goRefusal);
  }

  /**
   * RSA keys of each size around Go's limits (keys/rsa256-* to rsa1024-*, made by Go, each read by Go 1.26's
   * {@code tls.X509KeyPair}): read, even under the JDK's 512-bit minimum; signed with from 1024 bits only (Go's
   * {@code rsa1024min}); the schemes Go picks from are those whose hash fits the modulus
   * ({@code signatureSchemesForPublicKey}: RSA-PSS needs twice the hash and 2 bytes, PKCS#1 v1.5 its prefix, the hash
   * and 11).
   */
  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "rsa256.cert.pem | rsa256-pkcs1.key.pem | '' | '' | false",
      "rsa256.cert.pem | rsa256-pkcs8.key.pem | '' | '' | false",
      "rsa511.cert.pem | rsa511-pkcs1.key.pem | '' | 0401 | false",
      "rsa512.cert.pem | rsa512-pkcs1.key.pem | '' | 0401 | false",
      "rsa768.cert.pem | rsa768-pkcs1.key.pem | 0804 | 0804 0401 0501 0601 | false",
      "rsa1023.cert.pem | rsa1023-pkcs1.key.pem | 0804 0805 | 0804 0805 0401 0501 0601 | false",
      "rsa1024.cert.pem | rsa1024-pkcs1.key.pem | 0804 0805 | 0804 0805 0401 0501 0601 | true",
      "rsa.cert.pem | rsa-pkcs1.key.pem | 0804 0805 0806 | 0804 0805 0806 0401 0501 0601 | true"})
  void rsaKeysOfEverySizeAreReadAndSignedWithAsGoDoes(String certificate, String key, String tls13Schemes,
      String tls12Schemes, boolean signs) {
    ServerKey serverKey = TlsCredentials.fromPem(TestKeys.pem(certificate), TestKeys.pem(key)).serverKey();

    assertThat(serverKey.tls13Schemes()).isEqualTo(schemes(tls13Schemes));
    assertThat(serverKey.tls12Schemes()).isEqualTo(schemes(tls12Schemes));
    assertThat(serverKey.signs()).isEqualTo(signs);
  }

  /** The schemes of {@code hex}, each of 4 hexadecimal digits, separated by spaces. */
  private static List<Integer> schemes(String hex) {
    return hex.isEmpty() ? List.of() : Arrays.stream(hex.split(" ")).map(s -> Integer.parseInt(s, 16)).toList();
  }

  /**
   * A PKCS#1 key of three primes (keys/rsa3-*, made by Go's {@code rsa.GenerateMultiPrimeKey}), which Go reads: read
   * as a key of the modulus and the private exponent, which Go signs with ({@code TlsHandshakeTest}).
   */
  @Test
  void aKeyOfThreePrimesIsRead() {
    X509KeyPair pair = X509KeyPair.fromPem(TestKeys.pem("rsa3.cert.pem"), TestKeys.pem("rsa3-pkcs1.key.pem"));

    assertThat(pair.key).isInstanceOfSatisfying(MultiPrimeRsaKey.class,
        key -> assertThat(key.publicExponent()).isEqualTo(BigInteger.valueOf(65537)));
  }

  /**
   * The three-prime key with one change: Go checks such a key far less than one of two primes ({@code
   * precomputeLegacy}: neither d against e nor the primes' product against n, the CRT values in the file ignored),
   * and X509KeyPair as Go; each answer is Go's for the same files (made by a throw-away Go program).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "d + 2                           | ''",
      "the third prime + 2             | ''",
      "a fourth prime, 3               | ''",
      "version 0                       | ''",
      "the CRT values + 2              | ''",
      "the third exponent -1           | ''",
      "the third prime p               | tls: failed to parse private key",
      "q = p                           | tls: failed to parse private key",
      "the third prime 1               | tls: failed to parse private key",
      "d = n                           | tls: failed to parse private key",
      "the third prime twice           | tls: failed to parse private key",
      "an integer for the other primes | tls: failed to parse private key"})
  void aKeyOfThreePrimesIsCheckedAsGoChecksIt(String change, String goRefusal) {
    KeyPairAnswers.assertAnswer(TestKeys.pem("rsa3.cert.pem"), ThreePrimeKeys.changed(change), goRefusal);
  }

  /** A PKCS#1 key of two primes and an empty {@code otherPrimeInfos}, which Go reads as one of none. */
  @Test
  void anRsaKeyOfNoOtherPrimesIsRead() {
    byte[] der = PemBlocks.of(TestKeys.pem("rsa-pkcs1.key.pem")).get(0).der();
    byte[] withEmpty = Der.sequence(Arrays.copyOfRange(der, 4, der.length), Der.sequence());

    assertThat(X509KeyPair.fromPem(TestKeys.pem("rsa.cert.pem"), TestKeys.pkcs1Pem(withEmpty)).key)
        .isInstanceOf(RSAPrivateCrtKey.class);
  }

  /** A PKCS#1 key of version 1 (with no other prime), which Go reads. */
  @Test
  void anRsaKeyOfVersion1IsRead() {
    assertThat(X509KeyPair.fromPem(TestKeys.pem("rsa.cert.pem"), rsaKeyWithBitFlipped(6)).key.getAlgorithm())
        .isEqualTo("RSA");
  }

  /** The RSA test key, PKCS#1, with the lowest bit of its byte at {@code offset} flipped. */
  private static String rsaKeyWithBitFlipped(int offset) {
    byte[] der = PemBlocks.of(TestKeys.pem("rsa-pkcs1.key.pem")).get(0).der();
    der[offset] ^= 1;
    return TestKeys.pkcs1Pem(der);
  }

  /** Go's {@code rsa.PublicKey.Equal}: the modulus and the exponent. */
  @ParameterizedTest(name = "exponent {0}")
  @CsvSource({"65537, ''", "3, tls: private key does not match public key"})
  void anRsaKeyIsThePairOfTheSameModulusAndExponent(long exponent, String goRefusal) throws Exception {
    RSAPublicKey rsa = (RSAPublicKey) CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(TestKeys.pem("rsa.cert.pem").getBytes(StandardCharsets.US_ASCII))).getPublicKey();
    String certificate = TestCertificate.ec().withKey(Der.sequence(Der.oid("1.2.840.113549.1.1.1"), Der.NULL),
        Der.sequence(Der.integer(rsa.getModulus()), Der.integer(exponent))).pem();

    KeyPairAnswers.assertAnswer(certificate, TestKeys.pem("rsa-pkcs1.key.pem"), goRefusal);
  }

  /**
   * The EC certificate with one change: a DER byte at {@code offset} set to {@code value} (-1: the DER cut to
   * {@code offset} bytes, -2: a byte added at the end, -3: the outer length in a 3-byte form), or other bytes
   * altogether; each message is Go's for the same file.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not DER      | -4  |  0   | x509: malformed certificate",
      "empty        | -5  |  0   | x509: malformed certificate",
      "truncated    | 100 | -1   | x509: malformed certificate",
      "long length  | 0   | -3   | x509: malformed certificate",
      "trailing     | 0   | -2   | x509: trailing data",
      "a set        | 0   | 0x31 | x509: malformed certificate",
      "tbs a set    | 4   | 0x31 | x509: malformed tbs certificate",
      "version 6    | 12  | 5    | x509: invalid version",
      "negative     | 15  | 0x85 | x509: negative serial number",
      "other outer  | 312 | 3    | x509: inner and outer signature algorithm identifiers don't match",
      "issuer a set | 47  | 0x31 | x509: malformed issuer",
      "validity set | 69  | 0x31 | x509: malformed validity"})
  void certificatesGoCannotParseAreRefusedWithGosMessage(String change, int offset, String value, String message) {
    String certificate = TestCertificate.pem(changed(offset, Integer.decode(value)));

    assertThatThrownBy(() -> X509KeyPair.fromPem(certificate, TestKeys.pem("ec-sec1.key.pem")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void theKeyIsFoundBeforeTheCertificateIsRead() {
    String certificate = TestCertificate.pem("hello".getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> X509KeyPair.fromPem(certificate, ""))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tls: failed to find any PEM data in key input");
  }

  /** Go reads no certificate of the chain but the first: it serves the others as they are. */
  @Test
  void chainCertificatesAfterTheFirstAreNotRead() {
    String chain = TestKeys.pem("ec.cert.pem") + TestCertificate.pem(new byte[] {1, 2, 3});

    X509KeyPair pair = X509KeyPair.fromPem(chain, TestKeys.pem("ec-sec1.key.pem"));

    assertThat(pair.chain).hasSize(2);
    assertThat(pair.chain.get(1)).containsExactly(1, 2, 3);
  }

  private static byte[] changed(int offset, int value) {
    byte[] der = PemBlocks.of(TestKeys.pem("ec.cert.pem")).get(0).der();
    return switch (value == 0 ? offset : value) {
      case -4 -> "hello, world".getBytes(StandardCharsets.US_ASCII);
      case -5 -> new byte[0];
      case -1 -> Arrays.copyOf(der, offset);
      case -2 -> Arrays.copyOf(der, der.length + 1);
      case -3 -> longLength(der);
      default -> {
        der[offset] = (byte) value;
        yield der;
      }
    };
  }

  /** {@code der} with its outer length written in three bytes, the first zero: not DER's shortest form. */
  private static byte[] longLength(byte[] der) {
    byte[] longer = new byte[der.length + 1];
    longer[0] = der[0];
    longer[1] = (byte) 0x83;
    System.arraycopy(der, 2, longer, 3, der.length - 2);
    return longer;
  }

  private static String lines(String text) {
    return text == null ? "" : text.replace("\\n", "\n");
  }
}
