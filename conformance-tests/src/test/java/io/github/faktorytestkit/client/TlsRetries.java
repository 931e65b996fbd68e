package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.TlsHellos.extension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a client sends after a HelloRetryRequest (hex), with what real Faktory 1.9.4 answers: its second hello as Go
 * wants it, or changed where Go forbids it (Go's {@code illegalClientHelloChange} and the checks around it) or allows
 * it, and records and messages of other kinds. The first hello offers X25519 and P-256 over TLS 1.3 and 1.2 with no
 * key share, so Go asks for an X25519 one; it has most of what Go compares between the two hellos.
 */
final class TlsRetries {
  static final String HANDSHAKE_GOES_ON = "a handshake record";
  private static final String ILLEGAL = "1503030002022f";
  private static final String DECODE_ERROR = "15030300020232";
  private static final String UNEXPECTED = "1503030002020a";
  private static final String CHANGE_CIPHER_SPEC = "140303000101";
  private static final int MUTATIONS = 200;
  private static final String SESSION_ID = "11".repeat(32);
  private static final String SUITES = "130113021303c02b";
  private static final String X25519_SHARE = extension(51, "0024001d0020" + "42".repeat(32));
  private static final String NO_SHARE = extension(51, "0000");
  private static final String SERVER_NAME = extension(0, "000c000009" + "6c6f63616c686f7374");
  private static final String OCSP = extension(5, "0100000000");
  private static final String GROUPS = extension(10, "0004001d0017");
  private static final String POINTS = extension(11, "0100");
  private static final String SIGNATURES = extension(13, "000404030804");
  private static final String ALPN = extension(16, "0003026832");
  private static final String SCT = extension(18, "");
  private static final String MASTER_SECRET = extension(23, "");
  private static final String TICKET = extension(35, "");
  private static final String VERSIONS = extension(43, "0403040303");
  private static final String PSK_MODES = extension(45, "0101");
  private static final String SIGNATURES_CERT = extension(50, "00020403");
  private static final String RENEGOTIATION = extension(0xff01, "00");
  private static final List<String> EXTENSIONS = List.of(SERVER_NAME, OCSP, GROUPS, POINTS, SIGNATURES, ALPN, SCT,
      MASTER_SECRET, TICKET, VERSIONS, PSK_MODES, SIGNATURES_CERT, RENEGOTIATION, NO_SHARE);

  private TlsRetries() {}

  /**
   * A first hello (in a record of TLS 1.0), what is sent once the HelloRetryRequest and change_cipher_spec record came
   * back, and all real Faktory sends back before it closes ({@link #HANDSHAKE_GOES_ON} when it goes on).
   */
  record Retry(String first, String sent, String reply) {}

  /** The first hello, in its record. */
  static String first() {
    return TlsHellos.record(hello("0303", SUITES, EXTENSIONS));
  }

  /** What is sent after the retry request, by what it is. */
  static Map<String, Retry> all() {
    Map<String, Retry> cases = new LinkedHashMap<>();
    secondHellos(cases);
    illegalChanges(cases);
    records(cases);
    otherMessages(cases);
    encryptedHellos(cases);
    return cases;
  }

  /** The second hello Go goes on with, with one or two bytes changed at random (the same ones for a seed). */
  static List<String> mutated(Random random) {
    List<String> mutated = new ArrayList<>();
    for (int i = 0; i < MUTATIONS; i++) {
      mutated.add(TlsHellos.mutatedAfterTheHeaders(second(with(NO_SHARE, X25519_SHARE)), random));
    }
    return mutated;
  }

  private static void secondHellos(Map<String, Retry> cases) {
    goesOn(cases, "the hello with the share asked for", second(with(NO_SHARE, X25519_SHARE)));
    goesOn(cases, "padding added", second(added(extension(21, "00000000"))));
    goesOn(cases, "an unknown extension added", second(added(extension(0x7777, "abcd"))));
    goesOn(cases, "extended_master_secret left out", second(secondWith(MASTER_SECRET, "")));
    refused(cases, "no key share", second(EXTENSIONS), ILLEGAL);
    refused(cases, "two key shares", second(with(NO_SHARE, extension(51, "0048" + ("001d0020" + "42".repeat(32))
        .repeat(2)))), ILLEGAL);
    refused(cases, "a P-256 share", second(with(NO_SHARE, extension(51, "00450017" + "0041" + "04"
        + "42".repeat(64)))), ILLEGAL);
    refused(cases, "an X25519 share of low order", second(with(NO_SHARE, extension(51, "0024001d0020" + "01"
        + "00".repeat(31)))), ILLEGAL);
    refused(cases, "early data", second(added(extension(42, ""))), ILLEGAL);
    refused(cases, "QUIC parameters", second(added(extension(57, ""))), "1503030002026e");
    refused(cases, "two PSK binders for one identity", second(added(extension(41, "0007" + "0001aa00000000" + "0042"
        + ("20" + "11".repeat(32)).repeat(2)))), ILLEGAL);
    refused(cases, "a hello Go's parser refuses", "1603030006010000020303", DECODE_ERROR);
  }

  private static void illegalChanges(Map<String, Retry> cases) {
    refused(cases, "another random", second(with(NO_SHARE, X25519_SHARE)).replace("0303" + "00".repeat(32),
        "0303" + "01" + "00".repeat(31)), ILLEGAL);
    refused(cases, "legacy version TLS 1.1", record(hello("0302", SUITES, with(NO_SHARE, X25519_SHARE))), ILLEGAL);
    refused(cases, "another cipher suite order", record(hello("0303", "130213011303c02b",
        with(NO_SHARE, X25519_SHARE))), ILLEGAL);
    changed(cases, "no server name", SERVER_NAME, "");
    changed(cases, "another server name", SERVER_NAME, extension(0, "000c000009" + "6c6f63616c686f7374"
        .replace("74", "75")));
    changed(cases, "status_request not of OCSP", OCSP, extension(5, "0200000000"));
    changed(cases, "groups in another order", GROUPS, extension(10, "00040017001d"));
    changed(cases, "no supported points", POINTS, "");
    changed(cases, "another signature scheme", SIGNATURES, extension(13, "000404030805"));
    changed(cases, "another protocol", ALPN, extension(16, "0003026833"));
    changed(cases, "no timestamps asked for", SCT, "");
    changed(cases, "a session ticket", TICKET, extension(35, "aabb"));
    changed(cases, "TLS 1.3 only", VERSIONS, extension(43, "020304"));
    changed(cases, "another PSK mode", PSK_MODES, extension(45, "0100"));
    changed(cases, "no signature_algorithms_cert", SIGNATURES_CERT, "");
    changed(cases, "no renegotiation_info", RENEGOTIATION, "");
    changed(cases, "a cookie added", RENEGOTIATION, RENEGOTIATION + extension(44, "0002abcd"));
  }

  private static void records(Map<String, Retry> cases) {
    String hello = second(with(NO_SHARE, X25519_SHARE));
    goesOn(cases, "a change_cipher_spec record first", CHANGE_CIPHER_SPEC + hello);
    goesOn(cases, "a user_canceled alert first", "1503030002015a" + hello);
    goesOn(cases, "a fatal user_canceled alert first", "1503030002025a" + hello);
    goesOn(cases, "the hello over two records", "160303" + String.format("%04x", 10) + hello.substring(10, 30)
        + "160303" + String.format("%04x", hello.length() / 2 - 15) + hello.substring(30));
    refused(cases, "17 change_cipher_spec records", CHANGE_CIPHER_SPEC.repeat(17) + hello, UNEXPECTED);
    refused(cases, "a change_cipher_spec record of two bytes", "14030300020101", DECODE_ERROR);
    refused(cases, "a change_cipher_spec record of 2", "140303000102", DECODE_ERROR);
    refused(cases, "another warning alert", "15030300020170", "");
    refused(cases, "close_notify", "15030300020100", "");
    refused(cases, "an alert of three bytes", "1503030003010000", UNEXPECTED);
    refused(cases, "application data", "170303000100", UNEXPECTED);
    refused(cases, "a record of an unknown type", "190303000100", UNEXPECTED);
    refused(cases, "an empty handshake record", "1603030000", UNEXPECTED);
    refused(cases, "a record of TLS 1.0", "160301000414000000", "15030300020246");
    refused(cases, "an SSLv2 record header", "8003030000", "15030300020246");
    refused(cases, "a record over 16,640 bytes", "1603034101", "15030300020216");
    refused(cases, "a record of 16,385 bytes", "1603034001" + "00".repeat(16385), "15030300020216");
    refused(cases, "half a hello, then change_cipher_spec", "160303000a" + hello.substring(10, 30)
        + CHANGE_CIPHER_SPEC, UNEXPECTED);
    refused(cases, "a message over 64 KiB", "160303000401010001", "15030300020250");
  }

  private static void otherMessages(Map<String, Retry> cases) {
    refused(cases, "finished", record(TlsFirstMessages.message(20, "42".repeat(32))), UNEXPECTED);
    refused(cases, "key update", record(TlsFirstMessages.message(24, "00")), UNEXPECTED);
    refused(cases, "key update of 2", record(TlsFirstMessages.message(24, "02")), DECODE_ERROR);
    refused(cases, "certificate of TLS 1.3", record(TlsFirstMessages.message(11, "00" + "000009" + "000004aabbccdd"
        + "0000")), UNEXPECTED);
    refused(cases, "certificate of TLS 1.3 with a staple and timestamps", record(TlsFirstMessages.message(11, "00"
        + "00001d" + "000002aabb" + "0016" + "0005" + "0008" + "01000004ccddeeff" + "0012" + "0006" + "0004"
        + "0002abcd")), UNEXPECTED);
    refused(cases, "certificate of TLS 1.3, a staple of another type", record(TlsFirstMessages.message(11, "00"
        + "000011" + "000002aabb" + "000a" + "0005" + "0006" + "02000002ccdd")), DECODE_ERROR);
    refused(cases, "certificate of TLS 1.2", record(TlsFirstMessages.message(11, "000005" + "000002aabb")),
        DECODE_ERROR);
    refused(cases, "certificate request of TLS 1.3", record(TlsFirstMessages.message(13, "00" + "0008"
        + "000d000400020403")), UNEXPECTED);
    refused(cases, "certificate request of TLS 1.3, status_request not empty", record(TlsFirstMessages.message(13,
        "00" + "0005" + "000500010a")), DECODE_ERROR);
    refused(cases, "certificate request of TLS 1.2", record(TlsFirstMessages.message(13, "0140" + "0000")),
        DECODE_ERROR);
    refused(cases, "certificate verify of TLS 1.3", record(TlsFirstMessages.message(15, "0403" + "0002aabb")),
        UNEXPECTED);
    refused(cases, "certificate verify without its algorithm", record(TlsFirstMessages.message(15, "0002aabb")),
        DECODE_ERROR);
    refused(cases, "new session ticket of TLS 1.3", record(TlsFirstMessages.message(4, "00000000" + "00000000"
        + "00" + "0000" + "0008" + "002a000400000400")), UNEXPECTED);
    refused(cases, "new session ticket of TLS 1.3, early_data of 3 bytes", record(TlsFirstMessages.message(4,
        "00000000" + "00000000" + "00" + "0000" + "0007" + "002a0003000004")), DECODE_ERROR);
    refused(cases, "new session ticket of TLS 1.2", record(TlsFirstMessages.message(4, "00000000" + "0000")),
        DECODE_ERROR);
  }

  private static void encryptedHellos(Map<String, Retry> cases) {
    String inner = extension(0xfe0d, "01");
    List<String> innerFirst = new ArrayList<>(EXTENSIONS);
    innerFirst.add(inner);
    String first = TlsHellos.record(hello("0303", SUITES, innerFirst));
    cases.put("inner ECH: the second inner too", new Retry(first, second(added(inner)), HANDSHAKE_GOES_ON));
    cases.put("inner ECH: the second without", new Retry(first, second(with(NO_SHARE, X25519_SHARE)),
        "1503030002026d"));
    cases.put("inner ECH: the second outer", new Retry(first, second(added(extension(0xfe0d, "00" + "0001" + "0001"
        + "07" + "0000" + "0002abcd"))), DECODE_ERROR));
    cases.put("inner ECH: the second of two bytes", new Retry(first, second(added(extension(0xfe0d, "0100"))),
        DECODE_ERROR));
  }

  private static void goesOn(Map<String, Retry> cases, String name, String sent) {
    cases.put(name, new Retry(first(), sent, HANDSHAKE_GOES_ON));
  }

  private static void refused(Map<String, Retry> cases, String name, String sent, String reply) {
    cases.put(name, new Retry(first(), sent, reply));
  }

  /** The second hello with {@code extension} in place of {@code was}: Go refuses it as an illegal change. */
  private static void changed(Map<String, Retry> cases, String name, String was, String extension) {
    refused(cases, name, second(secondWith(was, extension)), ILLEGAL);
  }

  /** The second hello's extensions with {@code replacement} in place of {@code extension}. */
  private static List<String> secondWith(String extension, String replacement) {
    List<String> extensions = with(NO_SHARE, X25519_SHARE);
    extensions.set(extensions.indexOf(extension), replacement);
    return extensions;
  }

  /** The first hello's extensions with {@code replacement} in place of {@code extension}. */
  private static List<String> with(String extension, String replacement) {
    List<String> extensions = new ArrayList<>(EXTENSIONS);
    extensions.set(extensions.indexOf(extension), replacement);
    return extensions;
  }

  /** The second hello's extensions, the share asked for in place of none, and {@code extension} at the end. */
  private static List<String> added(String extension) {
    List<String> extensions = with(NO_SHARE, X25519_SHARE);
    extensions.add(extension);
    return extensions;
  }

  private static String second(List<String> extensions) {
    return record(hello("0303", SUITES, extensions));
  }

  private static String hello(String version, String suites, List<String> extensions) {
    return TlsHellos.helloWithSessionId(version, SESSION_ID, suites, "00", extensions.toArray(String[]::new));
  }

  /** {@code message} in a handshake record of TLS 1.2. */
  private static String record(String message) {
    return "160303" + String.format("%04x", message.length() / 2) + message;
  }
}
