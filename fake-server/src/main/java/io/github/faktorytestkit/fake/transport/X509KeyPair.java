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
 * or Ed25519), which must be the key of the first certificate. Refusals carry Go's message.
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
   * @throws IllegalArgumentException with Go's message, or naming the certificate that is not X.509
   */
  static X509KeyPair fromPem(String certificatePem, String privateKeyPem) {
    Certificate[] chain = certificates(certificatePem);
    PrivateKey key = privateKey(keyBlock(privateKeyPem).der());
    matches(chain[0].getPublicKey(), key);
    return new X509KeyPair(chain, key);
  }

  private static Certificate[] certificates(String pem) {
    List<Block> blocks = PemBlocks.of(pem);
    List<String> skipped = new ArrayList<>();
    List<Certificate> chain = new ArrayList<>();
    for (Block block : blocks) {
      if (block.type().equals("CERTIFICATE")) {
        chain.add(certificate(block.der()));
      } else {
        skipped.add(block.type());
      }
    }
    if (!chain.isEmpty()) {
      return chain.toArray(Certificate[]::new);
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

  private static Certificate certificate(byte[] der) {
    try {
      return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "certificatePem: unreadable (expected: PEM -----BEGIN CERTIFICATE----- blocks): " + e.getMessage(), e);
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
