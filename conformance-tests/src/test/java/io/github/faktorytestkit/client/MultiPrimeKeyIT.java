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
 * with d not fitting e, which Go reads too, then fails at the signature, the same alert.
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

  /** What a client of each offer gets from a server of {@code kind} serving the certificate and {@code key}. */
  private static Map<String, String> handshakes(TargetKind kind, String key) throws Exception {
    String certificate = pem("rsa3.cert.pem");
    KeyExchangeProbe client = new KeyExchangeProbe(certificate);
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
