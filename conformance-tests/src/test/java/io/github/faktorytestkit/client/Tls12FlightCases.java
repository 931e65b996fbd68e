package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.Tls12Flights.GOES_ON;
import static io.github.faktorytestkit.client.Tls12Flights.exchange;
import static io.github.faktorytestkit.client.Tls12Flights.hex;
import static io.github.faktorytestkit.client.Tls12Flights.join;
import static io.github.faktorytestkit.client.Tls12Flights.message;
import static io.github.faktorytestkit.client.Tls12Flights.record;
import static io.github.faktorytestkit.client.Tls12Flights.slice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a TLS 1.2 client sends after the server's flight ({@link Tls12Client}), with what real Faktory 1.9.4 answers:
 * the client's flight as it is, with records of other kinds before, between or in place of its own, key exchanges
 * Go refuses, messages of other types in place of the key exchange, and sealed records in place of the Finished.
 */
final class Tls12FlightCases {
  private static final String UNEXPECTED = "1503030002020a";
  private static final String BAD_RECORD_MAC = "15030300020214";
  private static final String HANDSHAKE_FAILURE = "15030300020228";
  private static final String ILLEGAL_PARAMETER = "1503030002022f";
  private static final String DECODE_ERROR = "15030300020232";
  private static final String WARNING = "1503030002015a";
  private static final String CLOSED = "";
  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int HANDSHAKE = 22;
  private static final int APPLICATION_DATA = 23;
  private static final Set<String> SEALED_BY_SUITE = Set.of("the flight as it is", "another verify data",
      "a verify data of 13 bytes", "a verify data of 11 bytes", "sealed application data in place of finished",
      "a sealed warning alert in place of finished", "finished sealed, in a record of type 25",
      "a record too short for its nonce and tag", "finished with its last byte changed", "a record sealed as of type 0",
      "a change_cipher_spec sealed", "a change_cipher_spec of 2 sealed", "16,385 bytes sealed as of type 25");

  private Tls12FlightCases() {}

  /**
   * A flight as a client may send it, and all real Faktory 1.9.4 sends back ({@link Tls12Flights#GOES_ON} when it
   * goes on).
   */
  record Case(FlightChanges.Change<Tls12Client.Flight> change, String reply) {}

  /**
   * The flight as the client makes it, with records of other kinds added, in place of its own or changed, and
   * messages of other kinds, by what they are.
   */
  static Map<String, Case> all() {
    Map<String, Case> cases = new LinkedHashMap<>();
    records(cases);
    keyExchanges(cases);
    sealed(cases);
    return cases;
  }

  /**
   * The cases of {@link #all} whose records the suite seals ({@link Tls12Suite}): a wrong Finished, sealed records of
   * other types or with another header, records too short or with a byte of the tag changed, and the flight as it is.
   */
  static Map<String, Case> sealedBySuite() {
    Map<String, Case> cases = all();
    cases.keySet().retainAll(SEALED_BY_SUITE);
    return cases;
  }

  /**
   * The flight with a record sealed as of content type 25 in place of the Finished: Go decrypts it (its type
   * authenticated with it) and answers {@code unexpected_message}.
   */
  static FlightChanges.Change<Tls12Client.Flight> sealedOfAnotherType() {
    return new FlightChanges.Change<>("a record sealed as of type 25", f -> join(f.keyExchange(), f.changeCipherSpec(),
        f.seal(25, hex("1400000c" + "42".repeat(12)))));
  }

  private static void records(Map<String, Case> cases) {
    put(cases, "the flight as it is", GOES_ON, f -> f.records());
    for (Tls12Flights.ClearRecord first : Tls12Flights.clearRecordsFirst()) {
      put(cases, first.name(), first.reply(GOES_ON, CLOSED, alert -> String.format("150303000202%02x", alert)),
          f -> join(hex(first.hex()), f.records()));
    }
    put(cases, "a warning alert after the key exchange", GOES_ON, f -> join(f.keyExchange(), hex(WARNING),
        f.changeCipherSpec(), f.finished()));
    put(cases, "a change_cipher_spec first", UNEXPECTED, f -> join(f.changeCipherSpec(), f.records()));
    put(cases, "no change_cipher_spec", UNEXPECTED, f -> join(f.keyExchange(), f.finished()));
    put(cases, "a change_cipher_spec of 2", DECODE_ERROR, f -> join(f.keyExchange(), hex("140303000102")));
    put(cases, "a change_cipher_spec of two bytes", DECODE_ERROR, f -> join(f.keyExchange(), hex("14030300020101")));
    put(cases, "a record over 18,432 bytes", "15030300020216", f -> hex("1603034801"));
    put(cases, "the key exchange over two records", GOES_ON, f -> join(record(HANDSHAKE, slice(f.keyExchange(), 5, 20)),
        record(HANDSHAKE, slice(f.keyExchange(), 20, 42)), f.changeCipherSpec(), f.finished()));
    put(cases, "a byte after the key exchange", UNEXPECTED, f -> join(record(HANDSHAKE, join(slice(f.keyExchange(),
        5, 42), hex("00"))), f.changeCipherSpec(), f.finished()));
    put(cases, "the key exchange cut short, then change_cipher_spec", UNEXPECTED, f -> join(record(HANDSHAKE,
        slice(f.keyExchange(), 5, 30)), f.changeCipherSpec(), f.finished()));
    put(cases, "a message over 64 KiB", "15030300020250", f -> hex("160303000410010001"));
  }

  private static void keyExchanges(Map<String, Case> cases) {
    put(cases, "a point of 31 bytes", ILLEGAL_PARAMETER, f -> join(exchange("1f" + "42".repeat(31)),
        f.changeCipherSpec(), f.finished()));
    put(cases, "a length byte of 33", ILLEGAL_PARAMETER, f -> join(exchange("21" + "42".repeat(32)),
        f.changeCipherSpec(), f.finished()));
    put(cases, "no point", ILLEGAL_PARAMETER, f -> join(exchange(""), f.changeCipherSpec(), f.finished()));
    put(cases, "a point of low order", ILLEGAL_PARAMETER, f -> join(exchange("20" + "00".repeat(32)),
        f.changeCipherSpec(), f.finished()));
    put(cases, "a P-256 point", ILLEGAL_PARAMETER, f -> join(exchange("41" + "04" + "42".repeat(64)),
        f.changeCipherSpec(), f.finished()));
    put(cases, "a certificate", UNEXPECTED, f -> join(message(11, "000000"), f.records()));
    put(cases, "a certificate Go's parser refuses", DECODE_ERROR, f -> join(message(11, "0000"), f.records()));
    put(cases, "a certificate verify of TLS 1.2", UNEXPECTED, f -> join(message(15, "0403" + "0002aabb"),
        f.records()));
    put(cases, "a certificate verify without its algorithm", DECODE_ERROR, f -> join(message(15, "0002aabb"),
        f.records()));
    put(cases, "a certificate request of TLS 1.2", UNEXPECTED, f -> join(message(13, "0140" + "00020403"
        + "0000"), f.records()));
    put(cases, "a certificate request without signature algorithms", DECODE_ERROR, f -> join(message(13, "0140"
        + "0000"), f.records()));
    put(cases, "a client hello", UNEXPECTED, f -> join(hex("160303" + Tls12Client.HELLO.substring(6)), f.records()));
    put(cases, "a finished", UNEXPECTED, f -> join(message(20, "42".repeat(12)), f.records()));
    put(cases, "a key update of 2", DECODE_ERROR, f -> join(message(24, "02"), f.records()));
    put(cases, "a message of an unknown type", UNEXPECTED, f -> join(message(0x30, "00"), f.records()));
  }

  private static void sealed(Map<String, Case> cases) {
    put(cases, "another verify data", HANDSHAKE_FAILURE, f -> join(f.keyExchange(), f.changeCipherSpec(),
        f.seal(HANDSHAKE, hex("1400000c" + "42".repeat(12)))));
    put(cases, "a verify data of 13 bytes", HANDSHAKE_FAILURE, f -> join(f.keyExchange(), f.changeCipherSpec(),
        f.seal(HANDSHAKE, hex("1400000d" + "42".repeat(13)))));
    put(cases, "a verify data of 11 bytes", HANDSHAKE_FAILURE, f -> join(f.keyExchange(), f.changeCipherSpec(),
        f.seal(HANDSHAKE, hex("1400000b" + "42".repeat(11)))));
    put(cases, "a certificate in place of finished", UNEXPECTED, f -> join(f.keyExchange(), f.changeCipherSpec(),
        f.seal(HANDSHAKE, hex("0b000003000000"))));
    put(cases, "sealed application data in place of finished", UNEXPECTED, f -> join(f.keyExchange(),
        f.changeCipherSpec(), f.seal(APPLICATION_DATA, hex("2b4f4b0d0a"))));
    put(cases, "a sealed warning alert in place of finished", CLOSED, f -> join(f.keyExchange(),
        f.changeCipherSpec(), f.seal(21, hex("015a"))));
    put(cases, "the change_cipher_spec again", BAD_RECORD_MAC, f -> join(f.keyExchange(), f.changeCipherSpec(),
        f.changeCipherSpec(), f.finished()));
    put(cases, "finished in the clear", BAD_RECORD_MAC, f -> join(f.keyExchange(), f.changeCipherSpec(),
        record(HANDSHAKE, hex("1400000c" + "42".repeat(12)))));
    put(cases, "finished sealed, in a record of type 25", BAD_RECORD_MAC, f -> join(f.keyExchange(),
        f.changeCipherSpec(), join(hex("19"), slice(f.finished(), 1, f.finished().length))));
    put(cases, "a record too short for its nonce and tag", BAD_RECORD_MAC, f -> join(f.keyExchange(),
        f.changeCipherSpec(), record(HANDSHAKE, new byte[f.suite().sealing().tooShort()])));
    put(cases, "finished with its last byte changed", BAD_RECORD_MAC, f -> join(f.keyExchange(),
        f.changeCipherSpec(), lastByteChanged(f.finished())));
    put(cases, "a record sealed as of type 0", UNEXPECTED, f -> join(f.keyExchange(), f.changeCipherSpec(),
        f.seal(0, hex("1400000c" + "42".repeat(12)))));
    put(cases, "a change_cipher_spec sealed", UNEXPECTED, f -> join(f.keyExchange(), f.changeCipherSpec(),
        f.seal(CHANGE_CIPHER_SPEC, hex("01"))));
    put(cases, "a change_cipher_spec of 2 sealed", DECODE_ERROR, f -> join(f.keyExchange(), f.changeCipherSpec(),
        f.seal(CHANGE_CIPHER_SPEC, hex("02"))));
    put(cases, "16,385 bytes sealed as of type 25", "15030300020216", f -> join(f.keyExchange(),
        f.changeCipherSpec(), f.seal(25, new byte[16385])));
  }

  /** {@code record} with its last byte (of its tag, or of its last CBC block) changed. */
  static byte[] lastByteChanged(byte[] record) {
    byte[] changed = record.clone();
    changed[changed.length - 1] ^= 1;
    return changed;
  }

  private static void put(Map<String, Case> cases, String name, String reply,
      Function<Tls12Client.Flight, byte[]> make) {
    cases.put(name, new Case(new FlightChanges.Change<>(name, make), reply));
  }
}
