package io.github.faktorytestkit.fake.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import java.util.Base64;
import javax.net.ssl.TrustManagerFactory;

/** The PEM files in {@code keys/} (made for these tests with openssl, and {@code rsa3-*} with Go: self-signed). */
public final class TestKeys {
  private TestKeys() {}

  /** The text of {@code keys/name}. */
  public static String pem(String name) {
    try (InputStream in = TestKeys.class.getResourceAsStream("keys/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JDK client context trusting the self-signed certificate {@code certificatePem} only. */
  public static SSLContext trusting(String certificatePem) throws Exception {
    return trusting(certificatePem, null);
  }

  /** A client context of {@code provider} (null: the JDK's) trusting the certificate {@code certificatePem} only. */
  public static SSLContext trusting(String certificatePem, Provider provider) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory trust = provider == null
        ? TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
        : TrustManagerFactory.getInstance("PKIX", provider);
    trust.init(trusted);
    SSLContext context = provider == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", provider);
    context.init(null, trust.getTrustManagers(), null);
    return context;
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
