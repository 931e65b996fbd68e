package io.github.faktorytestkit.fake.transport;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TLS 1.2 session tickets of one server, sealed as Go's {@code Config.encryptTicket} seals them: a random IV,
 * the state under AES-CTR, then an HMAC-SHA256 of both, with keys drawn at random when the server's credentials are
 * read (as Go's per-config keys are). Opaque to clients; only this server opens them. Thread-safe.
 */
final class SessionTickets {
  private static final int KEY = 16;
  private static final int IV = 16;
  private static final int MAC = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec aesKey;
  private final SecretKeySpec hmacKey;

  private SessionTickets(byte[] aesKey, byte[] hmacKey) {
    this.aesKey = new SecretKeySpec(aesKey, "AES");
    this.hmacKey = new SecretKeySpec(hmacKey, "HmacSHA256");
  }

  /** Tickets under fresh random keys. */
  static SessionTickets random() {
    return new SessionTickets(randomBytes(KEY), randomBytes(KEY));
  }

  /** Returns the ticket holding {@code state}. */
  byte[] seal(TicketState state) {
    byte[] plaintext = state.bytes();
    byte[] ticket = new byte[IV + plaintext.length + MAC];
    System.arraycopy(randomBytes(IV), 0, ticket, 0, IV);
    byte[] ciphertext = ctr(ticket, plaintext);
    System.arraycopy(ciphertext, 0, ticket, IV, ciphertext.length);
    System.arraycopy(mac(ticket, IV + ciphertext.length), 0, ticket, IV + ciphertext.length, MAC);
    return ticket;
  }

  /** Returns the state of a ticket {@link #seal} made, or empty for any other bytes (as Go's decryptTicket). */
  Optional<TicketState> open(byte[] ticket) {
    if (ticket.length < IV + MAC) {
      return Optional.empty();
    }
    int macAt = ticket.length - MAC;
    if (!MessageDigest.isEqual(mac(ticket, macAt), Arrays.copyOfRange(ticket, macAt, ticket.length))) {
      return Optional.empty();
    }
    return TicketState.parse(ctr(ticket, Arrays.copyOfRange(ticket, IV, macAt)));
  }

  /** AES-CTR of {@code input} under the IV that opens {@code ticket}. */
  private byte[] ctr(byte[] ticket, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(ticket, 0, IV));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR: unavailable in this JDK", e);
    }
  }

  private byte[] mac(byte[] ticket, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hmacKey);
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
}
