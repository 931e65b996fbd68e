package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.clock.FaktoryClock;
import io.github.faktorytestkit.fake.session.ClientConnection;
import io.github.faktorytestkit.protocol.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The worker registry (the real server's heartbeats map): consumers register by wid at HELLO, BEAT keeps them
 * alive, and one silent for more than 60 s is removed with all its connections closed. The real reaper runs every
 * 15 s; the fake removes the worker right after the 60 s. Confined to the model lock.
 */
public final class Workers {
  static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, Worker> byWid = new LinkedHashMap<>();
  private long reaped;
  private final ModelCore core;

  Workers(ModelCore core) {
    this.core = core;
  }

  /**
   * Registers {@code connection} under the wid of {@code hello}; the first connection of a wid creates the worker
   * record and gets it back. Later connections with the same wid get null: their own state stays running (a
   * real-server quirk the model keeps). The registry closes {@code connection} when the worker stops beating.
   */
  public Worker register(Hello hello, ClientConnection connection) {
    Worker worker = byWid.get(hello.wid());
    Worker created = null;
    if (worker == null) {
      worker = created = new Worker(hello, core.now());
      byWid.put(hello.wid(), worker);
      scheduleReap(worker);
    }
    worker.connections.add(connection);
    return created;
  }

  /** Records a BEAT; returns the worker's state after it, or null when the wid is unknown. */
  public WorkerState beat(String wid, String currentState, long rssKb) {
    Worker worker = byWid.get(wid);
    if (worker == null) {
      return null;
    }
    worker.rssKb = rssKb;
    worker.lastHeartbeat = core.now();
    if (!currentState.isEmpty()) {
      worker.state = worker.state.signal(WorkerState.fromCurrentState(currentState));
    }
    scheduleReap(worker);
    return worker.state;
  }

  /** Signals {@code state} to the worker {@code wid}, or to every worker for "all", as the Web UI does. */
  void signal(String wid, WorkerState state) {
    for (Worker worker : byWid.values()) {
      if (wid.equals("all") || wid.equals(worker.hello.wid())) {
        worker.state = worker.state.signal(state);
      }
    }
  }

  /** Forgets a closed connection; a worker whose last connection closed is dropped. */
  public void removeConnection(ClientConnection connection, String wid) {
    Worker worker = byWid.get(wid);
    if (worker != null) {
      worker.connections.remove(connection);
      if (worker.connections.isEmpty()) {
        byWid.remove(wid);
        worker.reaper.cancel();
      }
    }
  }

  /** Returns the registered workers, in registration order. */
  List<Worker> all() {
    return List.copyOf(byWid.values());
  }

  /** Returns how many workers are registered. */
  int size() {
    return byWid.size();
  }

  /** Returns how many workers were reaped for not beating. */
  long reaped() {
    return reaped;
  }

  /** Zeroes the statistics; registered workers stay. */
  void reset() {
    reaped = 0;
  }

  private void scheduleReap(Worker worker) {
    if (worker.reaper != null) {
      worker.reaper.cancel();
    }
    worker.reaper = core.at(worker.lastHeartbeat.plus(HEARTBEAT_TIMEOUT).plusNanos(1), () -> reap(worker));
  }

  private void reap(Worker worker) {
    if (byWid.get(worker.hello.wid()) != worker) {
      return;
    }
    byWid.remove(worker.hello.wid());
    reaped++;
    worker.connections.forEach(ClientConnection::close);
  }

  /** One registered worker: what its first connection said in HELLO, and what BEAT and signals changed since. */
  public static final class Worker {
    final Hello hello;
    final Instant startedAt;
    final Set<ClientConnection> connections = new LinkedHashSet<>();
    Instant lastHeartbeat;
    long rssKb;
    WorkerState state = WorkerState.RUNNING;
    FaktoryClock.Cancellable reaper;

    Worker(Hello hello, Instant now) {
      this.hello = hello;
      this.startedAt = now;
      this.lastHeartbeat = now;
      this.rssKb = hello.rssKb();
    }

    /** Returns the worker's state: running, quiet or terminate. */
    public WorkerState state() {
      return state;
    }
  }
}
