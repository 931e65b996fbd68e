package io.github.faktorytestkit.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Faktory's handshake password hash: SHA-256 of {@code password + salt}, then SHA-256 of the raw digest
 * {@code iterations - 1} more times, as lowercase hex.
 *
 * <p>Protocol v2 clients use the {@code i} the server sent in HI; a client announcing {@code "v" < 2} is checked
 * with one iteration (the legacy hash).
 */
public final class PasswordHash {
  private PasswordHash() {}

  /**
   * Returns the hex hash of {@code password} with {@code salt} over {@code iterations} SHA-256 applications.
   *
   * @throws IllegalArgumentException when {@code iterations < 1}
   */
  public static String compute(String password, String salt, int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations: " + iterations + " (expected: >= 1)");
    }
    MessageDigest sha256 = sha256();
    byte[] digest = sha256.digest((password + salt).getBytes(StandardCharsets.UTF_8));
    for (int i = 1; i < iterations; i++) {
      digest = sha256.digest(digest);
    }
    return HexFormat.of().formatHex(digest);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
