package io.github.faktorytestkit.fake.transport;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The session tickets of one server, sealed as Go's {@code Config.encryptTicket} seals them: a random IV, the state
 * under AES-CTR, then an HMAC-SHA256 of both, under keys Go's way ({@code Config.ticketKeys}, no keys configured): a
 * key is 32 random bytes whose SHA-512 gives its AES and HMAC keys, the first made at the first ticket, a new one
 * made when the newest is a day old (at the next seal or open), each kept for seven days to open tickets with, on
 * the real clock (as Go's {@code Config.Time}, unset by Faktory). Opaque to clients; only this server opens them.
 * Thread-safe.
 */
final class SessionTickets {
  /** How long after it was made a key gives way to a new one, Go's {@code ticketKeyRotation}. */
  static final Duration ROTATION = Duration.ofHours(24);
  /** How long after it was made a key still opens tickets, Go's {@code ticketKeyLifetime}. */
  static final Duration LIFETIME = Duration.ofDays(7);
  private static final int KEY = 16;
  private static final int IV = 16;
  private static final int MAC = 32;
  private static final int KEY_SEED = 32;
  /** The bytes of a key's SHA-512 before its AES key: Go's legacy key name, not a secret. */
  private static final int LEGACY_NAME = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  /** The keys, newest first; guarded by this. */
  private List<TicketKey> keys = List.of();

  SessionTickets(Clock clock) {
    this.clock = clock;
  }

  /** Tickets under keys drawn at random and rotated on the system clock. */
  static SessionTickets random() {
    return new SessionTickets(Clock.systemUTC());
  }

  /** Returns the ticket holding {@code state}. */
  byte[] seal(TicketState state) {
    TicketKey key = keys().get(0);
    byte[] plaintext = state.bytes();
    byte[] ticket = new byte[IV + plaintext.length + MAC];
    System.arraycopy(randomBytes(IV), 0, ticket, 0, IV);
    byte[] ciphertext = ctr(key, ticket, plaintext);
    System.arraycopy(ciphertext, 0, ticket, IV, ciphertext.length);
    System.arraycopy(mac(key, ticket, IV + ciphertext.length), 0, ticket, IV + ciphertext.length, MAC);
    return ticket;
  }

  /** Returns the state of a ticket {@link #seal} made, or empty for any other bytes (as Go's decryptTicket). */
  Optional<TicketState> open(byte[] ticket) {
    if (ticket.length < IV + MAC) {
      return Optional.empty();
    }
    int macAt = ticket.length - MAC;
    byte[] tag = Arrays.copyOfRange(ticket, macAt, ticket.length);
    for (TicketKey key : keys()) {
      if (MessageDigest.isEqual(mac(key, ticket, macAt), tag)) {
        return TicketState.parse(ctr(key, ticket, Arrays.copyOfRange(ticket, IV, macAt)));
      }
    }
    return Optional.empty();
  }

  /** Returns the keys, newest first, after a rotation when the newest is a day old (or there is none yet). */
  private synchronized List<TicketKey> keys() {
    Instant now = clock.instant();
    if (keys.isEmpty() || !now.isBefore(keys.get(0).created().plus(ROTATION))) {
      List<TicketKey> valid = new ArrayList<>();
      valid.add(TicketKey.of(randomBytes(KEY_SEED), now));
      keys.stream().filter(key -> now.isBefore(key.created().plus(LIFETIME))).forEach(valid::add);
      keys = List.copyOf(valid);
    }
    return keys;
  }

  /** AES-CTR of {@code input} under {@code key} and the IV that opens {@code ticket}. */
  private static byte[] ctr(TicketKey key, byte[] ticket, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.aes(), new IvParameterSpec(ticket, 0, IV));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR: unavailable in this JDK", e);
    }
  }

  private static byte[] mac(TicketKey key, byte[] ticket, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key.hmac());
      mac.update(ticket, 0, length);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256: unavailable in this JDK", e);
    }
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** One ticket key: its AES and HMAC keys and when it was made. */
  private record TicketKey(SecretKeySpec aes, SecretKeySpec hmac, Instant created) {
    /** The key of {@code seed} as Go's {@code ticketKeyFromBytes} makes it: from the seed's SHA-512. */
    static TicketKey of(byte[] seed, Instant created) {
      try {
        byte[] hashed = MessageDigest.getInstance("SHA-512").digest(seed);
        return new TicketKey(new SecretKeySpec(hashed, LEGACY_NAME, KEY, "AES"),
            new SecretKeySpec(hashed, LEGACY_NAME + KEY, KEY, "HmacSHA256"), created);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-512: unavailable in this JDK", e);
      }
    }
  }
}
