package io.github.faktorytestkit.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Client hellos (hex) that Go's server refuses before its first reply, each with the bytes real Faktory 1.9.4 sends
 * back before it closes, and the parts to build them from. The server's certificate is an EC P-256 one.
 */
final class TlsHellos {
  static final String TLS13_VERSIONS = extension(43, "020304");
  static final String X25519_GROUP = extension(10, "0002001d");
  static final String X25519_SHARE = extension(51, "0024001d0020" + "42".repeat(32));
  static final String ECDSA_P256 = extension(13, "00020403");
  /** The extension of a client hello that says it is the inner hello of an encrypted client hello (RFC 9849). */
  static final String INNER_ECH = extension(0xfe0d, "01");
  private static final int RECORD_AND_MESSAGE_HEADERS = 9;
  /** The extensions whose data is not changed in {@link #mutated}: groups, signature algorithms. */
  private static final Set<Integer> PINNED_DATA = Set.of(10, 13);
  private static final String HELLO_RETRY_RANDOM =
      "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";
  private static final String P256_GROUP = extension(10, "00020017");
  private static final String TLS12_GROUPS = extension(10, "0004001d0017");
  private static final String DECODE_ERROR = "15030100020232";
  private static final String UNEXPECTED = "1503010002020a";
  private static final String FAILURE = "15030300020228";
  private static final String ILLEGAL = "1503030002022f";

  private TlsHellos() {}

  /** Hellos Go refuses, by what is wrong with them, each with all Go sends back (hex). */
  static Map<String, Case> refused() {
    Map<String, Case> cases = new LinkedHashMap<>();
    cases.put("truncated hello", of(record("010000020303"), DECODE_ERROR));
    cases.put("unknown message type", of(record("63000000"), UNEXPECTED));
    cases.put("server hello done with a body", of(record("0e00000100"), DECODE_ERROR));
    cases.put("hello request", of(record("00000000"), UNEXPECTED));
    cases.put("message over 64 KiB", of("160301000401010001", "15030100020250"));
    cases.put("duplicate extension", of(record(tls13("1301", "00", TLS13_VERSIONS, TLS13_VERSIONS)), DECODE_ERROR));
    cases.put("TLS 1.0 only", of(record(hello("0301", "c02b", "00")), "15030100020246"));
    cases.put("TLS 1.1 only", of(record(hello("0303", "c02b", "00", extension(43, "020302"))), "15030100020246"));
    cases.put("ECH of no known type", of(record(tls13("1301", "00", extension(0xfe0d, "02"))), "1503010002022f"));
    cases.put("inner ECH not one byte", of(record(tls13("1301", "00", extension(0xfe0d, "0100"))), DECODE_ERROR));
    cases.put("1.2 without null compression", of(record(hello("0303", "c02b", "01", TLS12_GROUPS)), ILLEGAL));
    cases.put("1.2 without groups", of(record(hello("0303", "c02b", "00")), FAILURE));
    cases.put("1.2 compressed points only",
        of(record(hello("0303", "c02b", "00", TLS12_GROUPS, extension(11, "0101"))), "1503030002026d"));
    cases.put("1.2 RSA suites only", of(record(hello("0303", "c02f", "00", TLS12_GROUPS)), FAILURE));
    cases.put("1.2 fallback", of(record(hello("0303", "c02b5600", "00", TLS12_GROUPS)), "15030300020256"));
    cases.put("1.2 renegotiation info", of(record(hello("0303", "c02b", "00", TLS12_GROUPS,
        extension(0xff01, "0101"))), FAILURE));
    cases.put("1.3 compression 0 and 1", of(record(tls13("1301", "0001")), ILLEGAL));
    cases.put("1.3 early data", of(record(tls13("1301", "00", extension(42, ""))), "1503030002026e"));
    cases.put("1.3 no 1.3 suite", of(record(tls13("c02b", "00")), FAILURE));
    cases.put("1.3 ffdhe2048 only", of(record(hello("0303", "1301", "00", TLS13_VERSIONS,
        extension(10, "00020100"), ECDSA_P256)), FAILURE));
    cases.put("1.3 short X25519 share", of(record(hello("0303", "1301", "00", TLS13_VERSIONS, X25519_GROUP,
        extension(51, "0023001d001f" + "42".repeat(31)), ECDSA_P256)), ILLEGAL));
    cases.put("1.3 QUIC parameters", of(record(tls13("1301", "00", extension(57, ""))), "1503030002026e"));
    cases.put("1.3 PSK binders for two, one identity", of(record(tls13("1301", "00", extension(45, "0101"),
        extension(41, "0007" + "0001aa00000000" + "0042" + ("20" + "11".repeat(32)).repeat(2)))), ILLEGAL));
    cases.put("1.3 no signature algorithms", of(record(hello("0303", "1301", "00", TLS13_VERSIONS, X25519_GROUP,
        X25519_SHARE)), "1503030002026d"));
    cases.put("1.3 RSA signatures only", of(record(hello("0303", "1301", "00", TLS13_VERSIONS, X25519_GROUP,
        X25519_SHARE, extension(13, "00020804"))), FAILURE));
    cases.put("1.3 retry needed, a message waiting", of(record(hello("0303", "1301", "00", TLS13_VERSIONS,
        X25519_GROUP, extension(51, "00450017" + "0041" + "04" + "42".repeat(64)), ECDSA_P256) + "00000000"),
        UNEXPECTED.replace("030100", "030300")));
    cases.put("1.3 X25519 share of low order", of(record(hello("0303", "1301", "00", TLS13_VERSIONS, X25519_GROUP,
        extension(51, "0024001d0020" + "01" + "00".repeat(31)), ECDSA_P256)), ILLEGAL));
    cases.put("1.3 P-256 share off the curve", of(record(hello("0303", "1301", "00", TLS13_VERSIONS, P256_GROUP,
        extension(51, "00450017" + "0041" + "04" + "42".repeat(64)), ECDSA_P256)), ILLEGAL));
    cases.put("1.3 P-256 share compressed", of(record(hello("0303", "1301", "00", TLS13_VERSIONS, P256_GROUP,
        extension(51, "00450017" + "0041" + "02" + "42".repeat(64)), ECDSA_P256)), ILLEGAL));
    cases.put("1.3 X25519MLKEM768 share, a coefficient over q", of(record(hello("0303", "1301", "00", TLS13_VERSIONS,
        extension(10, "000211ec"), extension(51, "04c411ec04c0" + "ffffff" + "00".repeat(1181) + "42".repeat(32)),
        ECDSA_P256)), ILLEGAL));
    cases.put("1.3 SecP256r1MLKEM768 share, P-256 off the curve", of(record(hello("0303", "1301", "00",
        TLS13_VERSIONS, extension(10, "000211eb"), extension(51, "04e511eb04e1" + "04" + "42".repeat(64)
        + "00".repeat(1184)), ECDSA_P256)), ILLEGAL));
    String noSignatures = hello("0303", "1301", "00", TLS13_VERSIONS, X25519_GROUP, X25519_SHARE);
    cases.put("1.3 over three records, an alert between", of(split(noSignatures), "1503030002026d"));
    return cases;
  }

  /**
   * Hellos Go and the fake go on with, by what is unusual about them (the JDK's engine refused the first three,
   * BouncyCastle's key manager the server name and the SHA-384 ones, its JSSE engine the last three; Go ignores an
   * inner ECH over TLS 1.2, a max_fragment_length and a status_request of another type than OCSP).
   */
  static Map<String, String> goneOnWith() {
    Map<String, String> hellos = new LinkedHashMap<>();
    hellos.put("1.2 without the certificate's curve", record(hello("0303", "c02b", "00", X25519_GROUP, ECDSA_P256)));
    hellos.put("1.3 with legacy version 1.1", record(hello("0302", "1301", "00", TLS13_VERSIONS, X25519_GROUP,
        X25519_SHARE, ECDSA_P256)));
    hellos.put("1.3 without key shares", record(hello("0303", "1301", "00", TLS13_VERSIONS, X25519_GROUP,
        ECDSA_P256)));
    hellos.put("1.3 X25519MLKEM768 share, coefficients 0", record(hello("0303", "1301", "00", TLS13_VERSIONS,
        extension(10, "000211ec"), extension(51, "04c411ec04c0" + "00".repeat(1184) + "42".repeat(32)),
        ECDSA_P256)));
    hellos.put("server name that is no host name", record(tls13("1301", "00",
        extension(0, "000c000009" + "3132372e302e302e7e"))));
    hellos.put("1.2 ECDSA with SHA-384 only", record(hello("0303", "c02b", "00", TLS12_GROUPS,
        extension(13, "00020503"))));
    hellos.put("1.2 with an inner ECH extension", record(hello("0303", "c02b", "00", TLS12_GROUPS, ECDSA_P256,
        INNER_ECH)));
    hellos.put("empty max_fragment_length", record(tls13("1301", "00", extension(1, ""))));
    hellos.put("status_request not of OCSP", record(tls13("1301", "00", extension(5, "0200000000"))));
    hellos.put("hello of 40 KB", helloOf40Kb());
    return hellos;
  }

  /** A TLS 1.3 hello of 40 KB (an unknown extension of 40,000 bytes), over three records. */
  static String helloOf40Kb() {
    return records(tls13("1301", "00", extension(0x7777, "ab".repeat(40_000))));
  }

  /** A TLS 1.2 hello naming the server {@code localhost}, with nothing else Go answers with an extension. */
  static String tls12WithServerName() {
    return record(hello("0303", "c02b", "00", TLS12_GROUPS, ECDSA_P256,
        extension(0, "000c000009" + "6c6f63616c686f7374")));
  }

  /** A TLS 1.2 hello asking for fragments of 512 bytes, with nothing else Go answers with an extension. */
  static String tls12WithMaxFragmentLength() {
    return record(hello("0303", "c02b", "00", TLS12_GROUPS, ECDSA_P256, extension(1, "01")));
  }

  /** Hellos Go goes on with, of TLS 1.3 and of TLS 1.2, to make others from ({@link #mutated}). */
  static List<String> accepted() {
    String tls13 = hello("0303", "130213011303c02b", "00", extension(43, "0403040303"), TLS12_GROUPS,
        X25519_SHARE, extension(13, "000404030804"), extension(45, "0101"), extension(16, "0003026832"),
        extension(50, "00020403"));
    String tls12 = hello("0303", "c02bc02cc009cca900ffc02f", "00", TLS12_GROUPS, extension(11, "020001"),
        extension(13, "0006040305030804"), extension(23, ""), extension(0xff01, "00"), extension(35, ""),
        extension(5, "0100000000"));
    return List.of(record(tls13), record(tls12));
  }

  /**
   * {@code record} (one of {@link #accepted}) with one or two bytes changed at random, but not the record's and the
   * message's headers, the legacy version, the extensions' types or the data of {@link #PINNED_DATA}: there lie the
   * pinned differences and the waits for more bytes.
   */
  static String mutated(String record, Random random) {
    return mutated(record, random, RECORD_AND_MESSAGE_HEADERS + 2 + 32, PINNED_DATA);
  }

  /**
   * {@code record} (a hello in its record) with one or two bytes changed at random, but not the record's and the
   * message's headers or the extensions' types.
   */
  static String mutatedAfterTheHeaders(String record, Random random) {
    return mutated(record, random, RECORD_AND_MESSAGE_HEADERS, Set.of());
  }

  private static String mutated(String record, Random random, int firstFree, Set<Integer> pinnedData) {
    byte[] hello = HexFormat.of().parseHex(record);
    List<Integer> free = freeOffsets(hello, firstFree, pinnedData);
    for (int i = 0, changes = 1 + random.nextInt(2); i < changes; i++) {
      hello[free.get(random.nextInt(free.size()))] = (byte) random.nextInt(256);
    }
    return HexFormat.of().formatHex(hello);
  }

  private static List<Integer> freeOffsets(byte[] hello, int firstFree, Set<Integer> pinnedData) {
    int sessionId = RECORD_AND_MESSAGE_HEADERS + 2 + 32;
    int suites = sessionId + 1 + (hello[sessionId] & 0xff);
    int compression = suites + 2 + ((hello[suites] & 0xff) << 8 | hello[suites + 1] & 0xff);
    int extension = compression + 1 + (hello[compression] & 0xff) + 2;
    Set<Integer> fixed = new HashSet<>();
    for (int i = 0; i < firstFree; i++) {
      fixed.add(i);
    }
    while (extension < hello.length) {
      int type = (hello[extension] & 0xff) << 8 | hello[extension + 1] & 0xff;
      int length = (hello[extension + 2] & 0xff) << 8 | hello[extension + 3] & 0xff;
      int last = pinnedData.contains(type) ? extension + 4 + length : extension + 2;
      for (int i = extension; i < last; i++) {
        fixed.add(i);
      }
      extension += 4 + length;
    }
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < hello.length; i++) {
      if (!fixed.contains(i)) {
        free.add(i);
      }
    }
    return free;
  }

  /**
   * A TLS 1.3 hello without a key share for its one group, which Go answers with a HelloRetryRequest, and Go's bytes
   * for it: the request (fixed random, TLS 1.3, the group) and a change_cipher_spec record.
   */
  static Case retried() {
    return of(retriedWith(),
        "1603030038020000340303" + HELLO_RETRY_RANDOM + "00130100000c002b0002030400330002001d" + "140303000101");
  }

  /** The hello of {@link #retried} in its record, with {@code extra} extensions after its own. */
  static String retriedWith(String... extra) {
    return record(hello("0303", "1301", "00",
        joined(new String[] {TLS13_VERSIONS, X25519_GROUP, extension(51, "0000"), ECDSA_P256}, extra)));
  }

  /** A TLS 1.3 hello Go goes on with but for what {@code extra} breaks. */
  static String tls13(String suites, String compression, String... extra) {
    return hello("0303", suites, compression,
        joined(new String[] {TLS13_VERSIONS, X25519_GROUP, X25519_SHARE, ECDSA_P256}, extra));
  }

  private static String[] joined(String[] extensions, String[] extra) {
    String[] all = Arrays.copyOf(extensions, extensions.length + extra.length);
    System.arraycopy(extra, 0, all, extensions.length, extra.length);
    return all;
  }

  /** A client hello message: legacy version, cipher suites, compression methods (hex), then extensions if any. */
  static String hello(String version, String suites, String compression, String... extensions) {
    return helloWithSessionId(version, "", suites, compression, extensions);
  }

  /** A client hello message as {@link #hello}, with a session id (hex). */
  static String helloWithSessionId(String version, String sessionId, String suites, String compression,
      String... extensions) {
    String body = version + "00".repeat(32) + u8(sessionId) + sessionId + u16(suites) + suites + u8(compression)
        + compression;
    if (extensions.length > 0) {
      String joined = String.join("", extensions);
      body += u16(joined) + joined;
    }
    return "01" + "00" + u16(body) + body;
  }

  /** One extension: its type and its data (hex). */
  static String extension(int type, String data) {
    return String.format("%04x", type) + u16(data) + data;
  }

  /** {@code message} in one handshake record of TLS 1.0. */
  static String record(String message) {
    return "160301" + u16(message) + message;
  }

  /** {@code message} in handshake records of TLS 1.0 of 16 KiB (the most a record holds) and the rest. */
  private static String records(String message) {
    StringBuilder records = new StringBuilder();
    for (int start = 0; start < message.length(); start += 2 * 16384) {
      records.append(record(message.substring(start, Math.min(message.length(), start + 2 * 16384))));
    }
    return records.toString();
  }

  /** {@code message} over three records of different versions with a warning alert between the first two. */
  private static String split(String message) {
    int third = message.length() / 6 * 2;
    return "160300" + u16(message.substring(0, third)) + message.substring(0, third) + "1503010002015a"
        + "160303" + u16(message.substring(third, 2 * third)) + message.substring(third, 2 * third)
        + "160301" + u16(message.substring(2 * third)) + message.substring(2 * third);
  }

  private static Case of(String sent, String reply) {
    return new Case(sent, reply);
  }

  /**
   * What a client sends first and what the server it is meant for sends back before it closes (hex).
   *
   * @param sent the bytes sent
   * @param reply the bytes sent back
   */
  record Case(String sent, String reply) {}

  private static String u8(String hex) {
    return String.format("%02x", hex.length() / 2);
  }

  private static String u16(String hex) {
    return String.format("%04x", hex.length() / 2);
  }
}
