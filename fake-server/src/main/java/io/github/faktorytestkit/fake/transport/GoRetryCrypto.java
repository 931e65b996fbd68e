package io.github.faktorytestkit.fake.transport;

import java.security.SecureRandom;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsNonceGenerator;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * BouncyCastle's crypto for its JSSE engine ({@link BouncyCastleTls}), but for the cookie of a HelloRetryRequest,
 * which Go's server does not send: BouncyCastle's server ({@code TlsServerProtocol.generate13ServerHello}, 1.84)
 * draws a cookie of 16 bytes from the connection's nonce generator and adds the extension only when it drew one, so
 * the generator draws none for it (the other draws of 16 bytes, the explicit IVs of TLS 1.2's CBC records, come from
 * the cipher). Without a cookie, the engine takes a second client hello that has none, as Go does; {@code TlsIT}
 * compares the HelloRetryRequest with Go's byte for byte.
 */
final class GoRetryCrypto extends JcaTlsCryptoProvider {
  private static final int COOKIE_LENGTH = 16;
  private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  @Override
  public JcaTlsCrypto create(SecureRandom keyRandom, SecureRandom nonceRandom) {
    return new JcaTlsCrypto(getHelper(), getAltHelper(), keyRandom, nonceRandom) {
      @Override
      public TlsNonceGenerator createNonceGenerator(byte[] additionalSeedMaterial) {
        return new NoCookies(super.createNonceGenerator(additionalSeedMaterial));
      }
    };
  }

  /** A connection's nonces, none for a HelloRetryRequest's cookie. */
  private static final class NoCookies implements TlsNonceGenerator {
    private final TlsNonceGenerator nonces;

    NoCookies(TlsNonceGenerator nonces) {
      this.nonces = nonces;
    }

    @Override
    public byte[] generateNonce(int size) {
      boolean cookie = size == COOKIE_LENGTH && STACK.getCallerClass() == TlsServerProtocol.class;
      return cookie ? null : nonces.generateNonce(size);
    }
  }
}
