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
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What a TLS 1.2 client sends after the server's flight ({@link Tls12Client}: ClientKeyExchange, ChangeCipherSpec,
 * Finished; 42, 6 and 45 bytes), changed: a byte or two of its records changed at random, cut short, its records in
 * another order or some left out. Each change is made to the flight of the session it is sent in (the keys differ
 * from session to session); the answer is read after the client ended its output, so that a server waiting for more
 * bytes closes, as Go's does at the end of its input. The records and messages the changes are made of are built
 * here too.
 */
final class Tls12Flights {
  /** The answer of a server that goes on: its change_cipher_spec record. */
  static final String GOES_ON = "the server's change_cipher_spec";
  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int FLIGHT_LENGTH = 42 + 6 + 45;
  private static final int HANDSHAKE = 22;

  private Tls12Flights() {}

  /** A change made to a flight's records, by its name. */
  record Change(String name, Function<Tls12Client.Flight, byte[]> make) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code count} changes drawn from {@code random} (the same ones for a seed). */
  static List<Change> mutated(Random random, int count) {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(10);
      Change change = kind < 7 ? bytesChanged(random) : kind < 9 ? cut(1 + random.nextInt(FLIGHT_LENGTH - 1))
          : reordered(random);
      changes.add(new Change(i + ": " + change.name(), change.make()));
    }
    return changes;
  }

  /** A change of the flight's records, {@code change} of all three, by its name. */
  private static Change ofRecords(String name, UnaryOperator<byte[]> change) {
    return new Change(name, flight -> change.apply(flight.records()));
  }

  private static Change bytesChanged(Random random) {
    int changes = 1 + random.nextInt(2);
    int[] offsets = new int[changes];
    byte[] values = new byte[changes];
    StringBuilder name = new StringBuilder("bytes xored:");
    for (int i = 0; i < changes; i++) {
      offsets[i] = random.nextInt(FLIGHT_LENGTH);
      values[i] = (byte) (1 + random.nextInt(255));
      name.append(String.format(" %d^%02x", offsets[i], values[i]));
    }
    return ofRecords(name.toString(), records -> {
      byte[] changed = records.clone();
      for (int i = 0; i < changes; i++) {
        changed[offsets[i]] ^= values[i];
      }
      return changed;
    });
  }

  private static Change cut(int length) {
    return ofRecords("cut to " + length + " bytes", records -> Arrays.copyOf(records, length));
  }

  private static Change reordered(Random random) {
    int[][] orders = {{0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}, {0, 2}, {1, 2}, {0, 1}};
    int[] order = orders[random.nextInt(orders.length)];
    return ofRecords("records " + Arrays.toString(order), records -> {
      byte[][] split = {Arrays.copyOfRange(records, 0, 42), Arrays.copyOfRange(records, 42, 48),
          Arrays.copyOfRange(records, 48, records.length)};
      byte[] out = new byte[0];
      for (int index : order) {
        out = concat(out, split[index]);
      }
      return out;
    });
  }

  /**
   * Makes a TLS 1.2 handshake with the server at {@code url} up to its ServerHelloDone, sends the client's flight
   * as {@code change} makes it, ends the client's output and returns the answer: {@link #GOES_ON} when it is a
   * change_cipher_spec record, else all the server sent before it closed (hex).
   */
  static String answer(URI url, Change change) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      Tls12Client.Flight flight = Tls12Client.handshake(in, socket.getOutputStream());
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
    byte[] joined = new byte[0];
    for (byte[] part : parts) {
      joined = concat(joined, part);
    }
    return joined;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
