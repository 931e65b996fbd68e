package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SessionTicketsTest {
  private static final long CREATED = 1_700_000_000L;
  private static final TicketState STATE = TicketState.tls12(0xc02b, CREATED, filled(48, 7), true, 0x1d);

  @Test
  void aTicketOpensToItsSessionOnTheServerThatSealedIt() {
    SessionTickets tickets = SessionTickets.random();
    TicketState opened = tickets.open(tickets.seal(STATE)).orElseThrow();
    assertThat(opened.bytes()).isEqualTo(STATE.bytes());
    assertThat(opened.secret()).isEqualTo(STATE.secret());
  }

  @Test
  void aTicketIsGosLengthAndNotTheSameTwice() {
    SessionTickets tickets = SessionTickets.random();
    byte[] first = tickets.seal(STATE);
    assertThat(first).hasSize(16 + 75 + 32); // IV, Go's TLS 1.2 session state, HMAC-SHA256
    assertThat(tickets.seal(STATE)).isNotEqualTo(first);
  }

  @Test
  void aTls13TicketHoldsGosTls13StateWithoutAGroup() {
    SessionTickets tickets = SessionTickets.random();
    TicketState state = TicketState.tls13(0x1301, CREATED, filled(32, 5));
    byte[] ticket = tickets.seal(state);
    assertThat(ticket).hasSize(16 + 57 + 32); // IV, Go's TLS 1.3 session state, HMAC-SHA256
    TicketState opened = tickets.open(ticket).orElseThrow();
    assertThat(opened.bytes()).isEqualTo(state.bytes());
    assertThat(opened.version()).isEqualTo(0x0304);
    assertThat(opened.secret()).isEqualTo(state.secret());
  }

  @Test
  void anotherServersOrAChangedTicketDoesNotOpen() {
    SessionTickets tickets = SessionTickets.random();
    byte[] ticket = tickets.seal(STATE);
    byte[] changed = ticket.clone();
    changed[20] ^= 1;
    assertThat(SessionTickets.random().open(ticket)).isEmpty();
    assertThat(tickets.open(changed)).isEmpty();
    assertThat(tickets.open(Arrays.copyOf(ticket, 47))).isEmpty();
    assertThat(tickets.open(new byte[0])).isEmpty();
  }

  /**
   * Go's keys (no key configured): a new one each day, at the next ticket sealed or opened, the older ones opening
   * tickets until a rotation finds them seven days old.
   */
  @Test
  void keysRotateDailyAndOpenTicketsUntilARotationFindsThemAWeekOld() {
    Instant start = Instant.ofEpochSecond(CREATED);
    MovableClock clock = new MovableClock(start);
    SessionTickets tickets = new SessionTickets(clock);
    byte[] first = tickets.seal(STATE);

    clock.now = start.plus(SessionTickets.LIFETIME).minusSeconds(1); // a rotation: the first key is kept
    byte[] second = tickets.seal(STATE);
    assertThat(tickets.open(first)).isPresent();

    clock.now = start.plus(SessionTickets.LIFETIME).plusSeconds(1); // the newest key is 2 s old: no rotation
    assertThat(tickets.open(first)).isPresent();

    clock.now = start.plus(SessionTickets.LIFETIME).minusSeconds(1).plus(SessionTickets.ROTATION);
    assertThat(tickets.open(first)).isEmpty(); // the rotation dropped the week-old key
    assertThat(tickets.open(second)).isPresent();
  }

  @Test
  void aSessionIsResumedForSevenDays() {
    Instant created = Instant.ofEpochSecond(CREATED);
    assertThat(STATE.freshAt(created.plus(TicketState.MAX_LIFETIME))).isTrue();
    assertThat(STATE.freshAt(created.plus(TicketState.MAX_LIFETIME).plusSeconds(1))).isFalse();
  }

  @Test
  void onlyTheStateItWroteIsRead() {
    byte[] bytes = STATE.bytes();
    byte[] client = bytes.clone();
    client[2] = 2;
    assertThat(TicketState.parse(client)).isEmpty();
    assertThat(TicketState.parse(Arrays.copyOf(bytes, bytes.length - 1))).isEmpty();
    assertThat(TicketState.parse(bytes)).get().extracting(TicketState::group).isEqualTo(0x1d);
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  /** A clock a test moves. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
