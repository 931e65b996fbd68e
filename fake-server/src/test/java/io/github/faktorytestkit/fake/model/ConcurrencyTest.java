package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.session.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several connections used from several threads while the clock advances: no lost job, no deadlock. */
@Timeout(30)
class ConcurrencyTest {
  private static final int THREADS = 4;
  private static final int JOBS = 300;

  @Test
  void concurrentProducersConsumersAndClockKeepEveryJob() throws Exception {
    FakeServer server = new FakeServer();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS * 2 + 1);
    try {
      // every handshake first: a connection opened while other threads move the clock could miss its 2 s deadline
      List<TestClient> producers = new ArrayList<>();
      List<TestClient> consumers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        producers.add(server.producer());
        // consumers without a wid: with every thread moving the clock, a worker could go 60 s without a BEAT
        // between two of its own lines and be reaped, which is right but not what this test is about
        consumers.add(server.producer());
      }
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        tasks.add(pool.submit(() -> produce(producers.get(thread), thread)));
        tasks.add(pool.submit(() -> consume(server, consumers.get(thread))));
      }
      for (Future<?> task : tasks) {
        task.get(20, TimeUnit.SECONDS);
      }
      assertThat(server.state().counters().processed()).isEqualTo(THREADS * JOBS);
      assertThat(server.state().working()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  private static void produce(TestClient producer, int thread) {
    for (int i = 0; i < JOBS; i++) {
      String jid = String.format("t%d-%06d", thread, i);
      assertThat(producer.call("PUSH {\"jid\":\"" + jid + "\",\"jobtype\":\"A\",\"args\":[]}")).isEqualTo(Reply.OK);
    }
  }

  private static void consume(FakeServer server, TestClient consumer) {
    int done = 0;
    while (done < JOBS) {
      CompletableFuture<Outcome> fetch = consumer.sendAsync("FETCH default");
      while (!fetch.isDone()) {
        server.advanceSeconds(1);
      }
      Reply reply = TestClient.replyOf(fetch.join());
      if (reply instanceof Reply.BulkString job) {
        String jid = job.text().replaceAll(".*\"jid\":\"([^\"]+)\".*", "$1");
        assertThat(consumer.call("ACK {\"jid\":\"" + jid + "\"}")).isEqualTo(Reply.OK);
        done++;
      }
    }
  }
}
