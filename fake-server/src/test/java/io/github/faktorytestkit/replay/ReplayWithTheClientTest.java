package io.github.faktorytestkit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.FaktoryCommandException;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.recorder.RecordingProxy;
import io.github.faktorytestkit.transcript.Transcript;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The project's client against a replay: a session recorded through the recording proxy replays with the same code
 * although every jid is new (placeholders bind on first sight), a worker that fetches before the producer pushed
 * gets its job once the push arrives (causality across connections), and a changed step gets the near-miss diff.
 */
class ReplayWithTheClientTest {

  @Test
  void aRecordedSessionReplaysWithNewJids() {
    Transcript recorded = record(ReplayWithTheClientTest::signUp);
    try (ReplayFaktory replay = ReplayFaktory.builder(recorded).start()) {
      signUp(replay.url());
      replay.close();
      replay.verify();
    }
  }

  @Test
  void aWorkerThatFetchesBeforeThePushGetsTheJobOnceItIsPushed() {
    Transcript recorded = record(ReplayWithTheClientTest::signUp);
    try (ReplayFaktory replay = ReplayFaktory.builder(recorded).start()) {
      try (FaktoryClient producer = FaktoryClient.connect(replay.url().toString());
          FaktoryClient worker = FaktoryClient.builder().url(replay.url()).wid("mailer").connect()) {
        CompletableFuture<Optional<Job>> fetched = CompletableFuture.supplyAsync(() -> worker.fetch("mail"));
        producer.push(Job.builder("SendEmail").queue("mail").args("ann@example.com").build());
        Job job = fetched.join().orElseThrow();
        assertThat(job.jobtype()).isEqualTo("SendEmail");
        worker.ack(job.jid());
      }
      replay.close();
      replay.verify();
    }
  }

  @Test
  void aChangedStepFailsWithTheNearMissDiff() {
    Transcript recorded = record(ReplayWithTheClientTest::signUp);
    try (ReplayFaktory replay = ReplayFaktory.builder(recorded).start()) {
      try (FaktoryClient producer = FaktoryClient.connect(replay.url().toString())) {
        assertThatThrownBy(() -> producer.push(Job.builder("SendMail").queue("mail").args("ann@example.com").build()))
            .isInstanceOf(FaktoryCommandException.class).hasMessageContaining("replay mismatch at c1 frame 4");
      }
      replay.close();
      Mismatch mismatch = replay.mismatches().get(0);
      System.out.println(mismatch);
      assertThat(mismatch.connection()).isEqualTo("c1");
      assertThat(mismatch.position()).isEqualTo(4);
      assertThat(mismatch.expected()).startsWith("c1 > PUSH {").contains("\"jid\":\"{{jid:1=")
        .contains("\"jobtype\":\"SendEmail\"");
      assertThat(mismatch.actual()).startsWith("> PUSH {").contains("\"jobtype\":\"SendMail\"");
      assertThat(mismatch.difference()).isEqualTo("$.jobtype: expected \"SendEmail\", got \"SendMail\"");
      assertThat(mismatch.closest()).hasValueSatisfying(closest -> assertThat(closest).startsWith("c2 frame "));
      assertThatThrownBy(replay::verify).hasMessageContaining(mismatch.toString())
          .hasMessageContaining("recorded frame(s) not played");
    }
  }

  /** The code under test: a producer pushes a mail job, a worker fetches and acknowledges it. */
  private static void signUp(URI url) {
    try (FaktoryClient producer = FaktoryClient.connect(url.toString());
        FaktoryClient worker = FaktoryClient.builder().url(url).wid("mailer").connect()) {
      producer.push(Job.builder("SendEmail").queue("mail").args("ann@example.com").build());
      Job job = worker.fetch("mail").orElseThrow();
      worker.ack(job.jid());
    }
  }

  /** Records {@code code} against a model fake through the recording proxy. */
  private static Transcript record(Consumer<URI> code) {
    try (FakeFaktory fake = FakeFaktory.start();
        RecordingProxy proxy = RecordingProxy.builder().upstream(fake.url().toString()).scenario("sign-up").start()) {
      code.accept(proxy.url());
      proxy.close();
      return proxy.transcript();
    }
  }
}
