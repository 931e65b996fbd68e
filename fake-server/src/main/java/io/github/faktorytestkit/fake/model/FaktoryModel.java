package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.fake.clock.FaktoryClock;
import io.github.faktorytestkit.fake.model.command.ModelSession;
import io.github.faktorytestkit.fake.session.ClientConnection;
import io.github.faktorytestkit.fake.session.ServerSession;
import java.util.Objects;

/**
 * A model of one Faktory 1.9.4 server: its data, workers, reservations and timers, driven by a clock. The
 * transport opens a {@link ServerSession} per accepted connection; tests seed and inspect it through
 * {@link #state()}. No sockets, no threads of its own: timed behaviour runs when the clock says so.
 * Thread-safe: one lock guards the whole model.
 *
 * <p>Where 1.9.4 crashes (a bare {@code PUSH}, {@code ACK}, ...), the model answers {@code -ERR internal error}
 * as 1.10.0 does; this and the other deliberate differences are listed in fake-server/KNOWN-DIFFERENCES.md.
 */
public final class FaktoryModel {
  private final ModelCore core;
  private final StateView state;

  /** Creates a fresh server with {@code settings}, keeping time with {@code clock}. */
  public FaktoryModel(ModelSettings settings, FaktoryClock clock) {
    this.core = new ModelCore(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"));
    this.state = new StateView(core);
  }

  /**
   * Returns the server side of a newly accepted connection. Its handshake deadline (2 s) starts now; when it passes
   * without a successful HELLO the model calls {@link ClientConnection#close()}.
   */
  public ServerSession openSession(ClientConnection connection) {
    return core.lock().call(() -> new ModelSession(core, Objects.requireNonNull(connection, "connection")));
  }

  /** Returns the test-facing view of this server: seeding, inspection, signals, reset. */
  public ServerState state() {
    return state;
  }

  /** Returns this server's settings. */
  public ModelSettings settings() {
    return core.settings();
  }
}
