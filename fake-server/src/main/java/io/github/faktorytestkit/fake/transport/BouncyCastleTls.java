package io.github.faktorytestkit.fake.transport;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * BouncyCastle's TLS on its own crypto, the TLS stack that has Go's ML-KEM hybrid key exchanges on JDK 17: its TLS
 * protocol for the command port ({@link GoTlsServer}), its JSSE provider for the standalone jar's web endpoints.
 * Neither provider is installed in {@code java.security}; a class of its own so that
 * BouncyCastle is loaded (once per JVM) only when the first TLS server context is built. Its JSSE logs (through
 * {@code java.util.logging}, at INFO for every connection) are cut to SEVERE unless the application set their level:
 * Go's server prints nothing.
 */
final class BouncyCastleTls {
  /** Held: the logging framework keeps loggers weakly, and a collected one forgets its level. */
  private static final Logger JSSE_LOG = quiet(Logger.getLogger("org.bouncycastle.jsse"));
  private static final Provider CRYPTO = new BouncyCastleProvider();
  private static final GoNonces NONCES = (GoNonces) new GoNonces().setProvider(CRYPTO);
  private static final Provider JSSE = new BouncyCastleJsseProvider(false, NONCES);
  /** Shared by all connections, as the JSSE provider shares its own. */
  private static final JcaTlsCrypto TLS_CRYPTO = NONCES.create(new SecureRandom());

  private BouncyCastleTls() {}

  /**
   * Returns a new JSSE server context serving {@code pair}, whose key signs as {@code key} says ({@link GoKeyManager}), for servers other than
   * the command port (the standalone jar's web endpoints).
   */
  static SSLContext serverContext(X509KeyPair pair, ServerKey key) throws GeneralSecurityException {
    // the key as BouncyCastle's own object: its engine does not take the JDK's Ed25519 ("EdDSA") key
    GoKeyManager keys = new GoKeyManager(servedChain(pair.chain), ownKey(pair.key), key);
    SSLContext context = SSLContext.getInstance("TLS", JSSE);
    context.init(new KeyManager[] {keys}, null, null);
    return context;
  }

  /**
   * Returns the signers of {@code pair} for BouncyCastle's TLS protocol (the command port's, {@link GoTlsServer}),
   * whose key signs as {@code key} says.
   */
  static GoSigners signers(X509KeyPair pair, ServerKey key) throws GeneralSecurityException {
    return new GoSigners(TLS_CRYPTO, servedChain(pair.chain), ownKey(pair.key), key);
  }

  /** Returns the crypto of BouncyCastle's TLS protocol, with Go's nonces ({@link GoNonces}). */
  static JcaTlsCrypto crypto() {
    return TLS_CRYPTO;
  }

  private static Logger quiet(Logger log) {
    if (log.getLevel() == null) {
      log.setLevel(Level.SEVERE);
    }
    return log;
  }

  private static PrivateKey ownKey(PrivateKey key) throws GeneralSecurityException {
    KeyFactory keys = KeyFactory.getInstance(key.getAlgorithm(), CRYPTO);
    return keys.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
  }

  /** The chain as Go serves it: each certificate's bytes as they are ({@link RawCertificate}). */
  private static X509Certificate[] servedChain(List<byte[]> chain) {
    return chain.stream().map(RawCertificate::new).toArray(X509Certificate[]::new);
  }
}
