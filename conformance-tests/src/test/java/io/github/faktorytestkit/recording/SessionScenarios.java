package io.github.faktorytestkit.recording;

import io.github.faktorytestkit.protocol.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenarios written as code: good and legacy password handshakes, the handshake deadline, every command in a
 * worker's session, several connections interleaved, pipelining, paused queues, quiet and terminate through
 * {@code POST /busy}, and the slow ones that wait in real time: a scheduled job, a retry after backoff that then
 * dies, a reservation that expires and a worker the heartbeat reaper drops.
 */
final class SessionScenarios {
  private static final String PRODUCER = "HELLO {\"hostname\":\"recorder\",\"pid\":1,\"v\":2}";
  private static final Pattern SALT = Pattern.compile("\"s\":\"([0-9a-f]+)\"");
  private static final Pattern ITERATIONS = Pattern.compile("\"i\":([0-9]+)");
  private static final Duration LONG_WAIT = Duration.ofSeconds(100);
  // The waits cover the server's worst case with a margin for a loaded machine: the scheduler runs every 5 s;
  // the first retry comes 15-44 s after the failure, plus the scheduler; a reservation (clamped to 60 s) expires
  // at the next 15 s tick of the reaper after its deadline.
  private static final Duration SCHEDULED_WAIT = Duration.ofSeconds(12);
  private static final Duration RETRY_WAIT = Duration.ofSeconds(60);
  private static final Duration EXPIRY_WAIT = Duration.ofSeconds(95);

  private SessionScenarios() {}

  static List<Scenario> all() {
    return List.of(
        fast("handshake: a good password hash", true, SessionScenarios::goodPassword),
        fast("handshake: a legacy one-iteration hash with v 1", true, SessionScenarios::legacyPassword),
        fast("handshake: nothing sent closes at the 2 s deadline", false, SessionScenarios::deadline),
        fast("handshake: HELLO cut off mid-line closes at the deadline", false, SessionScenarios::partialHello),
        fast("session: every command of a worker", false, SessionScenarios::everyCommand),
        fast("connections: a producer and two workers interleaved", false, SessionScenarios::interleaved),
        fast("pipelining: several commands in one write", false, SessionScenarios::pipelined),
        fast("queue: a paused queue is skipped by fetch until resumed", false, SessionScenarios::pausedQueue),
        fast("worker: quiet and terminate through POST /busy", false, SessionScenarios::quietAndTerminate),
        slow("scheduled: a job pushed for 2 s later becomes fetchable", SessionScenarios::scheduled),
        slow("retry: a failed job comes back after its backoff, then dies", SessionScenarios::retryThenDead),
        slow("reservation: an expired reservation fails the job", SessionScenarios::reservationExpiry),
        slow("worker: a consumer that never beats is dropped by the reaper", SessionScenarios::heartbeatExpiry));
  }

  private static Scenario fast(String name, boolean password, Body body) {
    return new Scenario(name, password, false, context -> {
      body.run(context);
      return List.of();
    });
  }

  private static Scenario slow(String name, Body body) {
    return new Scenario(name, false, true, context -> {
      body.run(context);
      return List.of();
    });
  }

  @FunctionalInterface
  private interface Body {
    void run(ScenarioContext context) throws Exception;
  }

  private static void goodPassword(ScenarioContext context) {
    try (RawWire wire = context.connect()) {
      String hi = wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      String hash = PasswordHash.compute(context.password(), group(SALT, hi), Integer.parseInt(group(ITERATIONS, hi)));
      wire.send("HELLO {\"hostname\":\"recorder\",\"pid\":1,\"v\":2,\"pwdhash\":\"" + hash + "\"}");
      wire.send("INFO");
      wire.end();
    }
  }

  private static void legacyPassword(ScenarioContext context) {
    try (RawWire wire = context.connect()) {
      String hi = wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      String hash = PasswordHash.compute(context.password(), group(SALT, hi), 1);
      wire.send("HELLO {\"hostname\":\"recorder\",\"pid\":1,\"v\":1,\"pwdhash\":\"" + hash + "\"}");
      wire.send("FLUSH");
      wire.end();
    }
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("HI without " + pattern + ": " + text);
    }
    return matcher.group(1);
  }

  private static void deadline(ScenarioContext context) {
    try (RawWire wire = context.connect()) {
      wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      wire.awaitServerClose(RawWire.REPLY_TIMEOUT);
    }
  }

  private static void partialHello(ScenarioContext context) {
    try (RawWire wire = context.connect()) {
      wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      wire.write("HELLO {\"v\":".getBytes(StandardCharsets.UTF_8));
      wire.awaitServerClose(RawWire.REPLY_TIMEOUT);
    }
  }

  private static void everyCommand(ScenarioContext context) {
    try (RawWire wire = context.connect()) {
      wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      wire.send(worker("rec-worker-all"));
      wire.send("FLUSH");
      wire.send("PUSH {\"jid\":\"rec-all-1\",\"jobtype\":\"Email\",\"args\":[\"ann\",1],\"queue\":\"mail\"}");
      wire.send("PUSHB [{\"jid\":\"rec-all-2\",\"jobtype\":\"Email\",\"args\":[\"bob\"],\"queue\":\"mail\"},"
          + "{\"jid\":\"rec-all-3\",\"jobtype\":\"\",\"args\":[]}]");
      wire.send("FETCH mail default");
      wire.send("ACK {\"jid\":\"rec-all-1\"}");
      wire.send("FETCH mail");
      wire.send("FAIL {\"jid\":\"rec-all-2\",\"errtype\":\"RuntimeError\",\"message\":\"boom\",\"backtrace\":[\"a.rb:1\"]}");
      wire.send("BEAT {\"wid\":\"rec-worker-all\",\"rss_kb\":1024}");
      wire.send("INFO");
      wire.send("MUTATE {\"cmd\":\"kill\",\"target\":\"retries\",\"filter\":{\"jobtype\":\"Email\"}}");
      wire.send("MUTATE {\"cmd\":\"requeue\",\"target\":\"dead\",\"filter\":{\"jids\":[\"rec-all-2\"]}}");
      wire.send("QUEUE PAUSE mail");
      wire.send("QUEUE RESUME mail");
      wire.send(context.before("1.9.2") ? "QUEUE REMOVE mail" : "QUEUE LATENCY mail");
      wire.send("QUEUE REMOVE mail");
      wire.send("BATCH NEW {}");
      wire.send("TRACK GET rec-all-1");
      wire.send("INFO");
      wire.end();
    }
  }

  private static String worker(String wid) {
    return "HELLO {\"hostname\":\"recorder\",\"wid\":\"" + wid + "\",\"pid\":1,\"labels\":[\"rec\"],\"v\":2}";
  }

  private static void interleaved(ScenarioContext context) {
    try (RawWire producer = greeted(context); RawWire first = greeted(context); RawWire second = greeted(context)) {
      producer.send(PRODUCER);
      first.send(worker("rec-worker-a"));
      second.send(worker("rec-worker-b"));
      producer.send("PUSH {\"jid\":\"rec-mix-1\",\"jobtype\":\"T\",\"args\":[1],\"queue\":\"mix\"}");
      producer.send("PUSH {\"jid\":\"rec-mix-2\",\"jobtype\":\"T\",\"args\":[2],\"queue\":\"mix\"}");
      second.send("FETCH mix");
      first.send("FETCH mix");
      first.send("ACK {\"jid\":\"rec-mix-2\"}");
      second.send("FAIL {\"jid\":\"rec-mix-1\",\"message\":\"no\"}");
      first.send("BEAT {\"wid\":\"rec-worker-a\"}");
      producer.send("INFO");
      second.end();
      first.end();
      producer.end();
    }
  }

  /** Connects and reads HI before anything else happens, so the greetings of several connections keep their order. */
  private static RawWire greeted(ScenarioContext context) {
    RawWire wire = context.connect();
    wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
    return wire;
  }

  private static void pipelined(ScenarioContext context) {
    try (RawWire wire = context.connect()) {
      wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      String lines = PRODUCER + "\r\nFLUSH\r\n"
          + "PUSH {\"jid\":\"rec-pipe-1\",\"jobtype\":\"T\",\"args\":[],\"queue\":\"pipe\"}\r\n"
          + "PUSH {\"jid\":\"rec-pipe-2\",\"jobtype\":\"T\",\"args\":[],\"queue\":\"pipe\"}\r\n"
          + "FETCH pipe\r\nACK {\"jid\":\"rec-pipe-2\"}\r\nFETCH pipe\r\nACK {\"jid\":\"rec-pipe-1\"}\r\n"
          + "CMD x\r\nINFO\r\n";
      wire.write(lines.getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 10; i++) {
        wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      }
      wire.end();
    }
  }

  private static void pausedQueue(ScenarioContext context) {
    try (RawWire wire = context.connect()) {
      wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      wire.send(PRODUCER);
      wire.send("PUSH {\"jid\":\"rec-paused-1\",\"jobtype\":\"T\",\"args\":[],\"queue\":\"held\"}");
      wire.send("QUEUE PAUSE held");
      wire.send("FETCH held");
      wire.send("INFO");
      wire.send("QUEUE RESUME held");
      wire.send("FETCH held");
      wire.send("ACK {\"jid\":\"rec-paused-1\"}");
      wire.send("FETCH held");
      wire.end();
    }
  }

  private static void quietAndTerminate(ScenarioContext context) throws Exception {
    try (RawWire wire = context.connect()) {
      wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      wire.send(worker("rec-worker-q"));
      wire.send("PUSH {\"jid\":\"rec-quiet-1\",\"jobtype\":\"T\",\"args\":[],\"queue\":\"qq\"}");
      wire.send("BEAT {\"wid\":\"rec-worker-q\"}");
      context.busy("rec-worker-q", "quiet");
      wire.send("BEAT {\"wid\":\"rec-worker-q\"}");
      wire.send("FETCH qq");
      context.busy("rec-worker-q", "terminate");
      wire.send("BEAT {\"wid\":\"rec-worker-q\"}");
      wire.send("BEAT {\"wid\":\"rec-worker-q\",\"current_state\":\"quiet\"}");
      wire.send("INFO");
      wire.end();
    }
  }

  private static void scheduled(ScenarioContext context) throws InterruptedException {
    try (RawWire wire = context.connect()) {
      wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      wire.send(PRODUCER);
      String at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS).toString();
      wire.send("PUSH {\"jid\":\"rec-later-1\",\"jobtype\":\"T\",\"args\":[],\"queue\":\"later\",\"at\":\"" + at + "\"}");
      wire.send("FETCH later");
      Thread.sleep(SCHEDULED_WAIT.toMillis());
      wire.send("FETCH later");
      wire.send("ACK {\"jid\":\"rec-later-1\"}");
      wire.end();
    }
  }

  private static void retryThenDead(ScenarioContext context) throws InterruptedException {
    try (RawWire wire = context.connect()) {
      wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      wire.send(PRODUCER);
      wire.send("PUSH {\"jid\":\"rec-retry-1\",\"jobtype\":\"T\",\"args\":[],\"queue\":\"again\",\"retry\":1}");
      wire.send("FETCH again");
      wire.send("FAIL {\"jid\":\"rec-retry-1\",\"errtype\":\"E\",\"message\":\"first\"}");
      wire.send("FETCH again");
      Thread.sleep(RETRY_WAIT.toMillis());
      wire.send("FETCH again");
      wire.send("FAIL {\"jid\":\"rec-retry-1\",\"errtype\":\"E\",\"message\":\"second\"}");
      wire.send("MUTATE {\"cmd\":\"requeue\",\"target\":\"dead\",\"filter\":{\"jids\":[\"rec-retry-1\"]}}");
      wire.send("FETCH again");
      wire.send("ACK {\"jid\":\"rec-retry-1\"}");
      wire.end();
    }
  }

  private static void reservationExpiry(ScenarioContext context) throws InterruptedException {
    try (RawWire wire = context.connect()) {
      wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      wire.send(PRODUCER);
      wire.send("PUSH {\"jid\":\"rec-expire-1\",\"jobtype\":\"T\",\"args\":[],\"queue\":\"slow\",\"reserve_for\":1,"
          + "\"retry\":0}");
      wire.send("FETCH slow");
      Thread.sleep(EXPIRY_WAIT.toMillis());
      wire.send("INFO");
      wire.send("FAIL {\"jid\":\"rec-expire-1\",\"message\":\"too late\"}");
      wire.send("ACK {\"jid\":\"rec-expire-1\"}");
      wire.end();
    }
  }

  private static void heartbeatExpiry(ScenarioContext context) {
    try (RawWire wire = context.connect()) {
      wire.read(RawWire.REPLY_TIMEOUT).orElseThrow();
      wire.send(worker("rec-worker-silent"));
      wire.awaitServerClose(LONG_WAIT);
    }
  }
}
