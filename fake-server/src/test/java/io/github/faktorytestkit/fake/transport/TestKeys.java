package io.github.faktorytestkit.fake.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The PEM files in {@code keys/} (made for these tests with openssl, and {@code rsa3-*} with Go: self-signed). */
final class TestKeys {
  private TestKeys() {}

  /** The text of {@code keys/name}. */
  static String pem(String name) {
    try (InputStream in = TestKeys.class.getResourceAsStream("keys/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code der} as an {@code RSA PRIVATE KEY} PEM block. */
  static String pkcs1Pem(byte[] der) {
    return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END RSA PRIVATE KEY-----\n";
  }

  /** Credentials of the EC pair. */
  static TlsCredentials ec() {
    return TlsCredentials.fromPem(pem("ec.cert.pem"), pem("ec-sec1.key.pem"));
  }
}
