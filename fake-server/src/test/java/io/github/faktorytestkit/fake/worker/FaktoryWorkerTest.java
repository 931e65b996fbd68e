package io.github.faktorytestkit.fake.worker;

import static io.github.faktorytestkit.fake.worker.WorkerFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.Fault;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.worker.FaktoryWorker;
import io.github.faktorytestkit.worker.UnknownJobTypeException;
import io.github.faktorytestkit.worker.WorkerShutdownException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The worker's lifecycle against the fake, every wait on the fake's clock: nothing here sleeps. */
@Timeout(30)
class FaktoryWorkerTest {
  private final WorkerFixture fixture = new WorkerFixture();
  private final List<Object> performed = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void closeAll() {
    fixture.close();
  }

  /** Starts a worker whose handler of {@code Slow} holds its job until {@link #release}; returns once it does. */
  private FaktoryWorker startWithAJobInHand() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    FaktoryWorker worker = fixture.start(fixture.builder().handle("Slow", job -> {
      started.countDown();
      WorkerFixture.await(release);
    }));
    WorkerFixture.await(started);
    return worker;
  }

  @Test
  void performsAJobAndAcksIt() {
    Job job = fixture.push("Greet", "ann");
    fixture.start(fixture.builder().handle("Greet", j -> performed.add(j.args().get(0))));

    assertThat(fixture.server.takeCommand("ACK").line()).isEqualTo("ACK {\"jid\":\"" + job.jid() + "\"}");
    assertThat(performed).containsExactly("ann");
    assertThat(fixture.server.state().counters().processed()).isEqualTo(1);
    assertThat(fixture.server.state().working()).isEmpty();
  }

  @Test
  void aFailingHandlerFailsTheJobWithItsClassMessageAndBacktrace() {
    Job job = fixture.push("Greet", "ann");
    fixture.start(fixture.builder().handle("Greet", j -> {
      throw new IllegalStateException("no greeting today");
    }));

    assertThat(fixture.server.takeCommand("FAIL").line()).contains(job.jid());
    var failure = fixture.server.state().retries().get(0).job().failure();
    assertThat(failure.errtype()).isEqualTo("java.lang.IllegalStateException");
    assertThat(failure.message()).isEqualTo("no greeting today");
    assertThat(failure.backtrace()).anyMatch(line -> line.contains("FaktoryWorkerTest"));
  }

  @Test
  void anUnknownJobtypeFailsWithAClearMessage() {
    fixture.push("Mystery");
    fixture.start(fixture.builder().handle("Greet", performed::add));

    fixture.server.takeCommand("FAIL");
    var failure = fixture.server.state().retries().get(0).job().failure();
    assertThat(failure.errtype()).isEqualTo(UnknownJobTypeException.class.getName());
    assertThat(failure.message()).isEqualTo("no handler registered for jobtype Mystery (registered: [Greet])");
    assertThat(performed).isEmpty();
  }

  @Test
  void middlewareRunsAroundEveryJobOutermostFirst() {
    fixture.push("Greet", "ann");
    fixture.push("Mystery");
    fixture.start(fixture.builder()
        .use((job, next) -> {
          performed.add("outer " + job.jobtype());
          next.perform(job);
        })
        .use((job, next) -> {
          performed.add("inner " + job.jobtype());
          try {
            next.perform(job);
          } catch (UnknownJobTypeException e) {
            performed.add("unknown " + e.jobtype());
            throw e;
          }
        })
        .handle("Greet", job -> performed.add("greet")));

    fixture.server.takeCommand("ACK");
    fixture.server.takeCommand("FAIL");
    assertThat(performed).containsExactly("outer Greet", "inner Greet", "greet",
        "outer Mystery", "inner Mystery", "unknown Mystery");
  }

  @Test
  void strictOrderTakesTheFirstQueueFirst() {
    Job low = Job.builder("Greet").queue("low").args("low").build();
    Job high = Job.builder("Greet").queue("high").args("high").build();
    fixture.producer.push(low);
    fixture.producer.push(high);
    fixture.start(fixture.builder().queues("high", "low").handle("Greet", j -> performed.add(j.args().get(0))));

    assertThat(fixture.server.takeCommand("ACK").line()).contains(high.jid());
    assertThat(fixture.server.takeCommand("ACK").line()).contains(low.jid());
    assertThat(fixture.server.takeCommand("FETCH").line()).isEqualTo("FETCH high low");
    assertThat(performed).containsExactly("high", "low");
  }

  @Test
  void eachProcessorHasItsOwnConnectionUnderTheWorkersWid() {
    fixture.start(fixture.builder().concurrency(3).handle("Greet", performed::add));
    for (int i = 0; i < 3; i++) {
      fixture.server.awaitReceived("FETCH");
    }

    var registered = fixture.server.state().worker("w1").orElseThrow();
    assertThat(registered.connections()).isEqualTo(4); // three processors and the heartbeat
  }

  @Test
  void beatsEvery15sWithRssAndState() {
    Instant start = fixture.server.now();
    fixture.start(fixture.builder().handle("Greet", performed::add));

    fixture.server.advance(Duration.ofSeconds(15));
    var first = fixture.server.takeCommand("BEAT");
    fixture.server.advance(Duration.ofSeconds(15));
    var second = fixture.server.takeCommand("BEAT");

    assertThat(first.line()).matches("BEAT \\{\"wid\":\"w1\",\"rss_kb\":[1-9][0-9]*}");
    assertThat(first.receivedAt()).isEqualTo(start.plusSeconds(15));
    assertThat(second.receivedAt()).isEqualTo(start.plusSeconds(30));
    assertThat(fixture.server.state().worker("w1").orElseThrow().rssKb()).isPositive();
  }

  @Test
  void quietFromTheServerStopsFetchingAndFinishesTheJobInHand() throws Exception {
    Job inHand = fixture.push("Slow");
    FaktoryWorker worker = startWithAJobInHand();

    fixture.server.state().quiet("w1");
    fixture.server.advance(Duration.ofSeconds(15));
    assertThat(fixture.server.takeCommand("BEAT").reply()).contains(Reply.bulk("{\"state\":\"quiet\"}"));
    worker.reached(FaktoryWorker.State.QUIET).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    release.countDown();

    assertThat(fixture.server.takeCommand("ACK").line()).contains(inHand.jid());
    fixture.server.awaitReceived("END"); // the processor's connection, done for good
    fixture.push("Slow");
    fixture.server.advance(Duration.ofSeconds(15));
    assertThat(fixture.server.takeCommand("BEAT").line()).contains("\"current_state\":\"quiet\"");
    assertThat(fixture.server.state().queueSize("default")).isEqualTo(1);
    assertThat(worker.state()).isEqualTo(FaktoryWorker.State.QUIET);
  }

  @Test
  void terminateFromTheServerWaitsTheTimeoutThenFailsTheRunningJobAndEnds() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Job stuck = fixture.push("Stuck");
    FaktoryWorker worker = fixture.start(fixture.builder().shutdownTimeout(Duration.ofSeconds(20))
        .handle("Stuck", job -> {
          started.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
          }
        }));
    WorkerFixture.await(started);

    fixture.server.state().terminate("w1");
    fixture.server.advance(Duration.ofSeconds(15));
    worker.reached(FaktoryWorker.State.STOPPING).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(worker.awaitTermination(Duration.ZERO)).isFalse();
    fixture.server.advance(Duration.ofSeconds(20));

    assertThat(worker.awaitTermination(WAIT)).isTrue();
    WorkerFixture.await(interrupted);
    assertThat(fixture.server.takeCommand("FAIL").line()).contains(stuck.jid());
    var failure = fixture.server.state().retries().get(0).job().failure();
    assertThat(failure.errtype()).isEqualTo(WorkerShutdownException.class.getName());
    assertThat(failure.message()).contains("PT20S");
    assertThat(failure.backtrace()).anyMatch(line -> line.contains("CountDownLatch.await"));
    assertThat(fixture.commands("ACK", stuck.jid())).isEmpty();
    fixture.server.awaitReceived("END"); // the processor's connection
    fixture.server.awaitReceived("END"); // the heartbeat's
    assertThat(worker.state()).isEqualTo(FaktoryWorker.State.STOPPED);
  }

  @Test
  void shutdownWaitsForTheJobInHandAndAcksIt() throws Exception {
    Job inHand = fixture.push("Slow");
    FaktoryWorker worker = startWithAJobInHand();

    worker.shutdown(Duration.ofSeconds(30));
    release.countDown();

    assertThat(worker.awaitTermination(WAIT)).isTrue();
    assertThat(fixture.server.takeCommand("ACK").line()).contains(inHand.jid());
    assertThat(fixture.server.state().counters().failures()).isZero();
    fixture.server.awaitReceived("END");
    fixture.server.awaitReceived("END");
  }

  @Test
  void aFailedJobIsRetriedByTheServerAndThenAcked() {
    Job job = fixture.push("Flaky");
    fixture.start(fixture.builder().handle("Flaky", j -> {
      performed.add(j.jid());
      if (performed.size() == 1) {
        throw new IllegalStateException("first time fails");
      }
    }));

    fixture.server.takeCommand("FAIL");
    fixture.server.advance(Duration.ofSeconds(60)); // the first retry comes 15 to 44 s later

    assertThat(fixture.server.takeCommand("ACK").line()).contains(job.jid());
    assertThat(performed).containsExactly(job.jid(), job.jid());
    assertThat(fixture.server.state().retries()).isEmpty();
  }

  @Test
  void aConnectionDroppedAfterFetchReconnectsAndStillAcksTheJob() {
    fixture.server.inject(Fault.closeAfterReply("FETCH"));
    Job job = fixture.push("Greet", "ann");
    fixture.start(fixture.builder().handle("Greet", j -> performed.add(j.jid())));

    assertThat(fixture.server.takeCommand("ACK").reply()).contains(Reply.OK);
    assertThat(fixture.commands("ACK", job.jid())).hasSize(1);
    assertThat(performed).containsExactly(job.jid());
    assertThat(fixture.server.state().working()).isEmpty();
    assertThat(fixture.server.state().counters().processed()).isEqualTo(1);
  }

  @Test
  void aConnectionDroppedAfterAckBeforeItsOkSendsTheAckAgainWithoutDoubleCounting() {
    fixture.server.inject(Fault.closeInsteadOfReply("ACK"));
    Job job = fixture.push("Greet", "ann");
    fixture.start(fixture.builder().handle("Greet", j -> performed.add(j.jid())));

    fixture.server.takeCommand("ACK"); // the one the connection closed instead of answering
    fixture.server.takeCommand("ACK"); // sent again on a new connection

    assertThat(fixture.commands("ACK", job.jid())).hasSize(2);
    assertThat(performed).containsExactly(job.jid());
    assertThat(fixture.server.state().counters().processed()).isEqualTo(1);
    assertThat(fixture.server.state().working()).isEmpty();
  }

  @Test
  void aConnectionDroppedAfterFailBeforeItsOkDoesNotFailTheJobTwice() {
    fixture.server.inject(Fault.closeInsteadOfReply("FAIL"));
    Job job = fixture.push("Greet", "ann");
    fixture.start(fixture.builder().handle("Greet", j -> {
      throw new IllegalStateException("boom");
    }));

    fixture.server.takeCommand("FAIL");
    fixture.server.takeCommand("FAIL"); // sent again: the server no longer holds the job

    assertThat(fixture.commands("FAIL", job.jid())).hasSize(2);
    assertThat(fixture.server.state().counters().failures()).isEqualTo(1);
    assertThat(fixture.server.state().retries()).hasSize(1);
  }

  @Test
  void aDelayedBeatReplyHoldsUpNeitherTheJobsNorTheNextBeat() {
    Instant start = fixture.server.now();
    fixture.server.inject(Fault.delayReply("BEAT", Duration.ofSeconds(10)));
    fixture.start(fixture.builder().handle("Greet", j -> performed.add(j.jid())));

    fixture.server.advance(Duration.ofSeconds(15));
    fixture.server.awaitReceived("BEAT");
    Job job = fixture.push("Greet");
    assertThat(fixture.server.takeCommand("ACK").line()).contains(job.jid());
    fixture.server.advance(Duration.ofSeconds(10)); // the BEAT's reply leaves now
    assertThat(fixture.server.takeCommand("BEAT").receivedAt()).isEqualTo(start.plusSeconds(15));
    fixture.server.advance(Duration.ofSeconds(5));

    assertThat(fixture.server.takeCommand("BEAT").receivedAt()).isEqualTo(start.plusSeconds(30));
    assertThat(performed).containsExactly(job.jid());
  }

  @Test
  void closeStopsAtOnceAndFailsTheRunningJob() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Job stuck = fixture.push("Stuck");
    FaktoryWorker worker = fixture.start(fixture.builder().handle("Stuck", job -> {
      started.countDown();
      new CountDownLatch(1).await();
    }));
    WorkerFixture.await(started);

    worker.close();

    assertThat(worker.state()).isEqualTo(FaktoryWorker.State.STOPPED);
    assertThat(fixture.server.takeCommand("FAIL").line()).contains(stuck.jid());
    assertThat(fixture.server.state().retries()).hasSize(1);
  }
}
