package io.github.faktorytestkit.fake.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.Fault;
import io.github.faktorytestkit.fake.RecordedCommand;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 8 processors and 10,000 jobs on the fake, 10 % of executions failing at random (seeded) and a few connections
 * dropped: every job ends acked exactly once or dead after the retries the server allows; none lost or duplicated.
 */
@Timeout(300)
class WorkerSoakTest {
  private static final int JOBS = 10_000;
  private static final int PROCESSORS = 8;
  private static final int RETRY = 2;
  private static final double FAILURE_RATE = 0.1;

  private final WorkerFixture fixture = new WorkerFixture();
  private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
  private final BlockingQueue<String> progress = new LinkedBlockingQueue<>();

  @AfterEach
  void closeAll() {
    fixture.close();
  }

  @Test
  void everyJobIsAckedOnceOrRetriedAsTheServerSaysAndNoneIsLost() throws Exception {
    Set<String> jids = pushJobs();
    fixture.server.inject(Fault.closeAfterReply("FETCH").repeated(5));
    fixture.server.inject(Fault.closeInsteadOfReply("ACK").repeated(5));
    fixture.start(fixture.builder().concurrency(PROCESSORS).handle("Soak", this::perform));

    Set<String> dead = runUntilSettled();

    int runs = executions.values().stream().mapToInt(AtomicInteger::get).sum();
    long failed = runs - successes.size();
    long duplicated = successes.values().stream().filter(count -> count.get() > 1).count();
    Set<String> settled = new HashSet<>(successes.keySet());
    settled.addAll(dead);
    long lost = jids.stream().filter(jid -> !settled.contains(jid)).count();
    System.out.printf("soak: %d jobs, %d processors: processed %d, acked %d, failed %d, retried %d, dead %d,"
        + " lost %d, duplicated %d%n", JOBS, PROCESSORS, runs, successes.size(), failed, runs - JOBS, dead.size(),
        lost, duplicated);

    assertThat(lost).isZero();
    assertThat(duplicated).isZero();
    assertThat(dead).doesNotContainAnyElementsOf(successes.keySet());
    dead.forEach(jid -> assertThat(executions.get(jid)).hasValue(RETRY + 1));
    assertThat(fixture.server.state().counters().processed()).isEqualTo(runs);
    assertThat(fixture.server.state().counters().failures()).isEqualTo(failed);
    assertThat(ackedOkByJid()).isEqualTo(successes.keySet().stream()
        .collect(Collectors.toMap(jid -> jid, jid -> 1L)));
  }

  private Set<String> pushJobs() {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      jobs.add(Job.builder("Soak").args(i).retry(RETRY).build());
    }
    for (int from = 0; from < JOBS; from += 1000) {
      assertThat(fixture.producer.pushBulk(jobs.subList(from, from + 1000)).allAccepted()).isTrue();
    }
    return jobs.stream().map(Job::jid).collect(Collectors.toSet());
  }

  private void perform(Job job) {
    int attempt = executions.computeIfAbsent(job.jid(), jid -> new AtomicInteger()).incrementAndGet();
    progress.add(job.jid());
    if (new SplittableRandom(job.jid().hashCode() * 31L + attempt).nextDouble() < FAILURE_RATE) {
      throw new IllegalStateException("random failure, attempt " + attempt);
    }
    successes.computeIfAbsent(job.jid(), jid -> new AtomicInteger()).incrementAndGet();
  }

  /** Lets the worker run; whenever it has gone idle, moves the fake's clock so retries fall due. */
  private Set<String> runUntilSettled() throws InterruptedException {
    while (true) {
      if (progress.poll(200, TimeUnit.MILLISECONDS) != null) {
        progress.clear();
        continue;
      }
      Set<String> dead = fixture.server.state().dead().stream().map(entry -> entry.job().jid())
          .collect(Collectors.toSet());
      if (successes.size() + dead.size() == JOBS && fixture.server.state().retries().isEmpty()
          && fixture.server.state().working().isEmpty()) {
        return dead;
      }
      fixture.server.advance(Duration.ofSeconds(5));
    }
  }

  private Map<String, Long> ackedOkByJid() {
    return fixture.server.commands().stream()
        .filter(command -> command.verb().equals("ACK") && command.reply().equals(Optional.of(Reply.OK)))
        .collect(Collectors.groupingBy(WorkerSoakTest::jidOf, Collectors.counting()));
  }

  private static String jidOf(RecordedCommand ack) {
    String line = ack.line();
    return line.substring(line.indexOf(":\"") + 2, line.lastIndexOf('"'));
  }
}
