package io.github.faktorytestkit.fake.state;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a connection said in HELLO, and for the connection that first registered a wid, the worker record BEAT
 * updates. Later connections with the same wid keep their own copy, whose state stays running (a real-server
 * quirk the model keeps). Confined to the model lock.
 */
final class ClientData {
  final String hostname;
  final String wid;
  final String passwordHash;
  final List<String> labels;
  final long pid;
  final long version;
  long rssKb;
  Instant startedAt;
  Instant lastHeartbeat;
  WorkerState state = WorkerState.RUNNING;
  final Set<Session> connections = new LinkedHashSet<>();
  FaktoryClock.Cancellable reaper;

  @SuppressWarnings("unchecked")
  ClientData(Map<String, Object> hello) {
    this.hostname = (String) hello.getOrDefault("hostname", "");
    this.wid = (String) hello.getOrDefault("wid", "");
    this.passwordHash = (String) hello.getOrDefault("pwdhash", "");
    List<String> labels = (List<String>) hello.get("labels");
    this.labels = labels == null ? null : List.copyOf(labels);
    this.pid = (Long) hello.getOrDefault("pid", 0L);
    this.version = (Long) hello.getOrDefault("v", 0L);
    this.rssKb = (Long) hello.getOrDefault("rss_kb", 0L);
  }

  boolean isConsumer() {
    return !wid.isEmpty();
  }
}
