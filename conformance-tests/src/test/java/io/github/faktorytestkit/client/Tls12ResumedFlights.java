package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.Tls12Flights.hex;
import static io.github.faktorytestkit.client.Tls12Flights.join;
import static io.github.faktorytestkit.client.Tls12Flights.message;
import static io.github.faktorytestkit.client.Tls12Flights.record;
import static io.github.faktorytestkit.client.Tls12Flights.slice;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * What a TLS 1.2 client sends after the server's flight of a resumption ({@link Tls12ResumedClient}: ChangeCipherSpec,
 * then its sealed Finished; 6 and 45 bytes of AES-GCM), changed at random ({@link FlightChanges}; a record of another
 * kind in the clear first, or its two records the other way round) or as {@link #all} lists it with what real Faktory
 * 1.9.4 answers, its alerts sealed with the server's keys; and the server's answer, read after the client ended its
 * output. Each server's session is made once, and resumed by each flight.
 */
final class Tls12ResumedFlights {
  private static final int CHANGE_CIPHER_SPEC_RECORD = 6;
  private static final String GOES_ON = Tls12ResumedClient.GOES_ON;
  private static final String UNEXPECTED = "alert 10";
  private static final String BAD_RECORD_MAC = "alert 20";
  private static final String RECORD_OVERFLOW = "alert 22";
  private static final String HANDSHAKE_FAILURE = "alert 40";
  private static final String DECODE_ERROR = "alert 50";
  private static final String PROTOCOL_VERSION = "alert 70";
  private static final String CLOSED = "";
  private static final String WARNING = "1503030002015a";
  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int ALERT = 21;
  private static final int HANDSHAKE = 22;
  private static final int APPLICATION_DATA = 23;
  private static final Set<String> SEALED_BY_SUITE = Set.of("the flight as it is", "another verify data",
      "a verify data of 13 bytes", "a verify data of 11 bytes", "sealed application data in place of finished",
      "a sealed warning alert in place of finished", "finished sealed, in a record of type 25",
      "a record too short for its nonce and tag", "finished with its last byte changed",
      "a record sealed as of type 25", "a change_cipher_spec sealed", "a change_cipher_spec of 2 sealed");
  private static final Map<String, Tls12ResumedClient.Session> SESSIONS = new HashMap<>();

  private Tls12ResumedFlights() {}

  /** A flight as a client may send it, and what real Faktory 1.9.4 answers. */
  record Case(FlightChanges.Change<Tls12ResumedClient.Flight> change, String reply) {}

  /** {@code count} changes of the client's flight of AES-128-GCM drawn from {@code random}. */
  static List<FlightChanges.Change<Tls12ResumedClient.Flight>> mutated(Random random, int count) {
    return mutated(random, count, Tls12Suite.AES_128_GCM);
  }

  /**
   * {@code count} changes of the client's flight of {@code suite} drawn from {@code random}
   * ({@link FlightChanges#mutated}).
   */
  static List<FlightChanges.Change<Tls12ResumedClient.Flight>> mutated(Random random, int count, Tls12Suite suite) {
    int length = CHANGE_CIPHER_SPEC_RECORD + 5 + suite.sealing().sealedLength(Tls12Flights.FINISHED);
    List<FlightChanges.Change<byte[]>> others = new ArrayList<>();
    for (String record : List.of(WARNING, "15030300020228", "160303000114", "170303000100", "140303000101")) {
      others.add(new FlightChanges.Change<>("first " + record, records -> join(hex(record), records)));
    }
    others.add(new FlightChanges.Change<>("records [1, 0]", records -> join(slice(records, CHANGE_CIPHER_SPEC_RECORD,
        length), slice(records, 0, CHANGE_CIPHER_SPEC_RECORD))));
    return FlightChanges.mutated(random, count, length, Tls12ResumedClient.Flight::records, others);
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

  /** The flight as the client makes it, with records of other kinds, and sealed records in place of its Finished. */
  static Map<String, Case> all() {
    Map<String, Case> cases = new LinkedHashMap<>();
    inTheClear(cases);
    sealed(cases);
    return cases;
  }

  private static void inTheClear(Map<String, Case> cases) {
    put(cases, "the flight as it is", GOES_ON, f -> f.records());
    for (Tls12Flights.ClearRecord first : Tls12Flights.clearRecordsFirst()) {
      put(cases, first.name(), first.reply(GOES_ON, CLOSED, alert -> "alert " + alert),
          f -> join(hex(first.hex()), f.records()));
    }
    put(cases, "16 warning alerts", GOES_ON, f -> join(hex(WARNING.repeat(16)), f.records()));
    put(cases, "finished in the clear first", UNEXPECTED, f -> join(message(20, "42".repeat(12)), f.records()));
    put(cases, "no change_cipher_spec", UNEXPECTED, f -> f.finished());
    put(cases, "a change_cipher_spec of 2", DECODE_ERROR, f -> join(hex("140303000102"), f.finished()));
    put(cases, "a change_cipher_spec of two bytes", DECODE_ERROR, f -> join(hex("14030300020101"), f.finished()));
    put(cases, "an SSLv2 hello's header", PROTOCOL_VERSION, f -> join(hex("8003030001"), f.records()));
    put(cases, "a record over 18,432 bytes", RECORD_OVERFLOW, f -> hex("1403034801"));
    put(cases, "a record in the clear over 16,384 bytes", RECORD_OVERFLOW, f -> join(record(HANDSHAKE,
        new byte[16385]), f.records()));
  }

  private static void sealed(Map<String, Case> cases) {
    put(cases, "another verify data", HANDSHAKE_FAILURE, f -> sealed(f, HANDSHAKE, "1400000c" + "42".repeat(12)));
    put(cases, "a verify data of 13 bytes", HANDSHAKE_FAILURE, f -> sealed(f, HANDSHAKE, "1400000d" + "42".repeat(13)));
    put(cases, "a verify data of 11 bytes", HANDSHAKE_FAILURE, f -> sealed(f, HANDSHAKE, "1400000b" + "42".repeat(11)));
    put(cases, "a certificate in place of finished", UNEXPECTED, f -> sealed(f, HANDSHAKE, "0b000003000000"));
    put(cases, "sealed application data in place of finished", UNEXPECTED, f -> sealed(f, APPLICATION_DATA,
        "2b4f4b0d0a"));
    put(cases, "a sealed warning alert in place of finished", CLOSED, f -> sealed(f, ALERT, "015a"));
    put(cases, "a sealed fatal alert in place of finished", CLOSED, f -> sealed(f, ALERT, "0228"));
    put(cases, "the change_cipher_spec again", BAD_RECORD_MAC, f -> join(f.changeCipherSpec(), f.records()));
    put(cases, "finished in the clear", BAD_RECORD_MAC, f -> join(f.changeCipherSpec(), message(20,
        "42".repeat(12))));
    put(cases, "finished sealed, in a record of type 25", BAD_RECORD_MAC, f -> join(f.changeCipherSpec(),
        hex("19"), slice(f.finished(), 1, f.finished().length)));
    put(cases, "a record too short for its nonce and tag", BAD_RECORD_MAC, f -> join(f.changeCipherSpec(),
        record(HANDSHAKE, new byte[f.keys().suite().sealing().tooShort()])));
    put(cases, "finished with its last byte changed", BAD_RECORD_MAC, f -> join(f.changeCipherSpec(),
        Tls12FlightCases.lastByteChanged(f.finished())));
    put(cases, "a record sealed as of type 25", UNEXPECTED, f -> sealed(f, 25, "1400000c" + "42".repeat(12)));
    put(cases, "a change_cipher_spec sealed", UNEXPECTED, f -> sealed(f, CHANGE_CIPHER_SPEC, "01"));
    put(cases, "a change_cipher_spec of 2 sealed", DECODE_ERROR, f -> sealed(f, CHANGE_CIPHER_SPEC, "02"));
  }

  /** As {@link #answer(URI, FlightChanges.Change, Tls12Suite)}, of a session of AES-128-GCM. */
  static String answer(URI url, FlightChanges.Change<Tls12ResumedClient.Flight> change) throws IOException {
    return answer(url, change, Tls12Suite.AES_128_GCM);
  }

  /**
   * Resumes a session of {@code suite} of the server at {@code url} ({@link Tls12ResumedClient}), sends the client's
   * flight as {@code change} makes it, ends the client's output and returns the answer
   * ({@link Tls12ResumedClient#answer}).
   */
  static String answer(URI url, FlightChanges.Change<Tls12ResumedClient.Flight> change, Tls12Suite suite)
      throws IOException {
    Tls12ResumedClient.Session session = session(url, suite);
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      Tls12ResumedClient.Flight flight = Tls12ResumedClient.resume(in, socket.getOutputStream(), session);
      socket.getOutputStream().write(change.make().apply(flight));
      socket.shutdownOutput();
      return Tls12ResumedClient.answer(in, flight.server());
    }
  }

  private static synchronized Tls12ResumedClient.Session session(URI url, Tls12Suite suite) throws IOException {
    String key = url + " " + suite;
    Tls12ResumedClient.Session session = SESSIONS.get(key);
    if (session == null) {
      session = Tls12ResumedClient.session(url, suite);
      SESSIONS.put(key, session);
    }
    return session;
  }

  private static byte[] sealed(Tls12ResumedClient.Flight flight, int type, String content) {
    return join(flight.changeCipherSpec(), flight.seal(type, hex(content)));
  }

  private static void put(Map<String, Case> cases, String name, String reply,
      Function<Tls12ResumedClient.Flight, byte[]> make) {
    cases.put(name, new Case(new FlightChanges.Change<>(name, make), reply));
  }
}
