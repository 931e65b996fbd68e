package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.protocol.PasswordHash;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.WorkerState;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;


@Timeout(10)
class HandshakeTest {
  private static final Pattern HI = Pattern.compile("HI \\{\"v\":2,\"i\":(\\d+),\"s\":\"([0-9a-f]{1,16})\"}");

  private final FakeServer server = new FakeServer();
  private final FakeServer secured = new FakeServer(ModelSettings.builder().password("pw").seed(3L).build());

  @Test
  void greetsWithVersionTwoWithoutPassword() {
    assertThat(server.connect().session.greeting()).isEqualTo(Reply.simple("HI {\"v\":2}"));
  }

  @Test
  void greetsWithIterationsAndSaltWhenPasswordIsSet() {
    for (int i = 0; i < 50; i++) {
      Matcher hi = HI.matcher(((Reply.SimpleString) secured.connect().session.greeting()).text());
      assertThat(hi.matches()).isTrue();
      assertThat(Integer.parseInt(hi.group(1))).isBetween(4000, 8095);
      assertThat(Long.parseUnsignedLong(hi.group(2), 16)).isNotNegative();
    }
  }

  @Test
  void sameSeedGivesSameGreetings() {
    FakeServer twin = new FakeServer(ModelSettings.builder().password("pw").seed(3L).build());
    assertThat(twin.connect().session.greeting()).isEqualTo(secured.connect().session.greeting());
  }

  @Test
  void helloWithoutPasswordSucceeds() {
    assertThat(server.client("HELLO {}").helloReply()).isEqualTo(Reply.OK);
    assertThat(server.client("HELLO {\"v\":2,\"unknown\":[1,{}]}").helloReply()).isEqualTo(Reply.OK);
  }

  @Test
  void anythingButHelloBraceClosesSilently() {
    for (String first : new String[] {"INFO", "HELLO  {}", "hello {}", "HELLO", "", "HELLO{}"}) {
      assertThat(server.client(first).helloOutcome).as(first).isEqualTo(Outcome.close());
    }
  }

  @Test
  void helloWhoseJsonGoCannotDecodeClosesSilently() {
    for (String json : new String[] {"{", "{\"pid\":\"x\"}", "{\"v\":\"2\"}", "{\"v\":300}", "{\"v\":-1}",
        "{\"labels\":\"x\"}", "{\"labels\":[1]}", "{\"wid\":1}", "{\"v\":2.5}", "{\"StartedAt\":\"x\"}",
        "{\"rss_kb\":1.5}", "{} x"}) {
      assertThat(server.client("HELLO " + json).helloOutcome).as(json).isEqualTo(Outcome.close());
    }
  }

  /** v is Go's uint8: ParseUint takes no sign (not even -0), no fraction, no exponent (go-vectors, kind hello). */
  @Test
  void versionWithASignFractionOrExponentClosesSilently() {
    for (String json : new String[] {"{\"v\":-0}", "{\"v\":-0.0}", "{\"v\":2.0}", "{\"v\":2e0}", "{\"V\":-0}",
        "{\"v\":-0,\"v\":2}", "{\"v\":99999999999999999999}", "{\"v\":1e400}"}) {
      assertThat(server.client("HELLO " + json).helloOutcome).as(json).isEqualTo(Outcome.close());
    }
    assertThat(server.client("HELLO {\"v\":2,\"pid\":-0}").helloOutcome).isEqualTo(Outcome.send(Reply.OK));
  }

  @Test
  void closedConnectionRefusesFurtherLines() {
    TestClient client = server.client("INFO");
    assertThat(client.send("HELLO {}")).isEqualTo(Outcome.close());
  }

  @Test
  void correctPasswordHashIsAccepted() {
    TestClient client = secured.connect();
    Matcher hi = HI.matcher(((Reply.SimpleString) client.session.greeting()).text());
    assertThat(hi.matches()).isTrue();
    String hash = PasswordHash.compute("pw", hi.group(2), Integer.parseInt(hi.group(1)));
    assertThat(client.send("HELLO {\"v\":2,\"pwdhash\":\"" + hash + "\"}")).isEqualTo(Outcome.send(Reply.OK));
  }

  @Test
  void legacyClientIsCheckedWithOneIteration() {
    TestClient client = secured.connect();
    Matcher hi = HI.matcher(((Reply.SimpleString) client.session.greeting()).text());
    assertThat(hi.matches()).isTrue();
    String hash = PasswordHash.compute("pw", hi.group(2), 1);
    assertThat(client.send("HELLO {\"v\":1,\"pwdhash\":\"" + hash + "\"}")).isEqualTo(Outcome.send(Reply.OK));
  }

  @Test
  void wrongOrMissingPasswordIsRefusedWithError() {
    Outcome refused = Outcome.sendAndClose(Reply.err("Invalid password"));
    assertThat(secured.client("HELLO {\"v\":2,\"pwdhash\":\"00\"}").helloOutcome).isEqualTo(refused);
    assertThat(secured.client("HELLO {\"v\":2}").helloOutcome).isEqualTo(refused);
    assertThat(secured.state().counters().connections()).isZero();
  }

  @Test
  void handshakeNotDoneWithinTwoSecondsClosesTheConnection() {
    TestClient silent = server.connect();
    TestClient done = server.producer();
    server.advance(java.time.Duration.ofMillis(1999));
    assertThat(silent.connection.closedByServer()).isFalse();
    server.advance(java.time.Duration.ofMillis(1));
    assertThat(silent.connection.closedByServer()).isTrue();
    assertThat(done.connection.closedByServer()).isFalse();
    assertThat(silent.send("HELLO {}")).isEqualTo(Outcome.close());
  }

  @Test
  void helloAfterHandshakeIsAnUnknownCommand() {
    assertThat(server.producer().call("HELLO {}")).isEqualTo(Reply.err("unknown command HELLO"));
  }

  @Test
  void connectionsAboveTheCapGetOkThenAnErrorAndAreClosed() {
    FakeServer small = new FakeServer(ModelSettings.builder().maxConnections(2).seed(1L).build());
    small.producer();
    small.worker("w1");
    TestClient third = small.worker("w2");
    assertThat(third.helloOutcome)
        .isEqualTo(Outcome.sendAllAndClose(Reply.OK, Reply.err("too many connections: 3")));
    assertThat(small.state().counters().connections()).isEqualTo(2);
    assertThat(small.state().workers()).extracting(ServerState.Worker::wid).containsExactly("w1");
    third.close();
    assertThat(small.state().counters().connections()).isEqualTo(2);
  }

  @Test
  void connectionsAreCountedFromHandshakeToClose() {
    server.connect();
    TestClient a = server.producer();
    server.producer();
    assertThat(server.state().counters().connections()).isEqualTo(2);
    a.close();
    assertThat(server.state().counters().connections()).isEqualTo(1);
  }

  @Test
  void helloWithWidRegistersAWorkerKeepingTheFirstHelloDetails() {
    server.worker("w1");
    server.client("HELLO {\"wid\":\"w1\",\"hostname\":\"other\",\"pid\":7}");
    ServerState.Worker worker = server.state().worker("w1").orElseThrow();
    assertThat(worker.hostname()).isEqualTo("box");
    assertThat(worker.pid()).isEqualTo(42);
    assertThat(worker.labels()).containsExactly("a");
    assertThat(worker.connections()).isEqualTo(2);
    assertThat(worker.state()).isEqualTo(WorkerState.RUNNING);
    assertThat(worker.startedAt()).isEqualTo(FakeServer.START);
  }
}
