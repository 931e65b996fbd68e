package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.transport.PemBlocks.Block;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a certificate chain and its private key from PEM text as Go's {@code tls.X509KeyPair} does (what real
 * Faktory calls on {@code public.cert.pem} and {@code private.key.pem}): the {@code CERTIFICATE} blocks, then the
 * first block whose type ends in {@code PRIVATE KEY}, as PKCS#1, PKCS#8 or SEC1 DER whatever its type says (RSA, EC
 * or Ed25519), which must be the key of the first certificate, in Go's order of checks. Refusals carry Go's message;
 * a certificate that passes Go's first checks ({@link GoCertificateChecks}) but not the JDK's reader, or a chain
 * certificate after the first (which Go does not read) that the JDK cannot read, is refused naming the JDK's reason.
 */
final class X509KeyPair {
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519");
  private static final Map<String, String> SIGNATURES =
      Map.of("EC", "SHA256withECDSA", "Ed25519", "Ed25519", "EdDSA", "Ed25519");
  private static final byte[] PROBE = {'f', 'a', 'k', 't', 'o', 'r', 'y'};

  final Certificate[] chain;
  final PrivateKey key;

  private X509KeyPair(Certificate[] chain, PrivateKey key) {
    this.chain = chain;
    this.key = key;
  }

  /**
   * Reads the pair.
   *
   * @throws IllegalArgumentException with Go's message, or naming the certificate the JDK cannot read
   */
  static X509KeyPair fromPem(String certificatePem, String privateKeyPem) {
    List<byte[]> certificates = certificateBlocks(certificatePem);
    Block keyBlock = keyBlock(privateKeyPem);
    Certificate leaf = leaf(certificates.get(0));
    PrivateKey key = privateKey(keyBlock.der());
    matches(leaf.getPublicKey(), key);
    return new X509KeyPair(chain(leaf, certificates), key);
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
      throw new IllegalArgumentException("tls: failed to find any PEM data in certificate input");
    }
    if (skipped.size() == 1 && skipped.get(0).endsWith("PRIVATE KEY")) {
      throw new IllegalArgumentException("tls: failed to find certificate PEM data in certificate input, but did "
          + "find a private key; PEM inputs may have been switched");
    }
    throw new IllegalArgumentException("tls: failed to find \"CERTIFICATE\" PEM block in certificate input after "
        + "skipping PEM blocks of the following types: " + goList(skipped));
  }

  /** The first certificate, read as Go's {@code x509.ParseCertificate} reads it as far as its checks go. */
  private static Certificate leaf(byte[] der) {
    GoCertificateChecks.refusal(der).ifPresent(message -> {
      throw new IllegalArgumentException(message);
    });
    Certificate leaf = certificate(der, "certificatePem: not X.509 as the JDK reads it, though Go's first checks "
        + "pass (Faktory's reason may differ): ");
    if (GoCertificateChecks.trailingData(der)) {
      throw new IllegalArgumentException("x509: trailing data");
    }
    return leaf;
  }

  /** The chain: the leaf, then the other certificates, which Go sends unread (the JDK must read them). */
  private static Certificate[] chain(Certificate leaf, List<byte[]> certificates) {
    Certificate[] chain = new Certificate[certificates.size()];
    chain[0] = leaf;
    for (int i = 1; i < chain.length; i++) {
      chain[i] = certificate(certificates.get(i), "certificatePem: certificate " + (i + 1) + " of the chain is not "
          + "X.509 as the JDK reads it (Faktory sends it unread): ");
    }
    return chain;
  }

  private static Certificate certificate(byte[] der, String refusal) {
    try {
      return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(refusal + e.getMessage(), e);
    }
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
      throw new IllegalArgumentException("tls: failed to find any PEM data in key input");
    }
    if (skipped.size() == 1 && skipped.get(0).equals("CERTIFICATE")) {
      throw new IllegalArgumentException("tls: found a certificate rather than a key in the PEM for the private key");
    }
    throw new IllegalArgumentException("tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key "
        + "input after skipping PEM blocks of the following types: " + goList(skipped));
  }

  private static PrivateKey privateKey(byte[] der) {
    Optional<PrivateKey> key = parse("RSA", Pkcs8.fromPkcs1(der));
    for (String algorithm : KEY_ALGORITHMS) {
      key = key.or(() -> parse(algorithm, der));
    }
    key = key.or(() -> Pkcs8.fromSec1(der).flatMap(pkcs8 -> parse("EC", pkcs8)));
    if (key.isEmpty() && parse("X25519", der).isPresent()) {
      throw new IllegalArgumentException("tls: found unknown private key type in PKCS#8 wrapping");
    }
    return key.orElseThrow(() -> new IllegalArgumentException("tls: failed to parse private key"));
  }

  private static Optional<PrivateKey> parse(String algorithm, byte[] pkcs8) {
    try {
      return Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void matches(PublicKey certified, PrivateKey key) {
    String type = certified.getAlgorithm();
    if (!KEY_ALGORITHMS.contains(type) && !type.equals("EdDSA")) {
      throw new IllegalArgumentException("tls: unknown public key algorithm");
    }
    if (!sameType(type, key.getAlgorithm())) {
      throw new IllegalArgumentException("tls: private key type does not match public key type");
    }
    if (!(type.equals("RSA") ? sameModulus(certified, key) : signsFor(certified, key))) {
      throw new IllegalArgumentException("tls: private key does not match public key");
    }
  }

  private static boolean sameType(String certified, String key) {
    return certified.equals(key) || certified.startsWith("Ed") && key.startsWith("Ed");
  }

  private static boolean sameModulus(PublicKey certified, PrivateKey key) {
    return ((RSAKey) certified).getModulus().equals(((RSAKey) key).getModulus());
  }

  private static boolean signsFor(PublicKey certified, PrivateKey key) {
    try {
      Signature signer = Signature.getInstance(SIGNATURES.get(key.getAlgorithm()));
      signer.initSign(key);
      signer.update(PROBE);
      Signature verifier = Signature.getInstance(SIGNATURES.get(key.getAlgorithm()));
      verifier.initVerify(certified);
      verifier.update(PROBE);
      return verifier.verify(signer.sign());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Go's {@code %v} of a string slice: {@code [A B]}. */
  private static String goList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }
}
