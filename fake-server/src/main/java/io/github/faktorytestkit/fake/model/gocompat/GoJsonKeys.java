package io.github.faktorytestkit.fake.model.gocompat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The object keys a document is expected to hold (the JSON keys of a struct and of the structs inside it), which
 * {@link GoJson} returns as these very strings when it meets them spelled plainly, instead of a new string per
 * member: a PUSH's job has six keys or more, and each then looks its field up with a hash it already computed.
 * Immutable.
 */
public final class GoJsonKeys {
  /** No keys: every key is read into a new string. */
  public static final GoJsonKeys NONE = new GoJsonKeys(Set.of());

  /** The keys by their length in bytes (every key is ASCII), each with its bytes. */
  private final String[][] byLength;
  private final byte[][][] bytesByLength;

  private GoJsonKeys(Set<String> keys) {
    int longest = keys.stream().mapToInt(String::length).max().orElse(-1);
    List<List<String>> grouped = new ArrayList<>();
    for (int length = 0; length <= longest; length++) {
      grouped.add(new ArrayList<>());
    }
    keys.forEach(key -> grouped.get(key.length()).add(key));
    byLength = new String[longest + 1][];
    bytesByLength = new byte[longest + 1][][];
    for (int length = 0; length <= longest; length++) {
      List<String> group = grouped.get(length);
      byLength[length] = group.toArray(String[]::new);
      bytesByLength[length] = group.stream().map(key -> key.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }
  }

  /** Returns the keys {@code keys} and {@code more} hold between them, the ASCII ones (as every Go tag here is). */
  static GoJsonKeys of(Collection<String> keys, Collection<GoJsonKeys> more) {
    Set<String> all = new LinkedHashSet<>();
    keys.stream().filter(GoJsonKeys::isAscii).forEach(all::add);
    more.forEach(other -> other.addTo(all));
    return all.isEmpty() ? NONE : new GoJsonKeys(all);
  }

  /** Returns the key spelled by the {@code length} bytes of {@code in} from {@code start}, or null if none is. */
  String find(byte[] in, int start, int length) {
    if (length >= byLength.length) {
      return null;
    }
    byte[][] candidates = bytesByLength[length];
    for (int i = 0; i < candidates.length; i++) {
      if (Arrays.equals(candidates[i], 0, length, in, start, start + length)) {
        return byLength[length][i];
      }
    }
    return null;
  }

  private void addTo(Set<String> keys) {
    for (String[] group : byLength) {
      keys.addAll(List.of(group));
    }
  }

  private static boolean isAscii(String key) {
    return key.chars().allMatch(c -> c < 0x80);
  }
}
