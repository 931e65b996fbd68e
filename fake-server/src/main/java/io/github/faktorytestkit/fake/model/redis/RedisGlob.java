package io.github.faktorytestkit.fake.model.redis;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;

/**
 * Redis's glob matching ({@code SCAN ... MATCH pattern}), which Faktory's MUTATE uses for its "regexp" filter:
 * {@code *}, {@code ?}, {@code [set]} with {@code ^} negation and {@code a-z} ranges, and {@code \} escapes,
 * matched byte by byte over the strings' bytes ({@link GoUtf8#encode}), case-sensitively, with Redis's own corner cases. Thread-safe.
 */
public final class RedisGlob {
  private final byte[] p;
  private final byte[] s;
  private boolean skipLongerMatches;

  private RedisGlob(byte[] pattern, byte[] subject) {
    this.p = pattern;
    this.s = subject;
  }

  /** Returns whether {@code subject} matches {@code pattern} in full. */
  public static boolean matches(String pattern, String subject) {
    return new RedisGlob(GoUtf8.encode(pattern), GoUtf8.encode(subject)).match(0, 0);
  }

  private boolean match(int pi, int si) {
    while (pi < p.length && si < s.length) {
      switch (p[pi]) {
        case '*':
          return star(pi, si);
        case '?':
          si++;
          break;
        case '[':
          pi = matchSet(pi, s[si]);
          if (pi < 0) {
            return false;
          }
          si++;
          break;
        default:
          if (p[pi] == '\\' && pi + 1 < p.length) {
            pi++;
          }
          if (p[pi] != s[si]) {
            return false;
          }
          si++;
      }
      pi++;
      if (si == s.length) {
        while (pi < p.length && p[pi] == '*') {
          pi++;
        }
      }
    }
    return pi == p.length && si == s.length;
  }

  private boolean star(int pi, int si) {
    while (pi + 1 < p.length && p[pi + 1] == '*') {
      pi++;
    }
    if (pi + 1 == p.length) {
      return true;
    }
    for (int start = si; start < s.length; start++) {
      if (match(pi + 1, start)) {
        return true;
      }
      if (skipLongerMatches) {
        return false;
      }
    }
    skipLongerMatches = true;
    return false;
  }

  /** Matches one byte against the set opening at {@code p[start]}; returns the index of its end, or -1. */
  private int matchSet(int start, byte c) {
    int i = start + 1;
    boolean negate = i < p.length && p[i] == '^';
    if (negate) {
      i++;
    }
    boolean matched = false;
    while (true) {
      if (i + 1 < p.length && p[i] == '\\') {
        i++;
        matched |= p[i] == c;
      } else if (i < p.length && p[i] == ']') {
        break;
      } else if (i >= p.length) {
        i--;
        break;
      } else if (i + 2 < p.length && p[i + 1] == '-') {
        // C compares plain (signed) chars here
        int low = Math.min(p[i], p[i + 2]);
        int high = Math.max(p[i], p[i + 2]);
        matched |= c >= low && c <= high;
        i += 2;
      } else {
        matched |= p[i] == c;
      }
      i++;
    }
    return matched != negate ? i : -1;
  }
}
