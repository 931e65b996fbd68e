package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.ScriptedServer.HI;
import static io.github.faktorytestkit.client.ScriptedServer.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.WorkerState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FaktoryClientTest {
  private static final String JOB_JSON = "{\"retry\":25,\"jid\":\"123861239abnadsa\",\"queue\":\"default\","
      + "\"jobtype\":\"SomeJobClass\",\"created_at\":\"2026-01-27T01:52:24.7119459Z\","
      + "\"enqueued_at\":\"2026-01-27T21:21:15.3376584Z\",\"args\":[1,2,true,\"hello\"]}";

  @Test
  void pushSendsTheJobAsCompactJson() throws Exception {
    Job job = Job.builder("SomeJobClass").jid("123861239abnadsa").args(1, 2, true, "hello").build();
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK); FaktoryClient client = connect(server)) {
      client.push(job);
      server.nextLine();
      assertThat(server.nextLine()).isEqualTo("PUSH {\"retry\":null,\"jid\":\"123861239abnadsa\",\"queue\":"
          + "\"default\",\"jobtype\":\"SomeJobClass\",\"args\":[1,2,true,\"hello\"]}");
    }
  }

  @Test
  void serverErrorBecomesACommandExceptionAndTheClientStaysUsable() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, "-ERR jobs must have a jobtype parameter\r\n", OK);
        FaktoryClient client = connect(server)) {
      assertThatThrownBy(() -> client.push(Job.of("T")))
          .isExactlyInstanceOf(FaktoryCommandException.class)
          .hasMessage("PUSH refused by the server: -ERR jobs must have a jobtype parameter")
          .satisfies(e -> {
            FaktoryCommandException error = (FaktoryCommandException) e;
            assertThat(error.code()).isEqualTo("ERR");
            assertThat(error.serverMessage()).isEqualTo("jobs must have a jobtype parameter");
            assertThat(error.command()).isEqualTo("PUSH");
          });
      client.flush();
      assertThat(client.isUsable()).isTrue();
    }
  }

  @Test
  void knownErrorCodeBecomesItsOwnSubtype() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, "-NOTUNIQUE Job not unique\r\n");
        FaktoryClient client = connect(server)) {
      assertThatThrownBy(() -> client.push(Job.of("T")))
          .isInstanceOfSatisfying(FaktoryNotUniqueException.class, e -> {
            assertThat(e.code()).isEqualTo("NOTUNIQUE");
            assertThat(e.serverMessage()).isEqualTo("Job not unique");
          });
    }
  }

  @Test
  void fetchReturnsTheJobOrEmptyForNullOrEmptyBulk() throws Exception {
    String bulk = new String(Reply.bulk(JOB_JSON).toWire(), StandardCharsets.UTF_8);
    try (ScriptedServer server = ScriptedServer.start(HI, OK, bulk, "$-1\r\n", "$0\r\n\r\n");
        FaktoryClient client = connect(server)) {
      assertThat(client.fetch("critical", "default")).hasValueSatisfying(job -> {
        assertThat(job.jid()).isEqualTo("123861239abnadsa");
        assertThat(job.retry()).isEqualTo(25);
        assertThat(job.args()).containsExactly(1, 2, true, "hello");
      });
      assertThat(client.fetch("default")).isEmpty();
      assertThat(client.fetch("default")).isEmpty();
      server.nextLine();
      assertThat(server.nextLine()).isEqualTo("FETCH critical default");
    }
  }

  @Test
  void fetchRefusesNoQueueOrNamesWithWhitespace() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK); FaktoryClient client = connect(server)) {
      assertThatThrownBy(() -> client.fetch()).hasMessage("queues: none (expected: at least one name)");
      assertThatThrownBy(() -> client.fetch("a b")).hasMessage("queues: [a b] (expected: names without whitespace)");
      assertThatThrownBy(() -> client.queuePause()).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void pushBulkReturnsTheRejectedJids() throws Exception {
    String errors = "$57\r\n{\"x\":\"jobs must have a reasonable jid parameter\",\"y\":\"z\"}\r\n";
    try (ScriptedServer server = ScriptedServer.start(HI, OK, errors, "$2\r\n{}\r\n");
        FaktoryClient client = connect(server)) {
      PushBulkResult result = client.pushBulk(List.of(Job.builder("T").jid("x").build()));
      assertThat(result.errors()).containsOnly(
          Map.entry("x", "jobs must have a reasonable jid parameter"), Map.entry("y", "z"));
      assertThat(result.errorFor("x")).isPresent();
      assertThat(client.pushBulk(List.of()).allAccepted()).isTrue();
      server.nextLine();
      assertThat(server.nextLine()).startsWith("PUSHB [{\"retry\":null,\"jid\":\"x\"");
    }
  }

  @Test
  void ackAndFailSendTheirJson() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK, OK); FaktoryClient client = connect(server)) {
      client.ack("j1");
      client.fail("j2", "Boom", "it broke", List.of("a.rb:1", "b.rb:2"));
      server.nextLine();
      assertThat(server.nextLine()).isEqualTo("ACK {\"jid\":\"j1\"}");
      assertThat(server.nextLine()).isEqualTo(
          "FAIL {\"jid\":\"j2\",\"errtype\":\"Boom\",\"message\":\"it broke\",\"backtrace\":[\"a.rb:1\",\"b.rb:2\"]}");
    }
  }

  @Test
  void failFromAThrowableSendsItsClassMessageAndAtMostFiftyFrames() throws Exception {
    IllegalStateException error = new IllegalStateException("bad state");
    StackTraceElement[] frames = new StackTraceElement[60];
    Arrays.fill(frames, new StackTraceElement("C", "m", "C.java", 7));
    error.setStackTrace(frames);
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK); FaktoryClient client = connect(server)) {
      client.fail("j1", error);
      server.nextLine();
      String fail = server.nextLine();
      assertThat(fail).startsWith(
          "FAIL {\"jid\":\"j1\",\"errtype\":\"java.lang.IllegalStateException\",\"message\":\"bad state\"");
      assertThat(fail.split("C.m\\(C.java:7\\)", -1)).hasSize(51);
    }
  }

  @Test
  void beatUnderstandsOkBulkAndSimpleStringStates() throws Exception {
    String quiet = "$17\r\n{\"state\":\"quiet\"}\r\n";
    String terminate = "+{\"state\": \"terminate\"}\r\n";
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK, quiet, terminate);
        FaktoryClient client = FaktoryClient.builder().url(server.url()).wid("w1").connect()) {
      assertThat(client.beat()).isEqualTo(WorkerState.RUNNING);
      assertThat(client.beat(WorkerState.QUIET)).isEqualTo(WorkerState.QUIET);
      assertThat(client.beat(WorkerState.TERMINATE, 54176)).isEqualTo(WorkerState.TERMINATE);
      server.nextLine();
      assertThat(server.nextLine()).isEqualTo("BEAT {\"wid\":\"w1\"}");
      assertThat(server.nextLine()).isEqualTo("BEAT {\"wid\":\"w1\",\"current_state\":\"quiet\"}");
      assertThat(server.nextLine()).isEqualTo("BEAT {\"wid\":\"w1\",\"current_state\":\"terminate\",\"rss_kb\":54176}");
    }
  }

  @Test
  void beatWithAnUnknownStateIsAProtocolError() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, "$18\r\n{\"state\":\"sleepy\"}\r\n");
        FaktoryClient client = FaktoryClient.builder().url(server.url()).wid("w1").connect()) {
      assertThatThrownBy(client::beat)
          .isInstanceOf(FaktoryProtocolException.class)
          .hasMessageContaining("BEAT reply has an unknown state");
      assertThat(client.isUsable()).isFalse();
    }
  }

  @Test
  void producerMayNotBeat() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK); FaktoryClient client = connect(server)) {
      assertThatThrownBy(client::beat).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("wid: null");
    }
  }

  @Test
  void mutateSendsCompactJsonWithSpacesEscaped() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK); FaktoryClient client = connect(server)) {
      client.mutate(Mutation.kill(Mutation.Target.RETRIES, Mutation.Filter.matching("*a b*").andType("T")));
      server.nextLine();
      assertThat(server.nextLine()).isEqualTo(
          "MUTATE {\"cmd\":\"kill\",\"target\":\"retries\",\"filter\":{\"jobtype\":\"T\",\"regexp\":\"*a\\u0020b*\"}}");
    }
  }

  @Test
  void queueCommandsNameTheirQueues() throws Exception {
    String latency = "$33\r\n{\"default\":0,\"slow\":1.5,\"x\":1e-3}\r\n";
    try (ScriptedServer server = ScriptedServer.start(HI, OK, OK, OK, OK, latency);
        FaktoryClient client = connect(server)) {
      client.queuePause("a", "b");
      client.queueResume("*");
      client.queueRemove("c");
      assertThat(client.queueLatency("default", "slow", "x")).containsExactly(
          Map.entry("default", Duration.ZERO), Map.entry("slow", Duration.ofMillis(1500)),
          Map.entry("x", Duration.ofMillis(1)));
      server.nextLine();
      assertThat(List.of(server.nextLine(), server.nextLine(), server.nextLine(), server.nextLine())).containsExactly(
          "QUEUE PAUSE a b", "QUEUE RESUME *", "QUEUE REMOVE c", "QUEUE LATENCY default slow x");
    }
  }

  @Test
  void infoGivesATypedView() throws Exception {
    String info = "{\"now\":\"2026-11-28T10:48:07Z\",\"server_utc_time\":\"10:48:07 UTC\",\"faktory\":{\"queues\":"
        + "{\"default\":3},\"sets\":{\"dead\":1,\"retries\":0,\"scheduled\":0,\"working\":2},\"total_failures\":2,"
        + "\"total_processed\":5,\"total_enqueued\":3,\"total_queues\":1},\"server\":{\"description\":\"Faktory\","
        + "\"faktory_version\":\"1.9.4\",\"uptime\":100,\"connections\":1,\"command_count\":72,\"used_memory_mb\":11}}";
    try (ScriptedServer server = ScriptedServer.start(HI, OK, "$" + info.length() + "\r\n" + info + "\r\n");
        FaktoryClient client = connect(server)) {
      ServerInfo serverInfo = client.info();
      assertThat(serverInfo.version()).isEqualTo("1.9.4");
      assertThat(serverInfo.queues()).containsExactly(Map.entry("default", 3L));
      assertThat(serverInfo.setSize("dead")).isEqualTo(1);
      assertThat(serverInfo.sets()).containsEntry("working", 2L);
      assertThat(List.of(serverInfo.totalProcessed(), serverInfo.totalFailures(), serverInfo.totalEnqueued(),
          serverInfo.totalQueues(), serverInfo.connections(), serverInfo.commandCount(), serverInfo.uptimeSeconds()))
          .containsExactly(5L, 2L, 3L, 1L, 1L, 72L, 100L);
      assertThat(serverInfo.json().path("server").path("used_memory_mb").asInt()).isEqualTo(11);
    }
  }

  @Test
  void exchangeReturnsErrorFramesAsValues() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK, "-ERR unknown command CMD\r\n", OK);
        FaktoryClient client = connect(server)) {
      assertThat(client.exchange("CMD foo")).isEqualTo(Reply.err("unknown command CMD"));
      assertThat(client.exchange("QUEUE REMOVE frobnoz")).isEqualTo(Reply.OK);
      server.nextLine();
      assertThat(List.of(server.nextLine(), server.nextLine())).containsExactly("CMD foo", "QUEUE REMOVE frobnoz");
    }
  }

  @Test
  void exchangeRefusesLinesThatCrashFaktory194AndEnd() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK); FaktoryClient client = connect(server)) {
      assertThatThrownBy(() -> client.exchange("ACK")).hasMessageContaining("Faktory 1.9.4 crashes");
      assertThatThrownBy(() -> client.exchange("QUEUE PAUSE")).hasMessageContaining("Faktory 1.9.4 crashes");
      assertThatThrownBy(() -> client.exchange("END")).hasMessageContaining("use close()");
      assertThatThrownBy(() -> client.exchange("CMD\r\nFLUSH")).hasMessageContaining("expected: no CR or LF");
      assertThat(client.isUsable()).isTrue();
    }
  }

  @Test
  void closeSendsEndOnceAndLaterUseFailsClearly() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(HI, OK)) {
      FaktoryClient client = connect(server);
      client.close();
      client.close();
      server.nextLine();
      assertThat(server.nextLine()).isEqualTo("END");
      assertThat(server.closedWithoutAnotherLine()).isTrue();
      assertThat(client.isUsable()).isFalse();
      assertThatThrownBy(client::flush)
          .isInstanceOf(FaktoryConnectionException.class)
          .hasMessageStartingWith("client is closed (server: 127.0.0.1:");
    }
  }

  private static FaktoryClient connect(ScriptedServer server) {
    return FaktoryClient.connect(server.url());
  }
}
