package io.github.faktorytestkit.fake.transport;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCertificate;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * The one certificate chain and key of a Go server ({@code tls.Config.Certificates} of one pair) as BouncyCastle's
 * TLS protocol signs with them: for every handshake whose signature the key can make, whatever the client's server
 * name, the chain's own signature algorithms or its validity, with the first of the client's signature schemes that
 * Go signs with for the key ({@code selectSignatureScheme}: the peer's order; {@link ServerKey}), or, for a key whose
 * signatures do not check out, one that fails as Go's signature does ({@link FailingSigner}). Immutable.
 */
final class GoSigners {
  private final JcaTlsCrypto crypto;
  private final X509Certificate[] chain;
  private final PrivateKey privateKey;
  private final ServerKey key;

  GoSigners(JcaTlsCrypto crypto, X509Certificate[] chain, PrivateKey privateKey, ServerKey key) {
    this.crypto = crypto;
    this.chain = chain.clone();
    this.privateKey = privateKey;
    this.key = key;
  }

  /** What the key can sign for. */
  ServerKey key() {
    return key;
  }

  /**
   * The signer for the handshake of {@code context}; over TLS 1.3 null when the client lists no scheme Go signs with
   * (which Go refuses at the hello: {@link GoHelloChecks}); over TLS 1.2 then one that fails at the signature, as Go's
   * {@code generateServerKeyExchange} does after the Certificate ({@link FailingSigner}).
   */
  TlsCredentialedSigner signer(TlsContext context) {
    SecurityParameters parameters = context.getSecurityParametersHandshake();
    boolean tls13 = TlsUtils.isTLSv13(parameters.getNegotiatedVersion());
    List<Integer> schemes = tls13 ? key.tls13Schemes() : key.tls12Schemes();
    Vector<?> client = parameters.getClientSigAlgs();
    Certificate certificate = tls13 ? certificate13() : certificate12();
    for (Object offered : client == null ? List.of() : client) {
      SignatureAndHashAlgorithm algorithm = (SignatureAndHashAlgorithm) offered;
      if (schemes.contains(SignatureScheme.from(algorithm))) {
        return key.signs() ? new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
            privateKey, certificate, algorithm) : new FailingSigner(certificate, algorithm, tls13);
      }
    }
    return tls13 ? null : new FailingSigner(certificate, SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256,
        key.ecdsaSuites() ? SignatureAlgorithm.ecdsa : SignatureAlgorithm.rsa), false);
  }

  private Certificate certificate12() {
    TlsCertificate[] certificates = new TlsCertificate[chain.length];
    for (int i = 0; i < chain.length; i++) {
      certificates[i] = new JcaTlsCertificate(crypto, chain[i]);
    }
    return new Certificate(certificates);
  }

  private Certificate certificate13() {
    CertificateEntry[] entries = new CertificateEntry[chain.length];
    for (int i = 0; i < chain.length; i++) {
      entries[i] = new CertificateEntry(new JcaTlsCertificate(crypto, chain[i]), null);
    }
    return new Certificate(TlsUtils.EMPTY_BYTES, entries);
  }
}
