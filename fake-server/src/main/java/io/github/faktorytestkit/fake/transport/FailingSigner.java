package io.github.faktorytestkit.fake.transport;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsStreamSigner;

/**
 * The signer of a key Go does not sign with ({@link ServerKey#signs}: an RSA key under 1024 bits), or whose signatures
 * Go's check refuses (a key of more than two primes whose d does not fit e), or over TLS 1.2 of a handshake whose
 * client lists no scheme Go signs with for the key: the handshake goes as far as its signature, which fails it with
 * Go's alert, after the messages before it, as Go's server fails it: TLS 1.3's {@code internal_error} in place of the
 * CertificateVerify ({@code sendServerCertificate}), TLS 1.2's {@code handshake_failure} in place of the
 * ServerKeyExchange ({@code doFullHandshake}).
 */
final class FailingSigner implements TlsCredentialedSigner {
  private final Certificate certificate;
  private final SignatureAndHashAlgorithm algorithm;
  private final short alert;

  FailingSigner(Certificate certificate, SignatureAndHashAlgorithm algorithm, boolean tls13) {
    this.certificate = certificate;
    this.algorithm = algorithm;
    this.alert = tls13 ? AlertDescription.internal_error : AlertDescription.handshake_failure;
  }

  @Override
  public byte[] generateRawSignature(byte[] hash) throws TlsFatalAlert {
    throw new TlsFatalAlert(alert);
  }

  @Override
  public TlsStreamSigner getStreamSigner() throws TlsFatalAlert {
    throw new TlsFatalAlert(alert);
  }

  @Override
  public SignatureAndHashAlgorithm getSignatureAndHashAlgorithm() {
    return algorithm;
  }

  @Override
  public Certificate getCertificate() {
    return certificate;
  }
}
