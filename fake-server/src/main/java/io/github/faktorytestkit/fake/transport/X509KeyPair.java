package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.transport.PemBlocks.Block;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a certificate chain and its private key from PEM text as Go's {@code tls.X509KeyPair} does (what real
 * Faktory calls on {@code public.cert.pem} and {@code private.key.pem}): the {@code CERTIFICATE} blocks, then the
 * first block whose type ends in {@code PRIVATE KEY}; the first certificate read as Go's
 * {@code x509.ParseCertificate} reads it ({@link GoCertificateParser}), the others not at all (served as they are, as
 * Go serves them); the key as PKCS#1, PKCS#8 or SEC1 DER whatever its type says (RSA, EC or Ed25519) as Go reads
 * it ({@link GoPrivateKeys}), which must be the pair of the first certificate's key ({@link CertifiedKey}); in Go's
 * order of checks, each refusal with Go's message ({@link KeyPairTexts}).
 */
final class X509KeyPair {
  /** The certificates' DER as the PEM holds them, the first one's first. */
  final List<byte[]> chain;
  final PrivateKey key;

  private X509KeyPair(List<byte[]> chain, PrivateKey key) {
    this.chain = chain;
    this.key = key;
  }

  /**
   * Reads the pair.
   *
   * @throws IllegalArgumentException with Go's message
   */
  static X509KeyPair fromPem(String certificatePem, String privateKeyPem) {
    List<byte[]> certificates = certificateBlocks(certificatePem);
    Block keyBlock = keyBlock(privateKeyPem);
    CertifiedKey certified = GoCertificateParser.parse(certificates.get(0));
    PrivateKey key = GoPrivateKeys.parse(keyBlock.der());
    certified.mismatch(key).ifPresent(text -> {
      throw KeyPairTexts.refusal(text);
    });
    return new X509KeyPair(List.copyOf(certificates), key);
  }

  private static List<byte[]> certificateBlocks(String pem) {
    List<String> skipped = new ArrayList<>();
    List<byte[]> certificates = new ArrayList<>();
    for (Block block : PemBlocks.of(pem)) {
      if (block.type().equals("CERTIFICATE")) {
        certificates.add(block.der());
      } else {
        skipped.add(block.type());
      }
    }
    if (!certificates.isEmpty()) {
      return certificates;
    }
    if (skipped.isEmpty()) {
      throw KeyPairTexts.refusal(KeyPairTexts.NO_CERTIFICATE_PEM);
    }
    if (skipped.size() == 1 && skipped.get(0).endsWith("PRIVATE KEY")) {
      throw KeyPairTexts.refusal(KeyPairTexts.SWITCHED_PEM);
    }
    throw KeyPairTexts.refusal(KeyPairTexts.noCertificateBlock(skipped));
  }

  private static Block keyBlock(String pem) {
    List<String> skipped = new ArrayList<>();
    for (Block block : PemBlocks.of(pem)) {
      if (block.type().equals("PRIVATE KEY") || block.type().endsWith(" PRIVATE KEY")) {
        return block;
      }
      skipped.add(block.type());
    }
    if (skipped.isEmpty()) {
      throw KeyPairTexts.refusal(KeyPairTexts.NO_KEY_PEM);
    }
    if (skipped.size() == 1 && skipped.get(0).equals("CERTIFICATE")) {
      throw KeyPairTexts.refusal(KeyPairTexts.CERTIFICATE_AS_KEY);
    }
    throw KeyPairTexts.refusal(KeyPairTexts.noKeyBlock(skipped));
  }
}
