package io.github.faktorytestkit.fake.transport;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * BouncyCastle's JSSE provider on BouncyCastle's own crypto: the TLS stack that has Go's ML-KEM hybrid key
 * exchanges on JDK 17. Neither provider is installed in {@code java.security}; a class of its own so that
 * BouncyCastle is loaded (once per JVM) only when the first TLS server context is built.
 */
final class BouncyCastleTls {
  private static final Provider JSSE = new BouncyCastleJsseProvider(new BouncyCastleProvider());

  private BouncyCastleTls() {}

  /** Returns a new server context serving the key entry of {@code store}, whose password is {@code password}. */
  static SSLContext serverContext(KeyStore store, char[] password) throws GeneralSecurityException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX", JSSE);
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS", JSSE);
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
