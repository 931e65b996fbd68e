package io.github.faktorytestkit.fake.transport;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The key exchange groups Go 1.26's TLS server enables by default ({@code defaultCurvePreferences}: the ML-KEM
 * hybrids, then X25519 and the NIST curves), and the one it picks for a client hello. TLS 1.3
 * ({@code processClientHello}): among Go's groups the client lists, a hybrid first, then one the client sent a key
 * share for, then Go's order; BouncyCastle's TLS protocol is given that group first, so that it takes the client's
 * share of it or asks for one with a HelloRetryRequest as Go does, and after it only the curve of an EC certificate's
 * key. TLS 1.2: the client's first group that is not a hybrid ({@link GoTlsServer#selectECDH}).
 */
final class GoNamedGroups {
  static final int X25519 = 29;
  static final int P256 = 23;
  static final int P384 = 24;
  static final int P521 = 25;
  static final int X25519_MLKEM768 = 4588;
  static final int SECP256R1_MLKEM768 = 4587;
  static final int SECP384R1_MLKEM1024 = 4589;
  private static final int TLS13 = 0x0304;
  /** Go's groups in its order. */
  private static final List<Integer> PREFERENCE =
      List.of(X25519_MLKEM768, SECP256R1_MLKEM768, SECP384R1_MLKEM1024, X25519, P256, P384, P521);
  private static final Map<Integer, String> NAMES = Map.of(X25519_MLKEM768, "X25519MLKEM768",
      SECP256R1_MLKEM768, "SecP256r1MLKEM768", SECP384R1_MLKEM1024, "SecP384r1MLKEM1024", X25519, "x25519",
      P256, "secp256r1", P384, "secp384r1", P521, "secp521r1");

  private GoNamedGroups() {}

  /** The standard name of {@code group}, one of Go's. */
  static String name(int group) {
    return NAMES.get(group);
  }

  /** Whether {@code group} is one of Go's ML-KEM hybrids, which Go takes for TLS 1.3 only. */
  static boolean hybrid(int group) {
    return group == X25519_MLKEM768 || group == SECP256R1_MLKEM768 || group == SECP384R1_MLKEM1024;
  }

  /** Whether Go's server takes {@code group} for an ECDHE key exchange of TLS 1.2. */
  static boolean tls12(int group) {
    return PREFERENCE.contains(group) && !hybrid(group);
  }

  /** The group Go's TLS 1.3 server picks for {@code hello}, empty when it shares none with the client. */
  static Optional<Integer> tls13Group(ClientHelloMessage hello) {
    return PREFERENCE.stream().filter(hello.supportedCurves::contains)
        .sorted(Comparator.comparing((Integer group) -> !hybrid(group))
            .thenComparing(group -> !hello.keyShares.containsKey(group)))
        .findFirst();
  }

  /** Whether Go's server may take TLS 1.3 with the client of {@code hello}. */
  static boolean tls13(ClientHelloMessage hello) {
    return hello.supportedVersions.contains(TLS13);
  }

  /**
   * The groups the server offers for {@code hello}: for TLS 1.3 the group Go picks, then the curve of {@code key}
   * (taken in that order); else all of Go's groups (taken in the client's order).
   */
  static int[] serverGroups(ClientHelloMessage hello, ServerKey key) {
    Optional<Integer> tls13 = tls13(hello) ? tls13Group(hello) : Optional.empty();
    List<Integer> groups = tls13.map(group -> Stream.of(group, key.curve()).filter(PREFERENCE::contains).distinct()
        .toList()).orElse(PREFERENCE);
    return groups.stream().mapToInt(Integer::intValue).toArray();
  }
}
