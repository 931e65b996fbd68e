package io.github.faktorytestkit.fake.transport;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.TlsDecodeResult;
import org.bouncycastle.tls.crypto.TlsSecret;

/**
 * The client's keys that open its first sealed record as Go's {@code halfConn.decrypt} does
 * ({@link ClientRecordOpener}), without a change to BouncyCastle's own ciphers and secrets: over TLS 1.2 a cipher of
 * the session's keys made as BouncyCastle makes its own; over TLS 1.3 the client's handshake traffic secret, kept
 * once BouncyCastle moved on to the application's after the server's Finished, its keys drawn only when such a
 * record comes.
 */
final class ClientRecordKeys {
  private static final int TAG_BITS = 128;
  private static final int IV = 12;
  private final TlsSecret secret;
  private final int hash;
  private final int suite;

  /** Keeps the client's TLS 1.3 handshake traffic secret of {@code parameters}, while the handshake keys are in use. */
  ClientRecordKeys(SecurityParameters parameters) {
    this.secret = parameters.getTrafficSecretClient();
    this.hash = parameters.getPRFCryptoHashAlgorithm();
    this.suite = parameters.getCipherSuite();
  }

  /**
   * TLS 1.2: the plaintext of {@code body}, of a record of {@code type}, sealed with the client's keys of the session
   * of {@code context} (its master secret set) as its record of sequence number 0; null where it does not open.
   */
  static byte[] openTls12(TlsContext context, int type, byte[] body) {
    int cipherSuite = context.getSecurityParametersHandshake().getCipherSuite();
    try {
      TlsCipher cipher = context.getCrypto().createCipher(new TlsCryptoParameters(context),
          TlsUtils.getEncryptionAlgorithm(cipherSuite), TlsUtils.getMACAlgorithm(cipherSuite));
      TlsDecodeResult opened = cipher.decodeCiphertext(0, (short) type, ProtocolVersion.TLSv12, body.clone(), 0,
          body.length);
      return Arrays.copyOfRange(opened.buf, opened.off, opened.off + opened.len);
    } catch (IOException | RuntimeException undecryptable) {
      return null;
    }
  }

  /**
   * TLS 1.3: the plaintext (content, inner type and padding) of {@code body}, of a record of {@code type}, sealed with
   * the client's handshake keys as its record of sequence number 0, its header authenticated with it; null where it
   * does not open.
   */
  byte[] openTls13(int type, byte[] body) {
    boolean chacha = suite == CipherSuite.TLS_CHACHA20_POLY1305_SHA256;
    try {
      byte[] key = expand("key", suite == CipherSuite.TLS_AES_128_GCM_SHA256 ? 16 : 32);
      byte[] iv = expand("iv", IV);
      Cipher cipher = Cipher.getInstance(chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding");
      AlgorithmParameterSpec nonce = chacha ? new IvParameterSpec(iv) : new GCMParameterSpec(TAG_BITS, iv);
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, chacha ? "ChaCha20" : "AES"), nonce);
      cipher.updateAAD(GoRecords.header(type, body.length));
      return cipher.doFinal(body);
    } catch (GeneralSecurityException | IOException undecryptable) {
      return null;
    }
  }

  private byte[] expand(String label, int length) throws IOException {
    return TlsCryptoUtils.hkdfExpandLabel(secret, hash, label, new byte[0], length).extract();
  }
}
