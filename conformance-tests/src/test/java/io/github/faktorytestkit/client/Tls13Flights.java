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
import java.util.function.Function;

/**
 * What a TLS 1.3 client sends after the server's flight ({@link Tls13Client}: a change_cipher_spec record, as
 * clients offering a session id send it, then its sealed Finished; 6 and 58 bytes), changed at random
 * ({@link FlightChanges}; a record of another kind in the clear first) or as {@link #all} lists it with what real
 * Faktory 1.9.4 answers, and the server's answer, read after the client ended its output.
 */
final class Tls13Flights {
  private static final String CHANGE_CIPHER_SPEC = "140303000101";
  private static final int LENGTH = 6 + 58;
  private static final String GOES_ON = Tls13Client.GOES_ON;
  private static final String UNEXPECTED = "alert 10";
  private static final String BAD_RECORD_MAC = "alert 20";
  private static final int HANDSHAKE = 22;
  /** A Finished of another verify data. */
  private static final String FINISHED_42 = "14000020" + "42".repeat(32);

  private Tls13Flights() {}

  /** A flight as a client may send it, and what real Faktory 1.9.4 answers. */
  record Case(FlightChanges.Change<Tls13Client.Flight> change, String reply) {}

  /** {@code count} changes of the client's flight drawn from {@code random} ({@link FlightChanges#mutated}). */
  static List<FlightChanges.Change<Tls13Client.Flight>> mutated(Random random, int count) {
    List<FlightChanges.Change<byte[]>> first = new ArrayList<>();
    for (String record : List.of("15030300020228", "1503030002015a", "160303000114", "170303000100",
        CHANGE_CIPHER_SPEC)) {
      first.add(new FlightChanges.Change<>("first " + record, records -> join(hex(record), records)));
    }
    return FlightChanges.mutated(random, count, LENGTH, Tls13Flights::records, first);
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
    put(cases, "another verify data", "alert 51", f -> sealed(f, HANDSHAKE, FINISHED_42));
    put(cases, "a certificate in place of finished", UNEXPECTED, f -> sealed(f, HANDSHAKE, "0b000004" + "00000000"));
    put(cases, "application data in place of finished", UNEXPECTED, f -> sealed(f, 23, "2b4f4b0d0a"));
    put(cases, "a warning alert in place of finished", "", f -> sealed(f, 21, "0130"));
    put(cases, "user_canceled in place of finished", "", f -> sealed(f, 21, "015a"));
    put(cases, "finished sealed as an alert record", UNEXPECTED, f -> join(hex(CHANGE_CIPHER_SPEC),
        f.sealAs(21, HANDSHAKE, hex(FINISHED_42))));
    put(cases, "finished sealed as a record of type 25", UNEXPECTED, f -> join(hex(CHANGE_CIPHER_SPEC),
        f.sealAs(25, HANDSHAKE, hex(FINISHED_42))));
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
   * Makes a TLS 1.3 handshake with the server at {@code url} up to its Finished, sends the client's flight as
   * {@code change} makes it, ends the client's output and returns the answer ({@link Tls13Client#answer}).
   */
  static String answer(URI url, FlightChanges.Change<Tls13Client.Flight> change) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      Tls13Client.Flight flight = Tls13Client.handshake(in, socket.getOutputStream());
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
