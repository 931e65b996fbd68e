package io.github.faktorytestkit.client.internal;

import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's write and read timeouts. A blocking socket has no write timeout (Java exposes no SO_SNDTIMEO), so a
 * server that stops reading would block a write for ever once the send buffers fill; and a socket read time-out
 * (SO_TIMEOUT) makes every read a non-blocking read, a {@code poll} and a second read, three system calls where a
 * blocking read takes one. So before each write, and before waiting for each reply, the connection arms its
 * watchdog; if the operation has not finished when the time runs out, one shared daemon thread closes the TCP
 * socket, which makes the blocked write or read fail at once.
 *
 * <p>Arming costs two atomic writes, not a timer task per operation: a connection has at most one task on the
 * shared timer, due no later than the operation in progress, which, when it runs, closes the socket if that
 * operation is overdue, waits on for one armed since, or retires when none is in progress. (A task per write
 * cost a sixth of the client's time under Go's {@code load} workload, most of it waking the timer thread.)
 *
 * <p>It closes the TCP socket under a TLS socket, not the TLS socket itself: closing an {@code SSLSocket} waits for
 * the lock its blocked writer holds. NIO with a selector would avoid the timer thread but needs an {@code SSLEngine}
 * for TLS, a much larger piece of code than one timer task per connection.
 */
final class IoWatchdog {
  private static final ScheduledThreadPoolExecutor TIMER = timer();
  /** {@link #deadline} when no operation is in progress, and {@link #wakeAt} when no check is pending. */
  private static final long IDLE = Long.MIN_VALUE;
  /** {@link #deadline} once the watchdog closed the socket. */
  private static final long EXPIRED = Long.MIN_VALUE + 1;

  private final Socket tcp;
  /** When the operation in progress is overdue ({@link System#nanoTime()}), or {@link #IDLE} or {@link #EXPIRED}. */
  private final AtomicLong deadline = new AtomicLong(IDLE);
  /** When the pending check runs, or {@link #IDLE}; a check scheduled for another time has been superseded. */
  private volatile long wakeAt = IDLE;

  private IoWatchdog(Socket tcp) {
    this.tcp = tcp;
  }

  /** Returns the watchdog of the connection over {@code tcp}, with no operation in progress. */
  static IoWatchdog watching(Socket tcp) {
    return new IoWatchdog(tcp);
  }

  /** Starts an operation that must end within {@code limit}; the connection does one at a time. */
  void arm(Duration limit) {
    long due = System.nanoTime() + limit.toNanos();
    deadline.set(due);
    long wake = wakeAt;
    if (wake == IDLE || due - wake < 0) {   // no check pending, or only one after this deadline
      synchronized (this) {
        watch(due);
      }
    }
  }

  /** Ends the operation; returns false when the watchdog fired first (the socket is then closed). */
  boolean disarm() {
    return deadline.getAndSet(IDLE) != EXPIRED;
  }

  /** Schedules a check at {@code due} unless one runs by then; the caller holds this object's lock. */
  private void watch(long due) {
    long wake = wakeAt;
    if (wake == IDLE || due - wake < 0) {
      wakeAt = due;
      TIMER.schedule(() -> check(due), Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
  }

  /**
   * On the timer thread: closes the socket under an overdue operation, watches one that is not due yet, or retires
   * when none is in progress. {@link #wakeAt} is cleared before {@link #deadline} is read, and an arm writes the
   * deadline before it reads {@code wakeAt}, so an operation armed meanwhile is seen by one of the two.
   */
  private synchronized void check(long scheduledFor) {
    if (wakeAt != scheduledFor) {
      return;
    }
    wakeAt = IDLE;
    while (true) {
      long due = deadline.get();
      if (due == IDLE || due == EXPIRED) {
        return;
      }
      if (due - System.nanoTime() > 0) {
        watch(due);
        return;
      }
      if (deadline.compareAndSet(due, EXPIRED)) {
        Sockets.closeQuietly(tcp);
        return;
      }
    }
  }

  private static ScheduledThreadPoolExecutor timer() {
    return new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "faktory-client-io-watchdog");
      thread.setDaemon(true);
      return thread;
    });
  }
}
