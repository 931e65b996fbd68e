package io.github.faktorytestkit.real;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A fresh self-signed certificate for {@code 127.0.0.1} (EC P-256, valid for 2 days) and its private key, as the
 * PEM text {@link LocalFaktory.Builder#tls(String, String)} takes, plus a client {@link SSLContext} that trusts
 * exactly this certificate. Generated with the JDK's {@code keytool}, so no key is ever committed. Immutable.
 */
public final class LoopbackCertificate {
  private static final char[] STORE_PASSWORD = "faktory-testkit".toCharArray();
  private static final String ALIAS = "faktory";

  private final KeyStore store;
  private final String certificatePem;
  private final String privateKeyPem;

  private LoopbackCertificate(KeyStore store) throws GeneralSecurityException {
    this.store = store;
    Certificate certificate = store.getCertificate(ALIAS);
    Key key = store.getKey(ALIAS, STORE_PASSWORD);
    this.certificatePem = pem("CERTIFICATE", certificate.getEncoded());
    this.privateKeyPem = pem("PRIVATE KEY", key.getEncoded());
  }

  /**
   * Generates a new certificate. Blocks while {@code keytool} runs (about a second).
   *
   * @throws IllegalStateException when keytool fails
   */
  public static LoopbackCertificate generate() {
    try {
      Path directory = Files.createTempDirectory("faktory-tls");
      Path storeFile = directory.resolve("store.p12");
      try {
        runKeytool(storeFile);
        return new LoopbackCertificate(load(storeFile));
      } finally {
        Files.deleteIfExists(storeFile);
        Files.delete(directory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("keytool's key store: unreadable (expected: PKCS12 with one key)", e);
    }
  }

  /** Returns the certificate as PEM text ({@code -----BEGIN CERTIFICATE-----}). */
  public String certificatePem() {
    return certificatePem;
  }

  /** Returns the private key as PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}). */
  public String privateKeyPem() {
    return privateKeyPem;
  }

  /** Returns a new TLS client context that trusts this certificate and nothing else. */
  public SSLContext clientContext() {
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry(ALIAS, store.getCertificate(ALIAS));
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("TLS client context: cannot be built", e);
    }
  }

  private static void runKeytool(Path storeFile) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    String password = new String(STORE_PASSWORD);
    // keytool's JVM lives for one key: the C1 compiler and the serial collector halve its CPU time (0.8 s to 0.4 s);
    // one PBE and MAC iteration instead of 10,000 (the store is a temporary file under a fixed password, read once
    // and deleted) take another 0.1 s off keytool and 0.1 s off load()
    List<String> command = List.of(keytool.toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
        "-J-Dkeystore.pkcs12.certPbeIterationCount=1", "-J-Dkeystore.pkcs12.keyPbeIterationCount=1",
        "-J-Dkeystore.pkcs12.macIterationCount=1", "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname",
        "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", storeFile.toString(), "-storepass", password, "-keypass", password);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool: failed (expected: exit code 0)\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("keytool: interrupted", e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static KeyStore load(Path storeFile) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(storeFile)) {
      store.load(in, STORE_PASSWORD);
    }
    return store;
  }
}
