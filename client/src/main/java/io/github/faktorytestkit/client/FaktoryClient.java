package io.github.faktorytestkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.faktorytestkit.client.internal.Connection;
import io.github.faktorytestkit.protocol.CommandLine;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.JobJson;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.Verb;
import io.github.faktorytestkit.protocol.WorkerState;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A blocking client on one connection to a Faktory server (1.9.4 OSS): push and fetch jobs, acknowledge or fail
 * them, send worker heartbeats, and administer queues and sets.
 *
 * <p>Open one with {@link #connect()} (the server named by {@code FAKTORY_PROVIDER} / {@code FAKTORY_URL}),
 * {@link #connect(String)} or {@link #builder()}; close it when done. Every command blocks until the server's whole
 * reply arrives, for at most the write timeout (sending) plus the read timeout (the reply), however the server
 * splits or delays its bytes; a command never succeeds without its reply. Errors are {@link FaktoryException}s:
 * a {@link FaktoryCommandException} leaves the client usable; a connection, time-out or protocol error breaks it
 * for good.
 *
 * <p>Thread-safe: commands from several threads are serialised on the one connection, so a FETCH holds up the
 * others for up to 2 s. For concurrency open one client per thread. {@link #close()} may be called from any thread
 * and aborts a command in progress.
 *
 * <p>Every line sent and frame received is logged at TRACE level to the logger named {@value #WIRE_LOGGER_NAME},
 * with the HELLO password hash redacted.
 */
public final class FaktoryClient implements AutoCloseable {
  /** The protocol version this client speaks. */
  public static final int PROTOCOL_VERSION = 2;
  /** The name of the SLF4J logger that receives the wire log at TRACE level. */
  public static final String WIRE_LOGGER_NAME = "io.github.faktorytestkit.client.wire";

  private static final int MAX_BACKTRACE_LINES = 50;

  private final CommandRunner runner;
  private final Identity identity;
  private final FaktoryUrl url;
  private final int serverProtocolVersion;

  FaktoryClient(Connection connection, Identity identity, FaktoryUrl url, int serverProtocolVersion) {
    this.runner = new CommandRunner(connection);
    this.identity = identity;
    this.url = url;
    this.serverProtocolVersion = serverProtocolVersion;
  }

  /** Returns a client for the server the environment names, as a producer; see {@link FaktoryClientBuilder}. */
  public static FaktoryClient connect() {
    return builder().connect();
  }

  /** Returns a producer client for the server at {@code url}, e.g. {@code tcp://:password@localhost:7419}. */
  public static FaktoryClient connect(String url) {
    return builder().url(url).connect();
  }

  /** Returns a builder for a client with settings other than the defaults. */
  public static FaktoryClientBuilder builder() {
    return new FaktoryClientBuilder();
  }

  /**
   * Enqueues {@code job}.
   *
   * @throws FaktoryCommandException when the server refuses the job, e.g. {@code jobs must have a jobtype parameter}
   */
  public void push(Job job) {
    runner.callOk(CommandLine.of(Verb.PUSH, JobJson.toJson(Objects.requireNonNull(job, "job"))));
  }

  /**
   * Enqueues {@code jobs} in one round trip and returns the ones the server rejected, by jid. An error for the
   * whole batch (e.g. invalid JSON) throws instead, and then no job was enqueued.
   */
  public PushBulkResult pushBulk(List<Job> jobs) {
    JsonNode errors = runner.callJson(CommandLine.of(Verb.PUSHB, JobJson.write(List.copyOf(jobs))));
    Map<String, String> byJid = new HashMap<>();
    errors.properties().forEach(error -> byJid.put(error.getKey(), error.getValue().asText()));
    return new PushBulkResult(byJid);
  }

  /**
   * Returns the next job of the first listed queue that has one, or empty when none arrived within the server's
   * wait of about 2 s. A quiet or terminated worker always gets empty.
   *
   * @throws IllegalArgumentException when no queue is given, or a name is empty or holds whitespace
   */
  public Optional<Job> fetch(String... queues) {
    Reply reply = runner.call(CommandLine.of(Verb.FETCH, names("queues", queues)));
    if (reply instanceof Reply.NullBulkString || reply instanceof Reply.BulkString bulk && bulk.text().isEmpty()) {
      return Optional.empty();
    }
    if (!(reply instanceof Reply.BulkString bulk)) {
      throw runner.rejected("FETCH", reply);
    }
    try {
      return Optional.of(JobJson.parse(bulk.text()));
    } catch (JsonProcessingException e) {
      throw runner.unexpected("FETCH reply is not a job: " + e.getOriginalMessage(), reply, e);
    }
  }

  /** Acknowledges the job {@code jid}; the server answers OK even for a jid it does not know. */
  public void ack(String jid) {
    runner.callOk(CommandLine.of(Verb.ACK, "{\"jid\":" + JobJson.quote(Objects.requireNonNull(jid, "jid")) + "}"));
  }

  /**
   * Reports the fetched job {@code jid} as failed. The server trims errtype to 100 and message to 1000 bytes and
   * keeps 50 backtrace lines; empty texts become {@code unknown}.
   *
   * @param backtrace the backtrace lines, or null for none
   * @throws FaktoryCommandException when the job is not reserved ({@code Job not found <jid>})
   */
  public void fail(String jid, String errtype, String message, List<String> backtrace) {
    ObjectNode fail = JobJson.newObject()
        .put("jid", Objects.requireNonNull(jid, "jid"))
        .put("errtype", errtype)
        .put("message", message);
    if (backtrace != null) {
      backtrace.forEach(fail.putArray("backtrace")::add);
    }
    runner.callOk(CommandLine.of(Verb.FAIL, JobJson.write(fail)));
  }

  /** Reports the fetched job {@code jid} as failed by {@code error}: its class, message and first 50 frames. */
  public void fail(String jid, Throwable error) {
    List<String> frames = Arrays.stream(error.getStackTrace())
        .limit(MAX_BACKTRACE_LINES)
        .map(StackTraceElement::toString)
        .toList();
    fail(jid, error.getClass().getName(), Objects.toString(error.getMessage(), ""), frames);
  }

  /**
   * Sends a heartbeat for this worker and returns the state the server wants it in. A worker must beat at least
   * every 60 s (15 s is usual).
   *
   * @throws IllegalStateException when the client has no wid (producers must not beat)
   */
  public WorkerState beat() {
    return beat(heartbeat());
  }

  /** Sends a heartbeat reporting {@code currentState} (RUNNING reports none) and returns the server's state. */
  public WorkerState beat(WorkerState currentState) {
    return beat(withState(heartbeat(), currentState));
  }

  /** Sends a heartbeat reporting {@code currentState} and the resident memory {@code rssKb} (KiB). */
  public WorkerState beat(WorkerState currentState, long rssKb) {
    return beat(withState(heartbeat(), currentState).put("rss_kb", rssKb));
  }

  /** Returns the server's state (queues, set sizes, counters). */
  public ServerInfo info() {
    return new ServerInfo(runner.callJson(CommandLine.of(Verb.INFO)));
  }

  /** Deletes every job, queue and set on the server. */
  public void flush() {
    runner.callOk(CommandLine.of(Verb.FLUSH));
  }

  /** Applies {@code mutation} to the retries, scheduled or dead set. */
  public void mutate(Mutation mutation) {
    runner.callOk(CommandLine.of(Verb.MUTATE, mutation.toJson()));
  }

  /** Pauses the named queues ({@code *} for all): FETCH skips them. Unknown names are ignored by the server. */
  public void queuePause(String... names) {
    queueCommand("PAUSE", names);
  }

  /** Resumes the named queues ({@code *} for all). */
  public void queueResume(String... names) {
    queueCommand("RESUME", names);
  }

  /** Removes the named queues ({@code *} for all) with all their jobs. */
  public void queueRemove(String... names) {
    queueCommand("REMOVE", names);
  }

  /**
   * Returns, per named queue, how long its oldest job has waited (zero for an empty or unknown queue).
   *
   * @throws FaktoryCommandException for {@code *}, which the server does not support here
   */
  public Map<String, Duration> queueLatency(String... names) {
    CommandLine line = CommandLine.of(Verb.QUEUE, "LATENCY " + names("names", names));
    JsonNode seconds = runner.callJson(line, "QUEUE LATENCY");
    Map<String, Duration> latency = new LinkedHashMap<>();
    seconds.properties().forEach(queue ->
        latency.put(queue.getKey(), Duration.ofNanos(Math.round(queue.getValue().asDouble() * 1e9))));
    return latency;
  }

  /**
   * Sends one raw command {@code line} (no terminator) and returns the server's reply frame as it is, error frames
   * included: for conformance tests and commands this client has no method for.
   *
   * @throws IllegalArgumentException for END (use {@link #close()}), for a line holding CR or LF, and for lines
   *     that crash Faktory 1.9.4 (see {@link CommandLine#crashesFaktory194()})
   */
  public Reply exchange(String line) {
    Optional<Verb> verb = Verb.find(CommandLine.verbOf(line));
    if (verb.isPresent()) {
      CommandLine command = CommandLine.parse(line);
      if (!verb.get().answered()) {
        throw new IllegalArgumentException("line: " + line + " (expected: an answered command; use close())");
      }
      return runner.call(command);
    }
    CommandLine.of(Verb.INFO, line); // rejects CR and LF
    return runner.callRaw(line);
  }

  /**
   * Sends END and closes the connection. Idempotent. From another thread while a command is waiting, closes the
   * socket at once and that command fails with a {@link FaktoryConnectionException}.
   */
  @Override
  public void close() {
    runner.close();
  }

  /** Returns whether the client is open and not broken by an earlier error. */
  public boolean isUsable() {
    return runner.isUsable();
  }

  /** Returns the server this client talks to (password hidden in its text form). */
  public FaktoryUrl url() {
    return url;
  }

  /** Returns the worker id, or empty for a producer. */
  public Optional<String> wid() {
    return Optional.ofNullable(identity.wid());
  }

  /** Returns the protocol version the server announced in HI. */
  public int serverProtocolVersion() {
    return serverProtocolVersion;
  }

  @Override
  public String toString() {
    return "FaktoryClient[" + url + (identity.wid() == null ? "" : ", wid " + identity.wid()) + "]";
  }

  private ObjectNode heartbeat() {
    if (identity.wid() == null) {
      throw new IllegalStateException("wid: null (expected: a worker client, see FaktoryClientBuilder.wid)");
    }
    return JobJson.newObject().put("wid", identity.wid());
  }

  private static ObjectNode withState(ObjectNode heartbeat, WorkerState currentState) {
    return currentState == WorkerState.RUNNING ? heartbeat : heartbeat.put("current_state", currentState.currentState());
  }

  private WorkerState beat(ObjectNode heartbeat) {
    Reply reply = runner.call(CommandLine.of(Verb.BEAT, JobJson.write(heartbeat)));
    if (reply.equals(Reply.OK)) {
      return WorkerState.RUNNING;
    }
    String text = reply instanceof Reply.BulkString bulk ? bulk.text()
        : reply instanceof Reply.SimpleString simple ? simple.text() : null;
    if (text == null) {
      throw runner.rejected("BEAT", reply);
    }
    String state = runner.json("BEAT", reply, text).path("state").asText();
    return WorkerState.fromWireName(state)
        .orElseThrow(() -> runner.unexpected("BEAT reply has an unknown state", reply, null));
  }

  private void queueCommand(String subcommand, String... names) {
    runner.callOk(CommandLine.of(Verb.QUEUE, subcommand + " " + names("names", names)), "QUEUE " + subcommand);
  }

  private static String names(String what, String... names) {
    if (names.length == 0) {
      throw new IllegalArgumentException(what + ": none (expected: at least one name)");
    }
    for (String name : names) {
      if (name == null || name.isEmpty() || !name.equals(name.strip()) || name.contains(" ")) {
        throw new IllegalArgumentException(what + ": " + Arrays.toString(names)
            + " (expected: names without whitespace)");
      }
    }
    return String.join(" ", names);
  }
}
