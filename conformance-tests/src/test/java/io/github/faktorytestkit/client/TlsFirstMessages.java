package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.TlsHellos.extension;
import static io.github.faktorytestkit.client.TlsHellos.record;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * First messages (hex, in one handshake record) of the types Go's server parses before it looks at the type, other
 * than client hello: server hello, encrypted extensions, certificate, certificate request, certificate verify and
 * those whose parsers take any body. Before a version is chosen Go reads the certificate messages in their forms
 * of TLS 1.2 and before it (no context, no signature algorithms). Each gets {@code unexpected_message} where Go's
 * parser takes it and {@code decode_error} where it does not.
 */
final class TlsFirstMessages {
  private static final String DECODE_ERROR = "15030100020232";
  private static final String UNEXPECTED = "1503010002020a";
  private static final int RECORD_AND_MESSAGE_HEADERS = 9;
  private static final int MUTATIONS = 40;
  private static final String VERSION_AND_RANDOM = "0303" + "00".repeat(32);
  private static final String TLS13_SERVER_HELLO = serverHello(extension(43, "0304"),
      extension(51, "001d0020" + "42".repeat(32)));
  private static final String TLS12_SERVER_HELLO = serverHello(extension(0xff01, "00"), extension(23, ""),
      extension(11, "0100"), extension(35, ""), extension(0, ""), extension(5, ""));
  private static final String OTHER_SERVER_HELLO = serverHello(extension(16, "0003026832"),
      extension(18, "00030001aa"), extension(44, "0001aa"), extension(41, "0000"), extension(0xfe0d, "0102"),
      extension(0x7777, "abcd"));
  private static final String ENCRYPTED_EXTENSIONS = message(8, extensions(extension(16, "0003026832"),
      extension(57, "0102"), extension(42, ""), extension(0xfe0d, "aa"), extension(0, ""), extension(0x7777, "bb")));
  private static final String TWO_CERTIFICATES = message(11, "00000a" + "000002aabb" + "000002ccdd");
  private static final String TWO_AUTHORITIES = message(13, "020140" + "0007" + "0001aa" + "0002bbcc");
  private static final String SIGNATURE = message(15, "0003aabbcc");

  private TlsFirstMessages() {}

  /** The messages, by what they are, each with all Go sends back (hex). */
  static Map<String, TlsHellos.Case> all() {
    Map<String, TlsHellos.Case> cases = new LinkedHashMap<>();
    serverHellos(cases);
    encryptedExtensions(cases);
    certificates(cases);
    certificateRequests(cases);
    certificateVerifies(cases);
    taken(cases, "server key exchange", message(12, "aabb"));
    taken(cases, "client key exchange", message(16, ""));
    taken(cases, "finished", message(20, "aa".repeat(12)));
    taken(cases, "hello verify request (not parsed)", message(3, "0303"));
    return cases;
  }

  private static void serverHellos(Map<String, TlsHellos.Case> cases) {
    taken(cases, "server hello of TLS 1.3", TLS13_SERVER_HELLO);
    taken(cases, "server hello of TLS 1.2", TLS12_SERVER_HELLO);
    taken(cases, "server hello with the other extensions", OTHER_SERVER_HELLO);
    taken(cases, "HelloRetryRequest", serverHello(extension(43, "0304"), extension(51, "001d")));
    taken(cases, "server hello without extensions", message(2, VERSION_AND_RANDOM + "00130100"));
    taken(cases, "server hello with no extensions", serverHello());
    refused(cases, "server hello truncated", message(2, VERSION_AND_RANDOM + "001301"));
    refused(cases, "server hello, session id over the end", message(2, VERSION_AND_RANDOM + "05130100"));
    refused(cases, "server hello, a byte after the extensions", message(2, VERSION_AND_RANDOM + "00130100"
        + "0000" + "00"));
    refused(cases, "server hello, an unknown extension twice", serverHello(extension(0x7777, ""),
        extension(0x7777, "")));
    refused(cases, "server hello, status_request not empty", serverHello(extension(5, "00")));
    refused(cases, "server hello, session_ticket not empty", serverHello(extension(35, "00")));
    refused(cases, "server hello, extended_master_secret not empty", serverHello(extension(23, "00")));
    refused(cases, "server hello, server_name not empty", serverHello(extension(0, "00")));
    refused(cases, "server hello, renegotiation_info over the end", serverHello(extension(0xff01, "01")));
    refused(cases, "server hello, two protocols", serverHello(extension(16, "0006026832026833")));
    refused(cases, "server hello, an empty protocol", serverHello(extension(16, "000100")));
    refused(cases, "server hello, no timestamps", serverHello(extension(18, "0000")));
    refused(cases, "server hello, an empty timestamp", serverHello(extension(18, "00020000")));
    refused(cases, "server hello, supported_versions of three bytes", serverHello(extension(43, "030400")));
    refused(cases, "server hello, empty cookie", serverHello(extension(44, "0000")));
    refused(cases, "server hello, key share of three bytes", serverHello(extension(51, "001d00")));
    refused(cases, "server hello, key share with a byte after", serverHello(extension(51, "001d0001aa00")));
    refused(cases, "server hello, pre_shared_key of one byte", serverHello(extension(41, "00")));
    refused(cases, "server hello, no supported points", serverHello(extension(11, "00")));
  }

  private static void encryptedExtensions(Map<String, TlsHellos.Case> cases) {
    taken(cases, "encrypted extensions", ENCRYPTED_EXTENSIONS);
    taken(cases, "encrypted extensions, none", message(8, "0000"));
    refused(cases, "encrypted extensions, no vector", message(8, ""));
    refused(cases, "encrypted extensions, a byte after", message(8, "000000"));
    refused(cases, "encrypted extensions, early_data twice", message(8, extensions(extension(42, ""),
        extension(42, ""))));
    refused(cases, "encrypted extensions, early_data not empty", message(8, extensions(extension(42, "00"))));
    refused(cases, "encrypted extensions, server_name not empty", message(8, extensions(extension(0, "00"))));
    refused(cases, "encrypted extensions, two protocols", message(8, extensions(extension(16, "0006026832026833"))));
  }

  private static void certificates(Map<String, TlsHellos.Case> cases) {
    taken(cases, "certificate of two", TWO_CERTIFICATES);
    taken(cases, "certificate of none", message(11, "000000"));
    taken(cases, "certificate, an empty one then one", message(11, "000007" + "000000" + "000001aa"));
    refused(cases, "certificate, an empty one last", message(11, "000003" + "000000"));
    refused(cases, "certificate, one then an empty one", message(11, "000007" + "000001aa" + "000000"));
    refused(cases, "certificate, no list", message(11, "0000"));
    refused(cases, "certificate, a list shorter than the message", message(11, "000000" + "aa"));
    refused(cases, "certificate, one over the end", message(11, "000005" + "000005aabb"));
    refused(cases, "certificate of TLS 1.3", message(11, "00" + "000009" + "000004aabbccdd" + "0000"));
  }

  private static void certificateRequests(Map<String, TlsHellos.Case> cases) {
    taken(cases, "certificate request with two authorities", TWO_AUTHORITIES);
    taken(cases, "certificate request, no authorities", message(13, "0140" + "0000"));
    refused(cases, "certificate request, no types", message(13, "00" + "0000"));
    refused(cases, "certificate request, nothing after the types", message(13, "0140"));
    refused(cases, "certificate request, one byte after the types", message(13, "0140" + "00"));
    refused(cases, "certificate request, authorities over the end", message(13, "0140" + "0003" + "0001"));
    refused(cases, "certificate request, an authority of one byte", message(13, "0140" + "0001" + "00"));
    refused(cases, "certificate request, a byte after", message(13, "0140" + "0000" + "00"));
    refused(cases, "certificate request of TLS 1.2", message(13, "0140" + "00020403" + "0000"));
    refused(cases, "certificate request of TLS 1.3", message(13, "00" + "0008" + "000d000400020403"));
  }

  private static void certificateVerifies(Map<String, TlsHellos.Case> cases) {
    taken(cases, "certificate verify", SIGNATURE);
    taken(cases, "certificate verify, an empty signature", message(15, "0000"));
    refused(cases, "certificate verify of TLS 1.2", message(15, "0403" + "0002aabb"));
    refused(cases, "certificate verify, a byte after", message(15, "0000" + "00"));
    refused(cases, "certificate verify, one byte", message(15, "00"));
    refused(cases, "certificate verify, empty", message(15, ""));
  }

  /**
   * Messages Go takes with a byte or two of their bodies changed at random (not the headers, not the type: there lie
   * the waits for more bytes and the client hello), {@value #MUTATIONS} of each; the same ones for the same
   * {@code random}.
   */
  static List<String> mutated(Random random) {
    List<String> mutated = new ArrayList<>();
    for (String message : List.of(TLS13_SERVER_HELLO, TLS12_SERVER_HELLO, OTHER_SERVER_HELLO, ENCRYPTED_EXTENSIONS,
        TWO_CERTIFICATES, TWO_AUTHORITIES, SIGNATURE)) {
      for (int i = 0; i < MUTATIONS; i++) {
        byte[] sent = HexFormat.of().parseHex(record(message));
        for (int change = 0, changes = 1 + random.nextInt(2); change < changes; change++) {
          sent[RECORD_AND_MESSAGE_HEADERS + random.nextInt(sent.length - RECORD_AND_MESSAGE_HEADERS)] =
              (byte) random.nextInt(256);
        }
        mutated.add(HexFormat.of().formatHex(sent));
      }
    }
    return mutated;
  }

  private static void taken(Map<String, TlsHellos.Case> cases, String name, String message) {
    cases.put(name, new TlsHellos.Case(record(message), UNEXPECTED));
  }

  private static void refused(Map<String, TlsHellos.Case> cases, String name, String message) {
    cases.put(name, new TlsHellos.Case(record(message), DECODE_ERROR));
  }

  /** A server hello: TLS 1.2, a random of zeros, no session id, TLS_AES_128_GCM_SHA256, no compression, extensions. */
  private static String serverHello(String... extensions) {
    return message(2, VERSION_AND_RANDOM + "00130100" + extensions(extensions));
  }

  private static String extensions(String... extensions) {
    String joined = String.join("", extensions);
    return String.format("%04x", joined.length() / 2) + joined;
  }

  /** A handshake message of {@code type} with {@code body} (hex). */
  static String message(int type, String body) {
    return String.format("%02x%06x", type, body.length() / 2) + body;
  }
}
