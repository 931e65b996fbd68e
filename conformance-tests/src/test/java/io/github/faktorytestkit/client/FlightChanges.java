package io.github.faktorytestkit.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Changes made at random to the records a scripted TLS client ({@link Tls12Client}, {@link Tls13Client}) sends after
 * the server's flight: a byte or two xored (7 in 10), the records cut short (2 in 10), or a change of the flight's
 * own kind (1 in 10: records reordered, records added). Each is made to the flight of the session it is sent in.
 */
final class FlightChanges {
  private FlightChanges() {}

  /** A change made to a flight of type {@code F}, by its name. */
  record Change<F>(String name, Function<F, byte[]> make) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * {@code count} changes drawn from {@code random} (the same ones for a seed), of the {@code length} bytes
   * {@code records} gives of a flight, or one of {@code others}; each named after its place in the list.
   */
  static <F> List<Change<F>> mutated(Random random, int count, int length, Function<F, byte[]> records,
      List<Change<byte[]>> others) {
    List<Change<F>> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(10);
      Change<byte[]> change = kind < 7 ? bytesChanged(random, length) : kind < 9 ? cut(1 + random.nextInt(length - 1))
          : others.get(random.nextInt(others.size()));
      changes.add(new Change<>(i + ": " + change.name(), flight -> change.make().apply(records.apply(flight))));
    }
    return changes;
  }

  private static Change<byte[]> bytesChanged(Random random, int length) {
    int changes = 1 + random.nextInt(2);
    int[] offsets = new int[changes];
    byte[] values = new byte[changes];
    StringBuilder name = new StringBuilder("bytes xored:");
    for (int i = 0; i < changes; i++) {
      offsets[i] = random.nextInt(length);
      values[i] = (byte) (1 + random.nextInt(255));
      name.append(String.format(" %d^%02x", offsets[i], values[i]));
    }
    return new Change<>(name.toString(), records -> {
      byte[] changed = records.clone();
      for (int i = 0; i < changes; i++) {
        changed[offsets[i]] ^= values[i];
      }
      return changed;
    });
  }

  private static Change<byte[]> cut(int length) {
    return new Change<>("cut to " + length + " bytes", records -> Arrays.copyOf(records, length));
  }
}
