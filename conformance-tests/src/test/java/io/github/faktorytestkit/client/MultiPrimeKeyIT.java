package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.conformance.TargetKind;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A PKCS#1 key of three primes, which Go reads and signs with by its private exponent alone (the fake's test pair,
 * made by Go: fake-server's {@code keys/rsa3-*}), on the fake, a local Faktory process and a container: each RSA
 * signature scheme Go signs with, offered alone over TLS 1.3 or 1.2, gets the same handshake from each; the same key
 * with d not fitting e, which Go reads too, then fails at the signature, the same alert. And two-prime keys of 256 to
 * 1024 bits, which Go reads and, under 1024 bits, never signs with: the same answers to each offer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MultiPrimeKeyIT {
  private static final Path KEYS = Path.of("../fake-server/src/test/resources/io/github/faktorytestkit/fake/transport/"
      + "keys");
  /** A protocol and a signature scheme a client offers alone. */
  private static final List<String> OFFERS = List.of("TLSv1.3 rsa_pss_rsae_sha256", "TLSv1.3 rsa_pss_rsae_sha384",
      "TLSv1.3 rsa_pss_rsae_sha512", "TLSv1.2 rsa_pss_rsae_sha256", "TLSv1.2 rsa_pkcs1_sha256",
      "TLSv1.2 rsa_pkcs1_sha384", "TLSv1.2 rsa_pkcs1_sha512");

  /**
   * What real Faktory 1.9.4 sends a TLS 1.3 client (BouncyCastle's, whose first key share is not Go's first choice)
   * before its alert: a HelloRetryRequest, a change_cipher_spec, the server hello, then sealed the encrypted extensions
   * and the certificate (of keys/rsa3.cert.pem: its size is in the record's), and no CertificateVerify.
   */
  private static final String GO_TLS13_FAILURE =
      "internal_error after session id 32, extensions 43 51, records 22:88 20:1 22:1210 23:23 23:693 23:19";
  /** Likewise over TLS 1.2: the server hello and the certificate, and no ServerKeyExchange. */
  private static final String GO_TLS12_FAILURE =
      "handshake_failure after ServerHello Certificate, records 22:59 22:673 21:2";

  /** A TLS 1.3 hello offering no scheme Go signs with for the key: Go's alert after a HelloRetryRequest. */
  private static final String GO_TLS13_NO_SCHEME =
      "handshake_failure after session id 32, extensions 43 51, records 22:88 20:1 21:2";
  /**
   * Of each RSA key size around Go's limits, the offers whose scheme Go picks for it ({@code rsaSignatureSchemes}:
   * those whose hash fits the modulus).
   */
  private static final Map<Integer, List<String>> GO_SCHEMES_BY_SIZE = sizes();

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("io.github.faktorytestkit.client.TlsIT#kinds")
  void eachRsaSchemeSignsAsOnGo(TargetKind kind) throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    OFFERS.forEach(offer -> expected.put(offer, offer.split(" ")[0]));

    assertThat(handshakes(kind, pem("rsa3-pkcs1.key.pem"))).containsExactlyEntriesOf(expected);
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("io.github.faktorytestkit.client.TlsIT#kinds")
  void aKeyWhoseDDoesNotFitEFailsAtItsSignatureAsOnGo(TargetKind kind) throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    OFFERS.forEach(offer -> expected.put(offer, offer.startsWith("TLSv1.3") ? GO_TLS13_FAILURE : GO_TLS12_FAILURE));

    assertThat(handshakes(kind, withDPlusTwo(pem("rsa3-pkcs1.key.pem")))).containsExactlyEntriesOf(expected);
  }

  /**
   * RSA keys around Go's limits (fake-server's {@code keys/rsa<bits>-*}, made by Go), which Go reads whatever their
   * size: over TLS 1.3 an offer of a scheme too big for the key (RSA-PSS needs twice the hash and 2 bytes) gets
   * {@code handshake_failure} at the hello; over TLS 1.2 the same gets it after the Certificate; and under 1024 bits
   * (Go's {@code rsa1024min}) an offer that fits fails at the signature, as a key whose d does not fit e does.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("io.github.faktorytestkit.client.TlsIT#kinds")
  void rsaKeysOfEverySizeSignAsOnGo(TargetKind kind) throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> answers = new LinkedHashMap<>();
    for (Map.Entry<Integer, List<String>> size : GO_SCHEMES_BY_SIZE.entrySet()) {
      int bits = size.getKey();
      String certificate = pem("rsa" + bits + ".cert.pem");
      int der = Base64.getMimeDecoder().decode(certificate.replaceAll("-----[A-Z ]+-----", "")).length;
      for (String offer : OFFERS) {
        boolean tls13 = offer.startsWith("TLSv1.3");
        expected.put(bits + " " + offer, !size.getValue().contains(offer) && tls13 ? GO_TLS13_NO_SCHEME
            : bits >= 1024 && size.getValue().contains(offer) ? offer.split(" ")[0]
            : tls13 ? tls13Failure(der) : tls12Failure(der));
      }
      handshakes(kind, KeyExchangeProbe.trustingAny(), certificate, pem("rsa" + bits + "-pkcs1.key.pem"))
          .forEach((offer, answer) -> answers.put(bits + " " + offer, answer));
    }

    assertThat(answers).containsExactlyEntriesOf(expected);
  }

  /** {@link #GO_TLS13_FAILURE} for a certificate of {@code der} bytes (its record: 30 bytes more). */
  private static String tls13Failure(int der) {
    return GO_TLS13_FAILURE.replace("23:693", "23:" + (der + 30));
  }

  /** {@link #GO_TLS12_FAILURE} for a certificate of {@code der} bytes (its record: 10 bytes more). */
  private static String tls12Failure(int der) {
    return GO_TLS12_FAILURE.replace("22:673", "22:" + (der + 10));
  }

  /** What a client of each offer gets from a server of {@code kind} serving the three-prime certificate and {@code key}. */
  private static Map<String, String> handshakes(TargetKind kind, String key) throws Exception {
    String certificate = pem("rsa3.cert.pem");
    return handshakes(kind, new KeyExchangeProbe(certificate), certificate, key);
  }

  /** What a client of each offer gets from a server of {@code kind} serving {@code certificate} and {@code key}. */
  private static Map<String, String> handshakes(TargetKind kind, KeyExchangeProbe client, String certificate,
      String key) throws Exception {
    TlsIT.TlsServer server = TlsIT.TlsServer.start(kind, certificate, key);
    try {
      Map<String, String> answers = new LinkedHashMap<>();
      for (String offer : OFFERS) {
        String[] protocolAndScheme = offer.split(" ");
        answers.put(offer, client.signedWith(server.url(), protocolAndScheme[0], protocolAndScheme[1]));
      }
      return answers;
    } finally {
      server.close();
    }
  }

  private static Map<Integer, List<String>> sizes() {
    List<String> tls12 = OFFERS.subList(3, OFFERS.size());
    List<String> to384 = List.of(OFFERS.get(0), OFFERS.get(1));
    Map<Integer, List<String>> sizes = new LinkedHashMap<>();
    sizes.put(256, List.of());
    sizes.put(511, List.of("TLSv1.2 rsa_pkcs1_sha256"));
    sizes.put(512, List.of("TLSv1.2 rsa_pkcs1_sha256"));
    sizes.put(768, Stream.concat(Stream.of(OFFERS.get(0)), tls12.stream()).toList());
    sizes.put(1023, Stream.concat(to384.stream(), tls12.stream()).toList());
    sizes.put(1024, Stream.concat(to384.stream(), tls12.stream()).toList());
    return sizes;
  }

  private static String pem(String name) throws IOException {
    return Files.readString(KEYS.resolve(name));
  }

  /** The PKCS#1 key {@code pem} with its private exponent, d, 2 more. */
  private static String withDPlusTwo(String pem) throws IOException {
    String base64 = pem.replaceAll("-----[A-Z ]+-----|\\s", "");
    ASN1Encodable[] key = ASN1Sequence.getInstance(Base64.getDecoder().decode(base64)).toArray();
    key[3] = new ASN1Integer(((ASN1Integer) key[3]).getValue().add(BigInteger.TWO));
    return "-----BEGIN RSA PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(new DERSequence(key).getEncoded())
        + "\n-----END RSA PRIVATE KEY-----\n";
  }
}
