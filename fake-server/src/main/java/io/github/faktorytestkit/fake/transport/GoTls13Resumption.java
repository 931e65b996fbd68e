package io.github.faktorytestkit.fake.transport;

import java.io.IOException;
import java.time.Instant;
import java.util.Hashtable;
import java.util.Optional;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsPSKExternal;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * The TLS 1.3 session tickets of one connection whose first client hello is {@code hello}, as Go's server handles
 * them ({@link GoTls13Tickets}), on BouncyCastle's TLS protocol: the session a client hello's ticket resumes, given to
 * the protocol as an external PSK ({@link BouncyCastlePsk}), and Go's NewSessionTicket after the server's Finished.
 * Go looks at a client hello's tickets once it is the one it answers with a server hello: not a first hello it
 * answers with a HelloRetryRequest.
 */
final class GoTls13Resumption {
  private static final int FINISHED = 20;

  private final ClientHelloMessage hello;
  private final GoTls13Tickets tickets;
  private final TlsCrypto crypto;
  private TlsPSKExternal psk;

  GoTls13Resumption(ClientHelloMessage hello, GoTls13Tickets tickets, TlsCrypto crypto) {
    this.hello = hello;
    this.tickets = tickets;
    this.crypto = crypto;
  }

  /**
   * Go's {@code checkForResumption} of a client hello: {@code offered}, read by Go's rules, whose extensions as the
   * protocol read them are {@code extensions}, the last message of {@code transcript}; {@code retried} when it is
   * the second hello, after a HelloRetryRequest. The {@code pre_shared_key} extension is hidden from the protocol
   * unless Go resumes a session (or refuses the ticket's binder).
   */
  void checkForResumption(Hashtable<?, ?> extensions, ClientHelloMessage offered, Tls13Transcript transcript,
      boolean retried) throws IOException {
    int suite = GoTls13Tickets.suite(hello);
    boolean retryComing = !retried && GoNamedGroups.tls13Group(hello).filter(hello.keyShares::containsKey).isEmpty();
    Optional<GoTls13Tickets.Resumable> session = suite < 0 || retryComing || !GoTls13Tickets.offersPskDhe(offered)
        ? Optional.empty() : tickets.resumable(offered, suite, Instant.now());
    psk = null;
    if (session.isEmpty()) {
      BouncyCastlePsk.hide(extensions);
      return;
    }
    psk = BouncyCastlePsk.resume(extensions, offered, session.get(), Tls13KeySchedule.of(crypto, suite), transcript,
        crypto);
  }

  /** The external PSK of the session resumed, for the protocol; null for a full handshake. */
  TlsPSKExternal psk() {
    return psk;
  }

  /**
   * Go's NewSessionTicket after the server's Finished (null when the client offers no {@code psk_dhe_ke}): its PSK
   * from the handshake's master secret and {@code transcript} (up to the server's Finished) with the client's
   * Finished, as Go computes that Finished before the client sends it.
   */
  byte[] newSessionTicket(SecurityParameters parameters, Tls13Transcript transcript) throws IOException {
    if (!GoTls13Tickets.offersPskDhe(hello)) {
      return null;
    }
    Tls13KeySchedule schedule = Tls13KeySchedule.of(crypto, parameters.getCipherSuite());
    byte[] verifyData = schedule.finished(parameters.getBaseKeyClient(), transcript.hash(schedule, 0));
    byte[] finished = GoRecordReader.concat(new byte[] {FINISHED, 0, 0, (byte) verifyData.length}, verifyData);
    byte[] resumptionPsk = schedule.resumptionPsk(parameters.getMasterSecret(), transcript.hashWith(schedule, finished));
    return tickets.newSessionTicket(parameters.getCipherSuite(), resumptionPsk, Instant.now());
  }
}
