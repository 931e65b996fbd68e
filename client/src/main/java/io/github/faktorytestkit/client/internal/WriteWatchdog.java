package io.github.faktorytestkit.client.internal;

import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's write timeout. A blocking socket has none (Java exposes no SO_SNDTIMEO), so a server that stops
 * reading would block a write for ever once the send buffers fill. Before each write the connection arms this
 * watchdog; if the write has not finished when the time runs out, one shared daemon thread closes the TCP socket,
 * which makes the blocked write fail at once.
 *
 * <p>It closes the TCP socket under a TLS socket, not the TLS socket itself: closing an {@code SSLSocket} waits for
 * the lock its blocked writer holds. NIO with a selector would avoid the timer thread but needs an {@code SSLEngine}
 * for TLS, a much larger piece of code than one timer task per write.
 */
final class WriteWatchdog {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private WriteWatchdog() {}

  /** Returns an armed watchdog that closes {@code tcp} unless {@link Armed#disarm()} is called within {@code limit}. */
  static Armed arm(Socket tcp, Duration limit) {
    return new Armed(tcp, limit);
  }

  /** One armed write. */
  static final class Armed {
    private static final int WRITING = 0;
    private static final int DONE = 1;
    private static final int EXPIRED = 2;

    private final AtomicInteger state = new AtomicInteger(WRITING);
    private final ScheduledFuture<?> expiry;

    private Armed(Socket tcp, Duration limit) {
      this.expiry = TIMER.schedule(() -> {
        if (state.compareAndSet(WRITING, EXPIRED)) {
          Sockets.closeQuietly(tcp);
        }
      }, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the watchdog; returns false when it fired first (the socket is then closed). */
    boolean disarm() {
      expiry.cancel(false);
      return state.compareAndSet(WRITING, DONE);
    }
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "faktory-client-write-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
