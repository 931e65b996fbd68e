package io.github.faktorytestkit.fake.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.worker.FaktoryWorker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's worker and its test on the fake, kept compiling and passing; keep the two in step. */
@Timeout(20)
class ReadmeWorkerExampleTest {

  @Test
  void retriesBeatsAndStopsWhenTheServerSaysSo() throws Exception {
    try (FakeFaktory server = FakeFaktory.start(); FaktoryClient client = FaktoryClient.connect(server.url().toString())) {
      AtomicInteger attempts = new AtomicInteger();
      FaktoryWorker worker = FaktoryWorker.builder().url(server.url()).clock(server.workerClock()) // the fake's time
          .handle("SendEmail", job -> Mailer.send(attempts.incrementAndGet()))     // throws on the first attempt
          .start();
      client.push(Job.of("SendEmail", "ann@example.com"));
      assertThat(server.takeCommand("FAIL").line()).contains("smtp down");       // the handler threw: FAIL
      server.advance(Duration.ofSeconds(60));                                   // the retry falls due, BEATs go
      assertThat(server.takeCommand("ACK").line()).contains("\"jid\"");          // second attempt: ACK
      assertThat(server.takeCommand("BEAT").line()).contains("\"rss_kb\"");      // heartbeat every 15 s
      server.state().quiet(worker.wid());                                       // as the Web UI's POST /busy
      server.advance(Duration.ofSeconds(15));
      worker.reached(FaktoryWorker.State.QUIET).get();                          // fetches no more
      server.state().terminate(worker.wid());
      server.advance(Duration.ofSeconds(15));
      worker.reached(FaktoryWorker.State.STOPPING).get();
      server.advance(Duration.ofSeconds(25));                                   // the shutdown timeout
      assertThat(worker.awaitTermination(Duration.ofSeconds(5))).isTrue();      // jobs in hand FAILed, END sent
    }
  }

  /** Stands for the code under test: fails once, as a mail server that is down would. */
  private static final class Mailer {
    static void send(int attempt) {
      if (attempt == 1) {
        throw new IllegalStateException("smtp down");
      }
    }
  }
}
