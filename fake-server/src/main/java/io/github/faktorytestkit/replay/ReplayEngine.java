package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.fake.clock.ManualClock;
import io.github.faktorytestkit.fake.session.ClientConnection;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.session.ServerSession;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.transcript.Side;
import io.github.faktorytestkit.transcript.TranscriptEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Plays the server side of a {@link ReplayScript} to any number of client connections.
 *
 * <p>Each accepted connection starts with every recorded connection not yet taken as a candidate and keeps those
 * whose frames match what it sends (those that match byte for byte, when there are such: a client sending the
 * recorded wid is the recorded connection with that wid); when one is left, the connection takes it (so clients may
 * connect in another order than recorded). Within a connection the order is the recorded one. A reply waits for its causes (client
 * frames of other connections it depends on, {@link ReplayScript}) and, with a manual clock, a timed reply or close
 * waits for the clock to pass its recorded delay; with the automatic clock it plays at once and the clock jumps to
 * its recorded offset. Thread-safe: one lock guards all state; stages complete outside it.
 */
final class ReplayEngine {
  /** How much earlier than recorded a timed event may fire on a manual clock (the recording's own jitter). */
  static final Duration TOLERANCE = Duration.ofMillis(100);

  private final ReplayScript script;
  private final Matching matching;
  private final boolean manualClock;
  private final ManualClock clock;
  private final Instant start;
  private final Executor async;
  private final Object lock = new Object();
  private final Bindings bindings = new Bindings();
  private final Map<String, Live> owners = new HashMap<>();
  private final List<Live> lives = new ArrayList<>();
  private final List<Mismatch> mismatches = new ArrayList<>();

  ReplayEngine(ReplayScript script, Matching matching, boolean manualClock, ManualClock clock, Executor async) {
    this.script = script;
    this.matching = matching;
    this.manualClock = manualClock;
    this.clock = clock;
    this.start = clock.now();
    this.async = async;
  }

  /** Opens the session of a newly accepted connection. */
  ServerSession open(ClientConnection connection) {
    synchronized (lock) {
      List<Candidate> candidates = new ArrayList<>();
      for (String name : script.connections()) {
        if (!owners.containsKey(name)) {
          candidates.add(new Candidate(name, bindings.layer()));
        }
      }
      Live live = new Live(connection, candidates, clock.now());
      lives.add(live);
      return live;
    }
  }

  /** Waits up to {@code timeout} of real time until every accepted connection is closed. */
  void awaitClientsGone(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      try {
        for (long left = timeout.toMillis(); lives.stream().anyMatch(live -> !live.closed) && left > 0;
            left = (deadline - System.nanoTime()) / 1_000_000) {
          lock.wait(left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Returns the mismatches so far, in order. */
  List<Mismatch> mismatches() {
    synchronized (lock) {
      return List.copyOf(mismatches);
    }
  }

  /**
   * Returns the recorded frames not played: per recorded connection, those after where its client got to (all of a
   * connection no client took), leaving out client frames recorded after the server closed.
   */
  List<String> unplayed() {
    synchronized (lock) {
      List<String> left = new ArrayList<>();
      for (String name : script.connections()) {
        Live owner = owners.get(name);
        int next = owner == null ? 1 : owner.candidates.get(0).next;
        boolean serverClosed = false;
        for (ReplayScript.Step step : script.steps(name).subList(next, script.steps(name).size())) {
          serverClosed |= step.closes(Side.SERVER);
          if (step.serverFrame() || step.clientFrame() && !serverClosed && !step.unterminated()) {
            left.add(name + " frame " + step.position() + ": " + step.describe()
                + (owner == null ? " (no client took this connection)" : ""));
          }
        }
      }
      return left;
    }
  }

  /** One recorded connection a client connection may be replaying, and how far it got. */
  private static final class Candidate {
    final String name;
    final Bindings layer;
    int next = 1;

    Candidate(String name, Bindings layer) {
      this.name = name;
      this.layer = layer;
    }
  }

  /** A reply waiting for its causes or its time; its frames are rewritten when it is delivered. */
  private record Pending(List<Candidate> candidates, int count, List<ReplayScript.Step> steps, Instant due,
      CompletableFuture<Outcome> stage) {}

  /** The server side of one client connection. */
  private final class Live implements ServerSession {
    final ClientConnection connection;
    List<Candidate> candidates;
    Instant lastPlayed;
    Pending pending;
    boolean closed;

    Live(ClientConnection connection, List<Candidate> candidates, Instant now) {
      this.connection = connection;
      this.candidates = candidates;
      this.lastPlayed = now;
    }

    @Override
    public Reply greeting() {
      synchronized (lock) {
        prune(this);
        if (candidates.isEmpty()) {
          return Reply.err("replay: every recorded connection is taken (the recording has "
              + script.connections().size() + ")");
        }
        Candidate first = candidates.get(0);
        ReplayScript.Step step = step(first);
        if (step == null || !step.serverFrame()) {
          return Reply.err("replay: " + first.name + " has no greeting at its start");
        }
        Replies hi = replies(List.of(step), first.layer);
        candidates = new ArrayList<>(candidates.stream().filter(candidate -> step(candidate) != null
            && step(candidate).serverFrame() && trial(candidate, List.of(step(candidate))).sameAs(hi)).toList());
        candidates.forEach(candidate -> candidate.next++);
        claimIfSingle(this);
        scheduleFollowUp(this, lastPlayed);
        return Replies.reply(step.frame().shape(), hi.contents().get(0))
            .orElseGet(() -> Reply.err("replay: the recorded greeting is not a RESP frame"));
      }
    }

    @Override
    public CompletionStage<Outcome> handle(String line) {
      Pending mine;
      synchronized (lock) {
        Outcome refused = match(this, line);
        if (refused != null) {
          return Outcome.done(refused);
        }
        mine = reply(this);
        pending = mine;
        waitForTime(mine);
      }
      pollWaiting();
      return mine.stage();
    }

    @Override
    public void closed() {
      synchronized (lock) {
        closed = true;
        pending = null;
        lock.notifyAll();
        if (candidates.size() > 1) {
          candidates = new ArrayList<>(candidates.subList(0, 1));
        }
        claimIfSingle(this);
      }
    }
  }

  /** Matches {@code line}; returns null when it matched, else the error outcome of the recorded mismatch. */
  private Outcome match(Live live, String line) {
    prune(live);
    List<Candidate> matched = new ArrayList<>();
    String difference = null;
    for (Candidate candidate : live.candidates) {
      ReplayScript.Step step = step(candidate);
      if (step == null || !step.clientFrame()) {
        difference = difference != null ? difference : step == null ? "the recorded connection had ended"
            : "expected the server's turn (" + step.describe() + "), got a client line";
        continue;
      }
      LenientMatch.Result result = FrameMatcher.match(matching, step.frame().body(), line, candidate.layer);
      if (result.matched()) {
        candidate.layer.bindAll(result.bindings());
        matched.add(candidate);
      } else if (difference == null) {
        difference = result.difference();
      }
    }
    if (matched.isEmpty()) {
      Mismatch mismatch = nearMiss(live, line, difference);
      mismatches.add(mismatch);
      return Outcome.error(mismatch.summary());
    }
    List<Candidate> exact = matched.stream().filter(candidate -> FrameMatcher.recordedLine(
        step(candidate).frame().body()).equals(line)).toList();
    live.candidates = new ArrayList<>(exact.isEmpty() ? matched : exact);
    live.candidates.forEach(candidate -> candidate.next++);
    return null;
  }

  private Mismatch nearMiss(Live live, String line, String difference) {
    Candidate first = live.candidates.isEmpty() ? null : live.candidates.get(0);
    ReplayScript.Step expected = first == null ? null : step(first);
    List<ReplayScript.Step> others = new ArrayList<>();
    for (String name : script.connections()) {
      Live owner = owners.get(name);
      int next = owner == null ? 1 : owner.candidates.get(0).next;
      script.steps(name).stream().skip(next).filter(ReplayScript.Step::clientFrame).forEach(others::add);
    }
    return NearMiss.of(first == null ? "" : first.name, live.connection.index(), expected, line,
        difference == null ? "no recorded connection is left for this client connection" : difference, others);
  }

  /** Builds the reply to the line just matched: the server frames after it, up to a timed close. */
  private Pending reply(Live live) {
    Candidate first = earliest(live.candidates);
    List<ReplayScript.Step> steps = replySteps(first);
    Replies replies = trial(first, steps);
    List<Candidate> same = new ArrayList<>(List.of(first));
    for (Candidate other : live.candidates) {
      if (other == first) {
        continue;
      }
      List<ReplayScript.Step> theirs = replySteps(other);
      if (theirs.size() == steps.size() && trial(other, theirs).sameAs(replies)) {
        same.add(other);
      }
    }
    live.candidates = same;
    claimIfSingle(live);
    Instant due = steps.isEmpty() ? live.lastPlayed : live.lastPlayed.plus(steps.get(0).gap()).minus(TOLERANCE);
    return new Pending(same, steps.size(), steps, due, new CompletableFuture<>());
  }

  /** Returns the replies {@code steps} would be for {@code candidate} now, binding nothing. */
  private Replies trial(Candidate candidate, List<ReplayScript.Step> steps) {
    return replies(steps, candidate.layer.layer());
  }

  /**
   * Returns the candidate whose last matched client frame came first in the recording: when candidates would
   * answer differently, the recorded order tells which connection the client most likely is.
   */
  private Candidate earliest(List<Candidate> candidates) {
    Candidate earliest = candidates.get(0);
    for (Candidate candidate : candidates) {
      if (lastIndex(candidate) < lastIndex(earliest)) {
        earliest = candidate;
      }
    }
    return earliest;
  }

  private int lastIndex(Candidate candidate) {
    return script.steps(candidate.name).get(candidate.next - 1).index();
  }

  /** Returns the server events after the candidate's position, up to the next client event or a timed close. */
  private List<ReplayScript.Step> replySteps(Candidate candidate) {
    List<ReplayScript.Step> steps = new ArrayList<>();
    List<ReplayScript.Step> all = script.steps(candidate.name);
    for (int i = candidate.next; i < all.size(); i++) {
      ReplayScript.Step step = all.get(i);
      boolean timedClose = step.closes(Side.SERVER) && step.timed() && !steps.isEmpty();
      if (!(step.serverFrame() || step.closes(Side.SERVER)) || timedClose) {
        break;
      }
      steps.add(step);
      if (step.closes(Side.SERVER)) {
        break;
      }
    }
    return steps;
  }

  private Replies replies(List<ReplayScript.Step> steps, Bindings bindings) {
    List<TranscriptEvent.Frame> frames = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    boolean closes = false;
    for (ReplayScript.Step step : steps) {
      if (step.serverFrame()) {
        frames.add(step.frame());
        contents.add(matching == Matching.STRICT ? step.frame().body().bytes()
            : Rewrite.bytes(step.frame().body(), bindings));
      }
      closes |= step.closes(Side.SERVER);
    }
    return new Replies(frames, contents, closes);
  }

  private boolean deliverable(Pending pending) {
    for (ReplayScript.Step step : pending.steps()) {
      for (int cause : step.causes()) {
        if (!played(cause)) {
          return false;
        }
      }
    }
    boolean timed = !pending.steps().isEmpty() && pending.steps().get(0).timed();
    return !manualClock || !timed || !clock.now().isBefore(pending.due());
  }

  /** Returns whether the client frame at transcript index {@code index} has been received. */
  private boolean played(int index) {
    ReplayScript.Step step = script.step(index);
    int local = script.steps(step.event().connection()).indexOf(step);
    for (Live live : lives) {
      for (Candidate candidate : live.candidates) {
        if (candidate.name.equals(step.event().connection()) && candidate.next > local) {
          return true;
        }
      }
    }
    return false;
  }

  private void waitForTime(Pending pending) {
    if (manualClock && !pending.steps().isEmpty() && pending.steps().get(0).timed()) {
      clock.schedule(pending.due(), this::pollWaiting);
    }
  }

  /** Delivers every waiting reply that became deliverable. */
  private void pollWaiting() {
    List<Live> ready = new ArrayList<>();
    synchronized (lock) {
      for (Live live : lives) {
        if (live.pending != null && !live.pending.stage().isDone() && deliverable(live.pending)) {
          ready.add(live);
        }
      }
    }
    ready.forEach(live -> deliver(live, live.pending));
  }

  private void deliver(Live live, Pending pending) {
    Replies replies;
    synchronized (lock) {
      if (pending == null || pending.stage().isDone() || live.pending != pending) {
        return;
      }
      replies = replies(pending.steps(), pending.candidates().get(0).layer);
      pending.candidates().forEach(candidate -> candidate.next += pending.count());
      if (!pending.steps().isEmpty()) {
        playedAt(live, pending.steps().get(pending.steps().size() - 1));
      }
      commitIfClaimed(live);
      live.pending = null;
      if (!replies.closes()) {
        scheduleFollowUp(live, live.lastPlayed);
      }
    }
    pending.stage().complete(replies.outcome());
    if (replies.needsSeparateClose()) {
      live.connection.close();
    }
  }

  /** Moves the automatic clock to the recorded offset of {@code step}; notes when the connection last played. */
  private void playedAt(Live live, ReplayScript.Step step) {
    if (!manualClock) {
      Instant recorded = start.plus(step.event().at());
      if (recorded.isAfter(clock.now())) {
        clock.set(recorded);
      }
    }
    live.lastPlayed = clock.now();
  }

  /** Schedules a close the server made on its own after the last played event (a deadline, the reaper). */
  private void scheduleFollowUp(Live live, Instant base) {
    Candidate first = live.candidates.get(0);
    ReplayScript.Step step = step(first);
    if (step == null || !step.closes(Side.SERVER)) {
      return;
    }
    Runnable close = () -> closeOnOwn(live, step);
    if (manualClock) {
      clock.schedule(base.plus(step.gap()).minus(TOLERANCE), close);
    } else {
      async.execute(close);
    }
  }

  private void closeOnOwn(Live live, ReplayScript.Step step) {
    synchronized (lock) {
      if (live.closed || live.candidates.isEmpty() || step(live.candidates.get(0)) != step) {
        return;
      }
      live.candidates.forEach(candidate -> candidate.next++);
      playedAt(live, step);
    }
    live.connection.close();
  }

  private void prune(Live live) {
    live.candidates = new ArrayList<>(live.candidates.stream()
        .filter(candidate -> owners.getOrDefault(candidate.name, live) == live).toList());
  }

  private void claimIfSingle(Live live) {
    prune(live);
    if (live.candidates.size() == 1) {
      owners.putIfAbsent(live.candidates.get(0).name, live);
      commitIfClaimed(live);
    }
  }

  private void commitIfClaimed(Live live) {
    if (live.candidates.size() == 1 && owners.get(live.candidates.get(0).name) == live) {
      live.candidates.get(0).layer.commit();
    }
  }

  /** Returns the candidate's next step, stepping over client frames the transport never hands over. */
  private ReplayScript.Step step(Candidate candidate) {
    List<ReplayScript.Step> steps = script.steps(candidate.name);
    while (candidate.next < steps.size() && steps.get(candidate.next).unterminated()) {
      candidate.next++;
    }
    return candidate.next < steps.size() ? steps.get(candidate.next) : null;
  }
}
