package io.github.faktorytestkit.fake.state;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worker registry (the real server's heartbeats map): consumers register by wid at HELLO, BEAT keeps them
 * alive, and one silent for more than 60 s is removed with all its connections closed. The real reaper runs every
 * 15 s; the fake removes the worker right after the 60 s. Confined to the model lock.
 */
final class Workers {
  static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(60);

  final Map<String, ClientData> byWid = new LinkedHashMap<>();
  long reaped;
  private final ModelCore core;

  Workers(ModelCore core) {
    this.core = core;
  }

  /** Registers {@code session} under its wid; the first client of a wid becomes the worker record. */
  void register(ClientData client, Session session) {
    ClientData entry = byWid.get(client.wid);
    if (entry == null) {
      entry = client;
      entry.startedAt = core.now();
      entry.lastHeartbeat = core.now();
      byWid.put(client.wid, entry);
      scheduleReap(entry);
    }
    entry.connections.add(session);
  }

  /** Records a BEAT; returns the worker, or null when the wid is unknown. */
  ClientData beat(String wid, String currentState, long rssKb) {
    ClientData entry = byWid.get(wid);
    if (entry == null) {
      return null;
    }
    entry.rssKb = rssKb;
    entry.lastHeartbeat = core.now();
    if (!currentState.isEmpty()) {
      entry.state = entry.state.signal(WorkerState.fromWire(currentState));
    }
    scheduleReap(entry);
    return entry;
  }

  /** Signals {@code state} to the worker {@code wid}, or to every worker for "all", as the Web UI does. */
  void signal(String wid, WorkerState state) {
    for (ClientData entry : byWid.values()) {
      if (wid.equals("all") || wid.equals(entry.wid)) {
        entry.state = entry.state.signal(state);
      }
    }
  }

  /** Forgets a closed connection; a worker whose last connection closed is dropped. */
  void removeConnection(Session session, String wid) {
    ClientData entry = byWid.get(wid);
    if (entry != null) {
      entry.connections.remove(session);
      if (entry.connections.isEmpty()) {
        byWid.remove(wid);
        entry.reaper.cancel();
      }
    }
  }

  private void scheduleReap(ClientData entry) {
    if (entry.reaper != null) {
      entry.reaper.cancel();
    }
    entry.reaper = core.at(entry.lastHeartbeat.plus(HEARTBEAT_TIMEOUT).plusNanos(1), () -> reap(entry));
  }

  private void reap(ClientData entry) {
    if (byWid.get(entry.wid) != entry) {
      return;
    }
    byWid.remove(entry.wid);
    reaped++;
    entry.connections.forEach(Session::closeConnection);
  }
}
