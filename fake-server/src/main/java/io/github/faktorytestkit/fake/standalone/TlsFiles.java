package io.github.faktorytestkit.fake.standalone;

import io.github.faktorytestkit.fake.transport.TlsCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The TLS files real Faktory looks for in its configuration directory: {@code public.cert.pem} and
 * {@code private.key.pem}. With both present the command port (and the web endpoints) serve TLS only; with either
 * missing, plain TCP. Immutable.
 *
 * @param certificate where the certificate was read from (the binary logs it: {@code TLS activated with ...})
 * @param certificatePem the certificate chain as PEM text
 * @param privateKeyPem the private key as PEM text
 */
record TlsFiles(Path certificate, String certificatePem, String privateKeyPem) {
  static final String CERTIFICATE_FILE = "public.cert.pem";
  static final String PRIVATE_KEY_FILE = "private.key.pem";

  /**
   * Reads the pair from {@code configDirectory}; empty when either file does not exist.
   *
   * @throws StartupException when a file exists but cannot be read, or does not hold a usable certificate or key
   */
  static Optional<TlsFiles> read(Path configDirectory) throws StartupException {
    Path key = configDirectory.resolve(PRIVATE_KEY_FILE);
    Path certificate = configDirectory.resolve(CERTIFICATE_FILE);
    if (!Files.exists(key) || !Files.exists(certificate)) {
      return Optional.empty();
    }
    TlsFiles files = new TlsFiles(certificate, text(certificate, "public cert"), text(key, "private key"));
    try {
      files.credentials();
    } catch (IllegalArgumentException e) {
      throw StartupException.boot("Unable to boot the command server: unable to initialize TLS certificate: "
          + e.getMessage());
    }
    return Optional.of(files);
  }

  /**
   * Returns the pair as new TLS credentials, sealing session tickets under keys of their own: the web port's are not
   * the command port's, as real Faktory's {@code http.Server} has a {@code tls.Config} of its own.
   */
  TlsCredentials credentials() {
    return TlsCredentials.fromPem(certificatePem, privateKeyPem);
  }

  private static String text(Path file, String what) throws StartupException {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw StartupException.boot("Unable to boot the command server: unable to open " + what + ": " + file + ": "
          + e.getMessage());
    }
  }
}
