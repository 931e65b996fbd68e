package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
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
      "ed25519.cert.pem, ed25519-pkcs8.key.pem, EdDSA"})
  void everyKeyFormGoReadsIsRead(String certificate, String key, String algorithm) {
    X509KeyPair pair = X509KeyPair.fromPem(TestKeys.pem(certificate), TestKeys.pem(key));

    assertThat(pair.key.getAlgorithm()).isEqualTo(algorithm);
    assertThat(pair.chain).hasSize(1);
    assertThat(TlsCredentials.fromPem(TestKeys.pem(certificate), TestKeys.pem(key)).context()).isNotNull();
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

  private static String lines(String text) {
    return text == null ? "" : text.replace("\\n", "\n");
  }
}
