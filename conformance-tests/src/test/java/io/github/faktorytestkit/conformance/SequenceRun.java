package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.ServerInfo;
import io.github.faktorytestkit.conformance.report.Findings;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.Escaping;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one random sequence ({@link SequenceStep}s) against an oracle (real Faktory) and the fake, step by step, and
 * compares the normalised answers ({@link WireNormaliser}). Before the run both servers are reset the same way (the
 * pool queues resumed and removed, FLUSH, no worker left), and every run fills the templates with identifiers of
 * its own, so a run does not depend on earlier ones. A FETCH the fake would hold for its 2 s wait (every named
 * queue empty or paused, or a quiet worker) is sent to neither server: both transcripts say so, and the queue sizes
 * INFO reports are compared later on. Not thread-safe.
 */
final class SequenceRun {
  /** The marker of a FETCH that neither server was sent. */
  static final String HELD = "<held by the fake's 2 s wait: not sent>";
  private static final AtomicLong RUNS = new AtomicLong();
  private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(3);

  private final String prefix;
  private final Target oracle;
  private final Target fake;
  private final Map<Integer, RawConnection[]> connections = new TreeMap<>();
  private final List<String> oracleLines = new ArrayList<>();
  private final List<String> fakeLines = new ArrayList<>();

  private SequenceRun(String prefix, Target oracle, Target fake) {
    this.prefix = prefix;
    this.oracle = oracle;
    this.fake = fake;
  }

  /**
   * Runs {@code steps} on both servers and returns their transcripts, equal when the servers agreed.
   *
   * @param prefix the run's identifier prefix, or null for a new one
   */
  static SequenceRun run(List<SequenceStep> steps, String prefix, Target oracle, Target fake) {
    String id = prefix != null ? prefix : String.format("r%07d", RUNS.incrementAndGet());
    SequenceRun run = new SequenceRun(id, oracle, fake);
    reset(oracle);
    reset(fake);
    try {
      for (SequenceStep step : steps) {
        if (!run.step(step)) {
          break;
        }
      }
    } finally {
      run.connections.values().forEach(pair -> Arrays.stream(pair).forEach(RawConnection::close));
    }
    return run;
  }

  /** Returns whether both servers gave the same answers. */
  boolean agreed() {
    return oracleLines.equals(fakeLines);
  }

  /** Returns the oracle's transcript, one {@code "cN line => answer"} per line. */
  List<String> oracleTranscript() {
    return List.copyOf(oracleLines);
  }

  /** Returns the fake's transcript. */
  List<String> fakeTranscript() {
    return List.copyOf(fakeLines);
  }

  /** Returns the run's identifier prefix. */
  String prefix() {
    return prefix;
  }

  /** Returns the lines sent, filled in, in the replay format {@link SequenceReplay} reads. */
  String replay(List<SequenceStep> steps) {
    StringBuilder text = new StringBuilder("prefix " + prefix + "\n");
    steps.forEach(step -> text.append("c").append(step.connection()).append(' ')
        .append(fill(step.template())).append('\n'));
    return text.toString();
  }

  /** Records this run's divergence for the report and fails with both transcripts and the replay. */
  void failIfDiverged(String scenario, Target target, List<SequenceStep> steps) {
    if (agreed()) {
      return;
    }
    String replay = replay(steps);
    Path file = SequenceReplay.write(prefix, replay);
    Findings.divergence(scenario, target.name(), "a random sequence (the shortest that failed)", oracleLines,
        fakeLines, "-Dit.test=DifferentialReplay -D" + DifferentialReplay.PROPERTY + "=" + file.toAbsolutePath());
    throw new AssertionError("the fake answered differently from " + target + " (" + steps.size() + " steps)\n"
        + "--- real ---\n" + String.join("\n", oracleLines) + "\n--- fake ---\n" + String.join("\n", fakeLines)
        + "\n--- replay: -D" + DifferentialReplay.PROPERTY + "=" + file.toAbsolutePath() + " ---\n" + replay);
  }

  /** Sends one step to both servers; returns false once they disagree. */
  private boolean step(SequenceStep step) {
    RawConnection[] pair = connections.computeIfAbsent(step.connection(), this::open);
    if (!agreed()) {
      return false;
    }
    String line = fill(step.template());
    String shown = "c" + step.connection() + " " + Escaping.escape(line) + " => ";
    if (line.startsWith("FETCH") && fakeWouldHold(step.connection(), line)) {
      oracleLines.add(shown + HELD);
      fakeLines.add(shown + HELD);
      return true;
    }
    oracleLines.add(shown + WireNormaliser.normalise(line, pair[0].send(line)));
    fakeLines.add(shown + WireNormaliser.normalise(line, pair[1].send(line)));
    return agreed();
  }

  private RawConnection[] open(int connection) {
    RawConnection[] pair = {RawConnection.open(oracle.url()), RawConnection.open(fake.url())};
    String hello = connection == 1 ? "HELLO {\"v\":2}"
        : "HELLO {\"hostname\":\"seq\",\"wid\":\"" + wid(connection) + "\",\"pid\":1,\"labels\":[],\"v\":2}";
    String shown = "c" + connection + " ";
    oracleLines.add(shown + "<greeting> => " + WireNormaliser.normalise(null, pair[0].greeting()));
    fakeLines.add(shown + "<greeting> => " + WireNormaliser.normalise(null, pair[1].greeting()));
    oracleLines.add(shown + hello + " => " + WireNormaliser.normalise(hello, pair[0].send(hello)));
    fakeLines.add(shown + hello + " => " + WireNormaliser.normalise(hello, pair[1].send(hello)));
    return pair;
  }

  private String fill(String template) {
    String line = template;
    for (int n = 1; n <= SequenceStep.CONNECTIONS; n++) {
      line = line.replace("{j" + n + "}", prefix + "-j" + n).replace("{w" + n + "}", wid(n));
    }
    return line;
  }

  private String wid(int connection) {
    return prefix + "-w" + connection;
  }

  /**
   * Whether the fake would hold this FETCH for 2 s: a worker not running (whatever the line says), or no job in any
   * active queue named. A bare {@code FETCH} of a running worker is refused at once.
   */
  private boolean fakeWouldHold(int connection, String line) {
    FakeFaktory server = fake.fake().orElseThrow();
    var state = server.state();
    if (connection > 1 && state.worker(wid(connection)).map(w -> !"RUNNING".equals(w.state().name()))
        .orElse(false)) {
      return true;
    }
    if (!line.startsWith("FETCH ")) {
      return false;
    }
    List<String> paused = state.pausedQueues();
    return Arrays.stream(line.substring("FETCH ".length()).split(" "))
        .noneMatch(queue -> !paused.contains(queue) && state.queueSize(queue) > 0);
  }

  /** Resumes and removes the pool queues, flushes, and waits until the server has no worker left. */
  private static void reset(Target target) {
    String queues = String.join(" ", RandomCommands.QUEUES);
    try (FaktoryClient client = target.connect()) {
      client.exchange("QUEUE RESUME " + queues);
      client.exchange("QUEUE REMOVE " + queues);
      client.flush();
      Instant deadline = Instant.now().plus(QUIET_TIMEOUT);
      while (workers(client.info()) > 0 && Instant.now().isBefore(deadline)) {
        Thread.onSpinWait();
      }
    }
  }

  private static long workers(ServerInfo info) {
    return info.json().path("faktory").path("tasks").path("Workers").path("size").asLong();
  }
}
