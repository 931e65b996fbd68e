package io.github.faktorytestkit.fake.state;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
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

  ClientData(Fields hello) {
    this.hostname = hello.string("hostname");
    this.wid = hello.string("wid");
    this.passwordHash = hello.string("pwdhash");
    List<String> labels = hello.list("labels");
    this.labels = labels == null ? null : List.copyOf(labels);
    this.pid = hello.integer("pid");
    this.version = hello.integer("v");
    this.rssKb = hello.integer("rss_kb");
  }

  boolean isConsumer() {
    return !wid.isEmpty();
  }
}
