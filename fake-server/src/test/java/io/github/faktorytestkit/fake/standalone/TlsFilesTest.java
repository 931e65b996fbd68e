package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void keyInAnotherFormThanPkcs8StopsTheBootNamingTheForm() throws Exception {
    write("-----BEGIN CERTIFICATE-----\n", "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");

    assertThatThrownBy(() -> TlsFiles.read(config))
        .isInstanceOf(StartupException.class)
        .hasMessage("Unable to boot the command server: unable to initialize TLS certificate: privateKeyPem: no "
            + "PKCS#8 key (expected: -----BEGIN PRIVATE KEY-----; convert another form with openssl pkcs8 -topk8 "
            + "-nocrypt)");
  }

  @Test
  void unreadableCertificateStopsTheBoot() throws Exception {
    byte[] key = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded();
    write("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(key) + "\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(() -> TlsFiles.read(config))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("Unable to boot the command server: unable to initialize TLS certificate: "
            + "certificatePem: unreadable");
  }

  private void write(String certificate, String key) throws Exception {
    Files.writeString(config.resolve("public.cert.pem"), certificate);
    Files.writeString(config.resolve("private.key.pem"), key);
  }
}
