package io.github.faktorytestkit.fake.transport;

import java.io.IOException;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PRFAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.TlsHash;
import org.bouncycastle.tls.crypto.TlsSecret;

/**
 * The steps of TLS 1.3's key schedule (RFC 8446, 7.1) the fake takes beside BouncyCastle's TLS protocol, on its
 * crypto, with the hash of one cipher suite: a PSK's binder, a Finished's verify data, a ticket's PSK from the
 * resumption master secret, as Go's {@code tls13} package derives them, and an ECH acceptance confirmation.
 */
final class Tls13KeySchedule {
  private final TlsCrypto crypto;
  private final int hash;
  private final int length;

  private Tls13KeySchedule(TlsCrypto crypto, int hash) {
    this.crypto = crypto;
    this.hash = hash;
    this.length = TlsCryptoUtils.getHashOutputSize(hash);
  }

  /** The schedule of {@code cipherSuite}, a TLS 1.3 suite. */
  static Tls13KeySchedule of(TlsCrypto crypto, int cipherSuite) {
    return new Tls13KeySchedule(crypto, hashOf(cipherSuite));
  }

  /** The hash of {@code cipherSuite} (SHA-384 for TLS_AES_256_GCM_SHA384, else SHA-256); -1 for a TLS 1.2 one. */
  static int hashOf(int cipherSuite) {
    if (!TlsUtils.isValidVersionForCipherSuite(cipherSuite, ProtocolVersion.TLSv13)) {
      return -1;
    }
    boolean sha384 = cipherSuite == CipherSuite.TLS_AES_256_GCM_SHA384;
    return sha384 ? CryptoHashAlgorithm.sha384 : CryptoHashAlgorithm.sha256;
  }

  /** BouncyCastle's PRF algorithm of this schedule's hash, for a PSK it is given. */
  int prfAlgorithm() {
    return hash == CryptoHashAlgorithm.sha384 ? PRFAlgorithm.tls13_hkdf_sha384 : PRFAlgorithm.tls13_hkdf_sha256;
  }

  /** The hash of {@code bytes}, from the first, less the last {@code cut}. */
  byte[] hash(byte[] bytes, int cut) {
    TlsHash digest = crypto.createHash(hash);
    digest.update(bytes, 0, bytes.length - cut);
    return digest.calculateHash();
  }

  /**
   * The binder of {@code psk} over {@code transcriptHash} (of the hello up to its binders): {@code label} is
   * {@code "res binder"} for a ticket's, {@code "ext binder"} for an external PSK's.
   */
  byte[] binder(byte[] psk, String label, byte[] transcriptHash) throws IOException {
    TlsSecret early = extractFromZero(psk);
    return finished(TlsCryptoUtils.hkdfExpandLabel(early, hash, label, hash(new byte[0], 0), length), transcriptHash);
  }

  /**
   * An ECH acceptance confirmation: {@code HKDF-Expand-Label(HKDF-Extract(0, clientRandom), label, transcriptHash,
   * length)}.
   */
  byte[] echConfirmation(byte[] clientRandom, String label, byte[] transcriptHash, int length) throws IOException {
    return TlsCryptoUtils.hkdfExpandLabel(extractFromZero(clientRandom), hash, label, transcriptHash, length).extract();
  }

  /** The verify data of a Finished of {@code baseKey}'s side (its traffic secret) over {@code transcriptHash}. */
  byte[] finished(TlsSecret baseKey, byte[] transcriptHash) throws IOException {
    TlsSecret key = TlsCryptoUtils.hkdfExpandLabel(baseKey, hash, "finished", TlsUtils.EMPTY_BYTES, length);
    return key.calculateHMAC(hash, transcriptHash, 0, transcriptHash.length);
  }

  /**
   * The PSK of the ticket Go sends (its nonce empty): {@code HKDF-Expand-Label(resumption_master_secret,
   * "resumption", "", length)}, the resumption master secret derived from {@code masterSecret} over
   * {@code transcriptHash} (of the handshake up to the client's Finished).
   */
  byte[] resumptionPsk(TlsSecret masterSecret, byte[] transcriptHash) throws IOException {
    TlsSecret resumption = TlsCryptoUtils.hkdfExpandLabel(masterSecret, hash, "res master", transcriptHash, length);
    return TlsCryptoUtils.hkdfExpandLabel(resumption, hash, "resumption", TlsUtils.EMPTY_BYTES, length).extract();
  }

  /** {@code HKDF-Extract} of {@code ikm} with a salt of zeros. */
  private TlsSecret extractFromZero(byte[] ikm) {
    return crypto.hkdfInit(hash).hkdfExtract(hash, crypto.createSecret(ikm.clone()));
  }
}
