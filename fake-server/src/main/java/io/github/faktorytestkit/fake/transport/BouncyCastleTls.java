package io.github.faktorytestkit.fake.transport;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * BouncyCastle's TLS protocol on its own crypto, the TLS stack that has Go's ML-KEM hybrid key exchanges on JDK 17, for
 * the command port and the standalone jar's web endpoints ({@link GoTlsServer}). The provider is not installed in
 * {@code java.security}; a class of its own so that BouncyCastle is loaded (once per JVM) only when the first TLS
 * credentials are read.
 */
final class BouncyCastleTls {
  private static final Provider CRYPTO = new BouncyCastleProvider();
  private static final GoNonces NONCES = (GoNonces) new GoNonces().setProvider(CRYPTO);
  /** Shared by all connections. */
  private static final JcaTlsCrypto TLS_CRYPTO = NONCES.create(new SecureRandom());

  private BouncyCastleTls() {}

  /**
   * Returns the signers of {@code pair} for BouncyCastle's TLS protocol ({@link GoTlsServer}), whose key signs as
   * {@code key} says; the key as BouncyCastle's own object.
   */
  static GoSigners signers(X509KeyPair pair, ServerKey key) throws GeneralSecurityException {
    return new GoSigners(TLS_CRYPTO, servedChain(pair.chain), ownKey(pair.key), key);
  }

  /** Returns the crypto of BouncyCastle's TLS protocol, with Go's nonces ({@link GoNonces}). */
  static JcaTlsCrypto crypto() {
    return TLS_CRYPTO;
  }

  /** The key as BouncyCastle's own object; one Go never signs with as it is ({@link InsecureRsaKey}). */
  private static PrivateKey ownKey(PrivateKey key) throws GeneralSecurityException {
    if (key instanceof InsecureRsaKey) {
      return key;
    }
    KeyFactory keys = KeyFactory.getInstance(key.getAlgorithm(), CRYPTO);
    return keys.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
  }

  /** The chain as Go serves it: each certificate's bytes as they are ({@link RawCertificate}). */
  private static X509Certificate[] servedChain(List<byte[]> chain) {
    return chain.stream().map(RawCertificate::new).toArray(X509Certificate[]::new);
  }
}
