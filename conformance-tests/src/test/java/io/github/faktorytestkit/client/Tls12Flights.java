package io.github.faktorytestkit.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * What a TLS 1.2 client sends after the server's flight ({@link Tls12Client}: ClientKeyExchange, ChangeCipherSpec,
 * Finished; 42, 6 and 45 bytes of AES-GCM), changed at random ({@link FlightChanges}; its records in another order or
 * some left out), and the server's answer, read after the client ended its output, so that a server waiting for more
 * bytes closes, as Go's does at the end of its input. The records and messages the changes are made of are built here
 * too.
 */
final class Tls12Flights {
  /** The answer of a server that goes on: its change_cipher_spec record. */
  static final String GOES_ON = "the server's change_cipher_spec";
  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int KEY_EXCHANGE = 42;
  private static final int CHANGE_CIPHER_SPEC_RECORD = 6;
  /** A Finished message's length: its header and 12 bytes of verify data. */
  static final int FINISHED = 16;
  private static final int HANDSHAKE = 22;
  private static final String WARNING = "1503030002015a";
  private static final int UNEXPECTED = 10;
  private static final int PROTOCOL_VERSION = 70;

  private Tls12Flights() {}

  /**
   * A record in the clear (hex) a client may send first after the server's flight, by name, and Go's answer: the
   * description of its fatal alert, or {@link #DROPPED} or {@link #CLOSES}.
   */
  record ClearRecord(String name, String hex, int alert) {
    /** Go drops the record and goes on. */
    static final int DROPPED = -1;
    /** Go closes without a byte. */
    static final int CLOSES = -2;

    /** Go's answer as a table writes it: {@code goesOn}, {@code closed}, or {@code alert} of the description. */
    String reply(String goesOn, String closed, IntFunction<String> alert) {
      return this.alert == DROPPED ? goesOn : this.alert == CLOSES ? closed : alert.apply(this.alert);
    }
  }

  /**
   * The records in the clear Go answers alike before the client's change_cipher_spec, after the flight of a full
   * handshake or of a resumption.
   */
  static List<ClearRecord> clearRecordsFirst() {
    return List.of(new ClearRecord("a warning alert first", WARNING, ClearRecord.DROPPED),
        new ClearRecord("17 warning alerts", WARNING.repeat(17), UNEXPECTED),
        new ClearRecord("close_notify first", "15030300020100", ClearRecord.CLOSES),
        new ClearRecord("a fatal alert first", "15030300020228", ClearRecord.CLOSES),
        new ClearRecord("an alert of level 3", "15030300020328", UNEXPECTED),
        new ClearRecord("an alert of 3 bytes", "1503030003012800", UNEXPECTED),
        new ClearRecord("application data first", "170303000100", UNEXPECTED),
        new ClearRecord("a record of an unknown type first", "190303000100", UNEXPECTED),
        new ClearRecord("an empty handshake record first", "1603030000", UNEXPECTED),
        new ClearRecord("a record of TLS 1.0", "1603010001", PROTOCOL_VERSION));
  }

  /** {@code count} changes of the client's flight drawn from {@code random} ({@link FlightChanges#mutated}). */
  static List<FlightChanges.Change<Tls12Client.Flight>> mutated(Random random, int count) {
    return mutated(random, count, Tls12Suite.AES_128_GCM);
  }

  /** As {@link #mutated(Random, int)}, of the flight of {@code suite}. */
  static List<FlightChanges.Change<Tls12Client.Flight>> mutated(Random random, int count, Tls12Suite suite) {
    return FlightChanges.mutated(random, count, KEY_EXCHANGE + CHANGE_CIPHER_SPEC_RECORD + 5
        + suite.sealing().sealedLength(FINISHED), Tls12Client.Flight::records, reorderings());
  }

  /** The flight's three records in another order, or two of them. */
  private static List<FlightChanges.Change<byte[]>> reorderings() {
    int[][] orders = {{0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}, {0, 2}, {1, 2}, {0, 1}};
    List<FlightChanges.Change<byte[]>> reorderings = new ArrayList<>();
    for (int[] order : orders) {
      reorderings.add(new FlightChanges.Change<>("records " + Arrays.toString(order), records -> {
        int finished = KEY_EXCHANGE + CHANGE_CIPHER_SPEC_RECORD;
        byte[][] split = {Arrays.copyOfRange(records, 0, KEY_EXCHANGE), Arrays.copyOfRange(records, KEY_EXCHANGE,
            finished), Arrays.copyOfRange(records, finished, records.length)};
        byte[] out = new byte[0];
        for (int index : order) {
          out = join(out, split[index]);
        }
        return out;
      }));
    }
    return reorderings;
  }

  /**
   * Makes a TLS 1.2 handshake with the server at {@code url} up to its ServerHelloDone, sends the client's flight
   * as {@code change} makes it, ends the client's output and returns the answer: {@link #GOES_ON} when it is a
   * change_cipher_spec record, else all the server sent before it closed (hex).
   */
  static String answer(URI url, FlightChanges.Change<Tls12Client.Flight> change) throws IOException {
    return answer(url, change, Tls12Suite.AES_128_GCM);
  }

  /** As {@link #answer(URI, FlightChanges.Change)}, the client offering {@code suite}. */
  static String answer(URI url, FlightChanges.Change<Tls12Client.Flight> change, Tls12Suite suite)
      throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      Tls12Client.Flight flight = Tls12Client.handshake(in, socket.getOutputStream(), suite);
      socket.getOutputStream().write(change.make().apply(flight));
      socket.shutdownOutput();
      byte[] first = in.readNBytes(1);
      return first.length == 1 && first[0] == CHANGE_CIPHER_SPEC ? GOES_ON
          : HexFormat.of().formatHex(first) + HexFormat.of().formatHex(in.readAllBytes());
    }
  }

  /** A ClientKeyExchange record of {@code exchange} (hex: the point's length byte and the point). */
  static byte[] exchange(String exchange) {
    return message(16, exchange);
  }

  /** A handshake message of {@code type} and {@code body} (hex) in a handshake record of TLS 1.2. */
  static byte[] message(int type, String body) {
    return record(HANDSHAKE, hex(String.format("%02x%06x", type, body.length() / 2) + body));
  }

  static byte[] record(int type, byte[] body) {
    return join(hex(String.format("%02x0303%04x", type, body.length)), body);
  }

  static byte[] slice(byte[] bytes, int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static byte[] join(byte[]... parts) {
    return TlsCrypto.concat(parts);
  }
}
