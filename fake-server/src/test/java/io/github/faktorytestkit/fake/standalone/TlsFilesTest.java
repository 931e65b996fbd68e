package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS pair in the configuration directory; TlsIT (conformance-tests) serves TLS with a real pair. */
class TlsFilesTest {
  @TempDir
  Path config;

  @Test
  void eitherFileMissingMeansPlainTcp() throws Exception {
    assertThat(TlsFiles.read(config)).isEmpty();
    Files.writeString(config.resolve("public.cert.pem"), "not read");
    assertThat(TlsFiles.read(config)).isEmpty();
  }

  /** The line the 1.9.4 binary logs for the same pair. */
  @Test
  void unparsableKeyStopsTheBootWithTheBinarysLine() throws Exception {
    write(testPem("ec.cert.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");

    assertThatThrownBy(() -> TlsFiles.read(config))
        .isInstanceOf(StartupException.class)
        .hasMessage("Unable to boot the command server: unable to initialize TLS certificate: tls: failed to parse "
            + "private key");
  }

  @Test
  void keyInSec1FormIsReadAsTheBinaryReadsIt() throws Exception {
    write(testPem("ec.cert.pem"), testPem("ec-sec1.key.pem"));

    assertThat(TlsFiles.read(config)).map(TlsFiles::certificate).contains(config.resolve("public.cert.pem"));
  }

  @Test
  void unreadableCertificateStopsTheBoot() throws Exception {
    byte[] key = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded();
    write("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(key) + "\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(() -> TlsFiles.read(config))
        .isInstanceOf(StartupException.class)
        .hasMessage("Unable to boot the command server: unable to initialize TLS certificate: "
            + "x509: malformed certificate");
  }

  private static String testPem(String name) throws Exception {
    try (InputStream in = TlsFilesTest.class.getResourceAsStream("/io/github/faktorytestkit/fake/transport/keys/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  private void write(String certificate, String key) throws Exception {
    Files.writeString(config.resolve("public.cert.pem"), certificate);
    Files.writeString(config.resolve("private.key.pem"), key);
  }
}
