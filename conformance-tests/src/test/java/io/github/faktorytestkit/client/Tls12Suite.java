package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.TlsCrypto.concat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A TLS 1.2 suite a scripted client ({@link Tls12Client}) offers alone: the ECDHE_ECDSA suites Go 1.26's server
 * enables by default for the tests' ECDSA certificate (AES-GCM, ChaCha20-Poly1305, and AES-CBC with HMAC-SHA1), with
 * the key sizes and PRF hash of each.
 */
enum Tls12Suite {
  AES_128_GCM("c02b", Tls12Keys.Sealing.AES_GCM, 0, 16, 4, TlsCrypto.Hash.SHA256),
  AES_256_GCM("c02c", Tls12Keys.Sealing.AES_GCM, 0, 32, 4, TlsCrypto.Hash.SHA384),
  CHACHA20_POLY1305("cca9", Tls12Keys.Sealing.CHACHA20_POLY1305, 0, 32, 12, TlsCrypto.Hash.SHA256),
  AES_128_CBC_SHA("c009", Tls12Keys.Sealing.AES_CBC, 20, 16, 16, TlsCrypto.Hash.SHA256),
  AES_256_CBC_SHA("c00a", Tls12Keys.Sealing.AES_CBC, 20, 32, 16, TlsCrypto.Hash.SHA256);

  private final String id;
  private final Tls12Keys.Sealing sealing;
  private final int macKey;
  private final int key;
  private final int iv;
  private final TlsCrypto.Hash hash;

  Tls12Suite(String id, Tls12Keys.Sealing sealing, int macKey, int key, int iv, TlsCrypto.Hash hash) {
    this.id = id;
    this.sealing = sealing;
    this.macKey = macKey;
    this.key = key;
    this.iv = iv;
    this.hash = hash;
  }

  /** How the suite seals its records. */
  Tls12Keys.Sealing sealing() {
    return sealing;
  }

  /** The suite's PRF hash, of its transcript too. */
  TlsCrypto.Hash hash() {
    return hash;
  }

  /** The client's hello offering this suite alone, in a record of TLS 1.0. */
  String hello() {
    return hello("", "");
  }

  /**
   * The client's hello offering this suite alone, with {@code sessionId} (hex) and {@code more} extensions after its
   * own, in a record of TLS 1.0.
   */
  String hello(String sessionId, String more) {
    return TlsHellos.record(TlsHellos.helloWithSessionId("0303", sessionId, id, "00",
        TlsHellos.extension(10, "0002001d"), TlsHellos.extension(11, "0100"), TlsHellos.ECDSA_P256,
        TlsHellos.extension(23, ""), TlsHellos.extension(0xff01, "00"), more));
  }

  /** The key block's length: both sides' MAC keys, keys and IVs. */
  int keyBlock() {
    return 2 * (macKey + key + iv);
  }

  /** The client's write keys in the key block of a session. */
  Tls12Keys clientKeys(byte[] block) {
    return new Tls12Keys(this, Arrays.copyOfRange(block, 0, macKey), Arrays.copyOfRange(block, 2 * macKey,
        2 * macKey + key), Arrays.copyOfRange(block, 2 * (macKey + key), 2 * (macKey + key) + iv));
  }

  /** The server's write keys in the key block of a session. */
  Tls12Keys serverKeys(byte[] block) {
    return new Tls12Keys(this, Arrays.copyOfRange(block, macKey, 2 * macKey), Arrays.copyOfRange(block,
        2 * macKey + key, 2 * (macKey + key)), Arrays.copyOfRange(block, 2 * (macKey + key) + iv, keyBlock()));
  }

  /** TLS 1.2's PRF with the suite's hash. */
  byte[] prf(byte[] secret, String label, byte[] seed, int length) {
    byte[] labelled = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] a = hash.hmac(secret, labelled); out.size() < length; a = hash.hmac(secret, a)) {
      out.writeBytes(hash.hmac(secret, concat(a, labelled)));
    }
    return Arrays.copyOf(out.toByteArray(), length);
  }
}
