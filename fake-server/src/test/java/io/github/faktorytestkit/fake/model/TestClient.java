package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.session.ServerSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import java.util.concurrent.CompletableFuture;

/** One connection to a {@link FakeServer}: sends lines, returns outcomes and replies. */
final class TestClient {
  final TestConnection connection;
  final ServerSession session;
  Outcome helloOutcome;

  TestClient(TestConnection connection, ServerSession session) {
    this.connection = connection;
    this.session = session;
  }

  /** Sends a line whose outcome must be immediate, and returns it. */
  Outcome send(String line) {
    CompletableFuture<Outcome> stage = sendAsync(line);
    assertThat(stage).as("outcome of %s", line).isDone();
    return stage.join();
  }

  /** Sends a line and returns its possibly pending outcome. */
  CompletableFuture<Outcome> sendAsync(String line) {
    return session.handle(line).toCompletableFuture();
  }

  /** Sends a line whose outcome must be an immediate reply on an open connection, and returns the reply. */
  Reply call(String line) {
    return replyOf(send(line));
  }

  /** Returns the body of a bulk reply to {@code line}. */
  String bulk(String line) {
    Reply reply = call(line);
    assertThat(reply).as("reply to %s", line).isInstanceOf(Reply.BulkString.class);
    return ((Reply.BulkString) reply).text();
  }

  Reply helloReply() {
    return replyOf(helloOutcome);
  }

  static Reply replyOf(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Send.class);
    return ((Outcome.Send) outcome).reply();
  }

  void close() {
    session.closed();
  }
}
