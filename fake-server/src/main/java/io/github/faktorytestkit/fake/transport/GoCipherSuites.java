package io.github.faktorytestkit.fake.transport;

import java.util.List;
import java.util.Set;

/**
 * The cipher suites Go's TLS server (the Go that built Faktory 1.9.4 here, go1.26.8, with its defaults: no RSA key
 * exchange, no 3DES) enables with {@code MinVersion} TLS 1.2, in the preference order it applies over the
 * client's: with AES hardware, AES-GCM first, unless the first suite of the client's that Go knows is not AES-GCM
 * ({@code isAESGCMPreferred}), when ChaCha20-Poly1305 comes first (TLS 1.3 and 1.2 alike).
 */
final class GoCipherSuites {
  /** TLS 1.3's suites, then TLS 1.2's: AES-GCM first. */
  private static final int[] AES_FIRST = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8,
      0xc009, 0xc013, 0xc00a, 0xc014};
  /** ChaCha20-Poly1305 first. */
  private static final int[] CHACHA_FIRST = {0x1303, 0x1301, 0x1302, 0xcca9, 0xcca8, 0xc02b, 0xc02f, 0xc02c, 0xc030,
      0xc009, 0xc013, 0xc00a, 0xc014};
  /** Go's {@code aesgcmCiphers}: the AES-GCM suites with ECDHE (TLS 1.2) and those of TLS 1.3. */
  private static final Set<Integer> AES_GCM = Set.of(0xc02f, 0xc030, 0xc02b, 0xc02c, 0x1301, 0x1302);
  /** Every suite Go implements, enabled by default or not ({@code cipherSuites} and {@code cipherSuitesTLS13}). */
  private static final Set<Integer> KNOWN = Set.of(0xcca8, 0xcca9, 0xc02f, 0xc02b, 0xc030, 0xc02c, 0xc027, 0xc013,
      0xc023, 0xc009, 0xc014, 0xc00a, 0x009c, 0x009d, 0x003c, 0x002f, 0x0035, 0xc012, 0x000a, 0x0005, 0xc011, 0xc007,
      0x1301, 0x1302, 0x1303);

  private GoCipherSuites() {}

  /**
   * Go's {@code isAESGCMPreferred} on a machine with AES hardware: whether the first of {@code clientSuites} that Go
   * knows is an AES-GCM suite.
   */
  static boolean aesGcmPreferred(List<Integer> clientSuites) {
    return clientSuites.stream().filter(KNOWN::contains).findFirst().map(AES_GCM::contains).orElse(false);
  }

  /** Go's suites in its AES-first or ChaCha20-first order over the client's. */
  static int[] order(boolean aesGcmPreferred) {
    return (aesGcmPreferred ? AES_FIRST : CHACHA_FIRST).clone();
  }
}
