package io.github.faktorytestkit.fake.transport;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * Go's session tickets over TLS 1.3 ({@code handshake_server_tls13.go}), sealed by the server's
 * {@link SessionTickets}. After the server's Finished of a handshake whose client offers {@code psk_dhe_ke}, one
 * NewSessionTicket ({@code sendSessionTicket}): a lifetime of 7 days, a random {@code ticket_age_add}, an empty nonce
 * (Go sends one ticket per connection), the session's state sealed ({@link TicketState#tls13}), no extensions. On a
 * client hello offering {@code psk_dhe_ke}, {@code checkForResumption} takes the first of its first five identities
 * whose ticket opens to a TLS 1.3 session not older than 7 days, of a suite of the same hash as the suite chosen now.
 * Thread-safe.
 */
final class GoTls13Tickets {
  /** Go's {@code maxClientPSKIdentities}: the identities after these are not looked at. */
  static final int MAX_IDENTITIES = 5;
  private static final int NEW_SESSION_TICKET = 4;
  private static final int PSK_DHE = 1;
  private static final int FIELDS = 4 + 4 + 1 + 2 + 2;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SessionTickets tickets;

  GoTls13Tickets(SessionTickets tickets) {
    this.tickets = tickets;
  }

  /** A ticket's session Go resumes: the identity's index in the hello, and the session. */
  record Resumable(int index, TicketState state) {}

  /** Whether the client of {@code hello} offers {@code psk_dhe_ke}, the one PSK mode Go takes and sends tickets for. */
  static boolean offersPskDhe(ClientHelloMessage hello) {
    for (byte mode : hello.pskModes) {
      if (mode == PSK_DHE) {
        return true;
      }
    }
    return false;
  }

  /** The NewSessionTicket message (type, length, body) of a session of {@code suite} resumed with {@code psk}. */
  byte[] newSessionTicket(int suite, byte[] psk, Instant now) {
    byte[] ticket = tickets.seal(TicketState.tls13(suite, now.getEpochSecond(), psk));
    int length = FIELDS + ticket.length;
    return ByteBuffer.allocate(4 + length).putInt(NEW_SESSION_TICKET << 24 | length)
        .putInt((int) TicketState.MAX_LIFETIME.toSeconds()).putInt(RANDOM.nextInt()).put((byte) 0)
        .putShort((short) ticket.length).put(ticket).putShort((short) 0).array();
  }

  /**
   * Whether Go's {@code checkForResumption} finds a ticket's session to resume for {@code hello} at {@code now} (and
   * then checks its binder), so that it picks no certificate.
   */
  boolean offersResumable(ClientHelloMessage hello, Instant now) {
    int suite = suite(hello);
    return suite >= 0 && offersPskDhe(hello) && resumable(hello, suite, now).isPresent();
  }

  /** The TLS 1.3 suite Go picks for {@code hello}: the first of its order the client offers; -1 for none or TLS 1.2. */
  static int suite(ClientHelloMessage hello) {
    if (!GoNamedGroups.tls13(hello)) {
      return -1;
    }
    for (int suite : GoCipherSuites.order(GoCipherSuites.aesGcmPreferred(hello.cipherSuites))) {
      if (Tls13KeySchedule.hashOf(suite) >= 0 && hello.cipherSuites.contains(suite)) {
        return suite;
      }
    }
    return -1;
  }

  /**
   * The session Go resumes for {@code hello}, which offers {@code psk_dhe_ke}, with the server choosing
   * {@code suite} at {@code now}; empty for a full handshake (Go's binder check follows: {@link Tls13KeySchedule}).
   */
  Optional<Resumable> resumable(ClientHelloMessage hello, int suite, Instant now) {
    int hash = Tls13KeySchedule.hashOf(suite);
    for (int i = 0; i < Math.min(MAX_IDENTITIES, hello.pskIdentities.size()); i++) {
      Optional<TicketState> state = tickets.open(hello.pskIdentities.get(i).label())
          .filter(session -> session.version() == TicketState.TLS13 && session.freshAt(now)
              && Tls13KeySchedule.hashOf(session.cipherSuite()) == hash);
      if (state.isPresent()) {
        return Optional.of(new Resumable(i, state.get()));
      }
    }
    return Optional.empty();
  }
}
