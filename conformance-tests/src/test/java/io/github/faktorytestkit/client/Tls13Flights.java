package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.Tls12Flights.hex;
import static io.github.faktorytestkit.client.Tls12Flights.join;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * What a TLS 1.3 client sends after the server's flight ({@link Tls13Client}: a change_cipher_spec record, as clients
 * offering a session id send it, then its sealed Finished; 6 and 58 bytes of a SHA-256 suite), changed at random
 * ({@link FlightChanges}; a record of another kind in the clear first) or as {@link #all} lists it with what real
 * Faktory 1.9.4 answers, and the server's answer, read after the client ended its output.
 */
final class Tls13Flights {
  private static final String CHANGE_CIPHER_SPEC = "140303000101";
  private static final int CHANGE_CIPHER_SPEC_RECORD = 6;
  private static final String GOES_ON = Tls13Client.GOES_ON;
  private static final String UNEXPECTED = "alert 10";
  private static final String BAD_RECORD_MAC = "alert 20";
  private static final String DECRYPT_ERROR = "alert 51";
  private static final int HANDSHAKE = 22;
  private static final int APPLICATION_DATA = 23;
  private static final Set<String> SEALED_BY_SUITE = Set.of("the flight as it is", "another verify data",
      "a verify data of 31 bytes", "a verify data of 49 bytes",
      "a certificate in place of finished", "application data in place of finished",
      "a warning alert in place of finished", "finished sealed as an alert record",
      "finished sealed as a record of type 25", "a record too short for its tag",
      "finished with its last byte changed");
  /** A Finished of another verify data. */
  private static final String FINISHED_42 = "14000020" + "42".repeat(32);

  private Tls13Flights() {}

  /** A flight as a client may send it, and what real Faktory 1.9.4 answers. */
  record Case(FlightChanges.Change<Tls13Client.Flight> change, String reply) {}

  /**
   * {@code count} changes of the client's flight of {@code suite} drawn from {@code random}
   * ({@link FlightChanges#mutated}).
   */
  static List<FlightChanges.Change<Tls13Client.Flight>> mutated(Random random, int count, Tls13Client.Suite suite) {
    List<FlightChanges.Change<byte[]>> first = new ArrayList<>();
    for (String record : List.of("15030300020228", "1503030002015a", "160303000114", "170303000100",
        CHANGE_CIPHER_SPEC)) {
      first.add(new FlightChanges.Change<>("first " + record, records -> join(hex(record), records)));
    }
    return FlightChanges.mutated(random, count, CHANGE_CIPHER_SPEC_RECORD
        + suite.sealedLength(4 + suite.hash().length()), Tls13Flights::records, first);
  }

  /** The flight as the client makes it, with records of other kinds, and sealed messages in place of its Finished. */
  static Map<String, Case> all() {
    Map<String, Case> cases = new LinkedHashMap<>();
    put(cases, "the flight as it is", GOES_ON, Tls13Flights::records);
    put(cases, "no change_cipher_spec", GOES_ON, Tls13Client.Flight::finished);
    put(cases, "17 change_cipher_spec records", UNEXPECTED, f -> join(hex(CHANGE_CIPHER_SPEC.repeat(17)),
        f.finished()));
    put(cases, "a change_cipher_spec of 2", "alert 50", f -> join(hex("140303000102"), f.finished()));
    put(cases, "a warning alert in the clear", BAD_RECORD_MAC, f -> join(hex("1503030002015a"), records(f)));
    put(cases, "a fatal alert in the clear", BAD_RECORD_MAC, f -> join(hex("15030300020228"), records(f)));
    put(cases, "a handshake record in the clear", BAD_RECORD_MAC, f -> join(hex("160303000114"), records(f)));
    put(cases, "application data of a byte", BAD_RECORD_MAC, f -> join(hex("170303000100"), records(f)));
    put(cases, "a record of TLS 1.0", "alert 70", f -> join(hex("1703010001"), records(f)));
    put(cases, "a record over 16,640 bytes", "alert 22", f -> hex("1703034101"));
    put(cases, "another verify data", DECRYPT_ERROR, f -> sealed(f, HANDSHAKE, FINISHED_42));
    put(cases, "a verify data of 31 bytes", DECRYPT_ERROR, f -> sealed(f, HANDSHAKE, "1400001f" + "42".repeat(31)));
    put(cases, "a verify data of 49 bytes", DECRYPT_ERROR, f -> sealed(f, HANDSHAKE, "14000031" + "42".repeat(49)));
    put(cases, "a certificate in place of finished", UNEXPECTED, f -> sealed(f, HANDSHAKE, "0b000004" + "00000000"));
    put(cases, "application data in place of finished", UNEXPECTED, f -> sealed(f, APPLICATION_DATA,
        "2b4f4b0d0a"));
    put(cases, "a warning alert in place of finished", "", f -> sealed(f, 21, "0130"));
    put(cases, "user_canceled in place of finished", "", f -> sealed(f, 21, "015a"));
    put(cases, "finished sealed as an alert record", UNEXPECTED, f -> join(hex(CHANGE_CIPHER_SPEC),
        f.sealAs(21, HANDSHAKE, hex(FINISHED_42))));
    put(cases, "finished sealed as a record of type 25", UNEXPECTED, f -> join(hex(CHANGE_CIPHER_SPEC),
        f.sealAs(25, HANDSHAKE, hex(FINISHED_42))));
    put(cases, "a record too short for its tag", BAD_RECORD_MAC, f -> join(hex(CHANGE_CIPHER_SPEC),
        Tls12Flights.record(APPLICATION_DATA, new byte[15])));
    put(cases, "finished with its last byte changed", BAD_RECORD_MAC, f -> join(hex(CHANGE_CIPHER_SPEC),
        Tls12FlightCases.lastByteChanged(f.finished())));
    return cases;
  }

  /**
   * The cases of {@link #all} whose records the suite seals ({@link Tls13Client.Suite}): a wrong Finished, sealed
   * messages of other kinds or with another header, records too short or with a byte of the tag changed, and the
   * flight as it is.
   */
  static Map<String, Case> sealedBySuite() {
    Map<String, Case> cases = all();
    cases.keySet().retainAll(SEALED_BY_SUITE);
    return cases;
  }

  /**
   * The Finished sealed in a record whose header claims a handshake record: Go opens it (the header authenticated with
   * it) and answers {@code unexpected_message}.
   */
  static FlightChanges.Change<Tls13Client.Flight> sealedAsHandshake() {
    return new FlightChanges.Change<>("finished sealed as a handshake record", f -> join(hex(CHANGE_CIPHER_SPEC),
        f.sealAs(HANDSHAKE, HANDSHAKE, hex(FINISHED_42))));
  }

  /**
   * Makes a TLS 1.3 handshake of AES-128-GCM with the server at {@code url} up to its Finished, sends the client's
   * flight as {@code change} makes it, ends the client's output and returns the answer ({@link Tls13Client#answer}).
   */
  static String answer(URI url, FlightChanges.Change<Tls13Client.Flight> change) throws IOException {
    return answer(url, change, Tls13Client.Suite.AES_128_GCM_SHA256);
  }

  /** As {@link #answer(URI, FlightChanges.Change)}, the client offering {@code suite}. */
  static String answer(URI url, FlightChanges.Change<Tls13Client.Flight> change, Tls13Client.Suite suite)
      throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      Tls13Client.Flight flight = Tls13Client.handshake(in, socket.getOutputStream(), suite);
      socket.getOutputStream().write(change.make().apply(flight));
      socket.shutdownOutput();
      return Tls13Client.answer(in, flight.server());
    }
  }

  private static byte[] records(Tls13Client.Flight flight) {
    return join(hex(CHANGE_CIPHER_SPEC), flight.finished());
  }

  private static byte[] sealed(Tls13Client.Flight flight, int type, String content) {
    return join(hex(CHANGE_CIPHER_SPEC), flight.seal(type, hex(content)));
  }

  private static void put(Map<String, Case> cases, String name, String reply,
      Function<Tls13Client.Flight, byte[]> make) {
    cases.put(name, new Case(new FlightChanges.Change<>(name, make), reply));
  }
}
