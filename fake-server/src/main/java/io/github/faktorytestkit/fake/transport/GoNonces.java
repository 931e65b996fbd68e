package io.github.faktorytestkit.fake.transport;

import java.security.SecureRandom;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsNonceGenerator;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * BouncyCastle's crypto for its TLS protocol ({@link BouncyCastleTls}), but with no nonce where Go's server sends none
 * (BouncyCastle 1.84 sends what it draws from a connection's nonce generator, by the drawing class): the cookie of a
 * HelloRetryRequest ({@code TlsServerProtocol.generate13ServerHello} draws 16 bytes, and adds the extension only when
 * it drew some): without one, BouncyCastle takes a second client hello that has none, as Go does
 * ({@code TlsIT.helloRetryRequestIsGos}).
 *
 * <p>The other draws (the randoms, the explicit IVs of TLS 1.2's CBC records) are left as they are.
 */
final class GoNonces extends JcaTlsCryptoProvider {
  private static final int COOKIE_LENGTH = 16;
  private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  @Override
  public JcaTlsCrypto create(SecureRandom keyRandom, SecureRandom nonceRandom) {
    return new JcaTlsCrypto(getHelper(), getAltHelper(), keyRandom, nonceRandom) {
      @Override
      public TlsNonceGenerator createNonceGenerator(byte[] additionalSeedMaterial) {
        return new GoDraws(super.createNonceGenerator(additionalSeedMaterial));
      }
    };
  }

  /** A connection's nonces, none for a HelloRetryRequest's cookie. */
  private static final class GoDraws implements TlsNonceGenerator {
    private final TlsNonceGenerator nonces;

    GoDraws(TlsNonceGenerator nonces) {
      this.nonces = nonces;
    }

    @Override
    public byte[] generateNonce(int size) {
      if (size == COOKIE_LENGTH && STACK.getCallerClass() == TlsServerProtocol.class) {
        return null;
      }
      return nonces.generateNonce(size);
    }
  }
}
