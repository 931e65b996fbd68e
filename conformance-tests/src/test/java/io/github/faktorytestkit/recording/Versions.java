package io.github.faktorytestkit.recording;

import java.util.Comparator;

/** Orders dotted release numbers numerically (1.9.4 before 1.10.0). */
final class Versions {
  static final Comparator<String> ORDER = Versions::compare;

  private Versions() {}

  static int compare(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      int l = i < left.length ? Integer.parseInt(left[i]) : 0;
      int r = i < right.length ? Integer.parseInt(right[i]) : 0;
      if (l != r) {
        return Integer.compare(l, r);
      }
    }
    return 0;
  }
}
