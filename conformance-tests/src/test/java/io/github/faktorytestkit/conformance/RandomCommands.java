package io.github.faktorytestkit.conformance;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Command lines for the random properties, valid and invalid, as templates: {@code {j1}}..{@code {j3}} stand for
 * jids and {@code {w1}}..{@code {w3}} for the wids of the sequence's connections, filled in per run
 * ({@link SequenceRun}) so that every run uses identifiers of its own. Queue names come from a fixed pool, reset
 * before each run. No template is a line that crashes Faktory 1.9.4.
 */
final class RandomCommands {
  /** The queues commands name; {@link SequenceRun} resets them before each run. */
  static final List<String> QUEUES = List.of("default", "rq1", "rq2");
  private static final String PAST = "2020-01-01T00:00:00Z";
  private static final String FUTURE = "2099-01-01T00:00:00Z";

  private RandomCommands() {}

  /** Returns any command, FETCH included. */
  static Arbitrary<String> any() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, push()),
        Tuple.of(5, fetch()),
        Tuple.of(16, withoutFetch()));
  }

  /** Returns any command but FETCH, which may wait 2 s. */
  static Arbitrary<String> withoutFetch() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, push()),
        Tuple.of(1, pushBulk()),
        Tuple.of(3, ack()),
        Tuple.of(3, fail()),
        Tuple.of(2, beat()),
        Tuple.of(2, mutate()),
        Tuple.of(2, queue()),
        Tuple.of(2, Arbitraries.of("INFO", "FLUSH", "NOPE x", "", "PUSH ", "PUSHB x", "FETCH")));
  }

  static Arbitrary<String> push() {
    return Arbitraries.frequencyOf(Tuple.of(8, job().map(job -> "PUSH " + job)),
        Tuple.of(1, Arbitraries.of("PUSH {", "PUSH []", "PUSH x", "PUSH {} x")));
  }

  static Arbitrary<String> pushBulk() {
    return job().list().ofMinSize(0).ofMaxSize(3).map(jobs -> "PUSHB [" + String.join(",", jobs) + "]");
  }

  static Arbitrary<String> fetch() {
    Arbitrary<String> queue = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("default")),
        Tuple.of(1, Arbitraries.of(QUEUES)));
    return queue.list().ofMinSize(1).ofMaxSize(2).map(queues -> "FETCH " + String.join(" ", queues));
  }

  static Arbitrary<String> ack() {
    return Arbitraries.oneOf(jid().map(jid -> "ACK {\"jid\":\"" + jid + "\"}"), Arbitraries.of("ACK {}", "ACK x"));
  }

  static Arbitrary<String> fail() {
    Arbitrary<String> full = jid().map(jid -> "FAIL {\"jid\":\"" + jid
        + "\",\"errtype\":\"E\",\"message\":\"m\",\"backtrace\":[\"a.go:1\"]}");
    Arbitrary<String> bare = jid().map(jid -> "FAIL {\"jid\":\"" + jid + "\"}");
    return Arbitraries.oneOf(full, bare, Arbitraries.of("FAIL x", "FAIL {}"));
  }

  static Arbitrary<String> beat() {
    Arbitrary<String> extra = Arbitraries.of("", ",\"current_state\":\"quiet\"", ",\"current_state\":\"terminate\"",
        ",\"rss_kb\":1024");
    return Arbitraries.oneOf(Combinators.combine(wid(), extra).as((wid, e) -> "BEAT {\"wid\":\"" + wid + "\"" + e
        + "}"), Arbitraries.of("BEAT x", "BEAT {}"));
  }

  static Arbitrary<String> mutate() {
    Arbitrary<String> filter = Arbitraries.oneOf(jid().map(jid -> ",\"filter\":{\"jids\":[\"" + jid + "\"]}"),
        Arbitraries.of("", ",\"filter\":{\"jobtype\":\"A\"}", ",\"filter\":{\"regexp\":\"*B*\"}"));
    Arbitrary<String> command = Combinators.combine(Arbitraries.of("kill", "discard", "requeue", "clear"),
        Arbitraries.of("scheduled", "retries", "dead"), filter)
        .as((cmd, set, f) -> "MUTATE {\"cmd\":\"" + cmd + "\",\"target\":\"" + set + "\"" + f + "}");
    return Arbitraries.oneOf(command, Arbitraries.of("MUTATE {", "MUTATE {\"cmd\":\"kill\",\"target\":\"x\"}"));
  }

  static Arbitrary<String> queue() {
    Arbitrary<String> names = Arbitraries.of(QUEUES).list().ofMinSize(1).ofMaxSize(2).map(q -> String.join(" ", q));
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of("PAUSE", "RESUME", "REMOVE", "LATENCY"), names)
            .as((sub, queues) -> "QUEUE " + sub + " " + queues),
        Arbitraries.of("QUEUE PAUSE *", "QUEUE RESUME *", "QUEUE LATENCY *", "QUEUE NOPE x"));
  }

  /** Returns a job as JSON, valid or not in any one field. */
  static Arbitrary<String> job() {
    Arbitrary<String> jid = Arbitraries.frequencyOf(Tuple.of(16, jid().map(RandomCommands::quoted)),
        Tuple.of(1, Arbitraries.of("\"short\"", "\"\"", "1")));
    Arbitrary<String> type = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("\"A\"", "\"B\"")),
        Tuple.of(1, Arbitraries.just("\"\"")));
    Arbitrary<String> args = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(",\"args\":[]", ",\"args\":[1,\"x\"]", ",\"args\":[{\"k\":null},2.5,true]")),
        Tuple.of(1, Arbitraries.of("", ",\"args\":\"x\"")));
    Arbitrary<String> options = Arbitraries.of("", "", "", "", ",\"queue\":\"rq1\"", ",\"queue\":\"rq1\"",
        ",\"queue\":\"rq2\"", ",\"queue\":\"bad queue\"", ",\"at\":\"" + PAST + "\"", ",\"at\":\"" + FUTURE + "\"", ",\"at\":\"tomorrow\"",
        ",\"retry\":-1", ",\"retry\":0", ",\"retry\":2", ",\"reserve_for\":60", ",\"reserve_for\":86401",
        ",\"queue\":\"rq1\",\"at\":\"" + FUTURE + "\"").list().ofMinSize(0).ofMaxSize(2)
        .map(list -> String.join("", list));
    return Combinators.combine(jid, type, args, options)
        .as((j, t, a, o) -> "{\"jid\":" + j + ",\"jobtype\":" + t + a + o + "}");
  }

  private static Arbitrary<String> jid() {
    return Arbitraries.of("{j1}", "{j2}", "{j3}");
  }

  private static Arbitrary<String> wid() {
    return Arbitraries.of("{w1}", "{w2}", "{w3}");
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }
}
