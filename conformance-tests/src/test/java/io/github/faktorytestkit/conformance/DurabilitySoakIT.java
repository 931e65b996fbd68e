package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.ServerInfo;
import io.github.faktorytestkit.protocol.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;

/**
 * Durability under dropped consumers: 8 producers push, 8 consumers fetch, and on its first delivery every tenth job
 * (by index, so both servers drop the same jobs) is fetched by a consumer that then drops its connection without
 * ACK. The reservation expires into a retry (a failure), the retry comes back, and a consumer acknowledges it.
 * Every job must be acknowledged exactly once, the dropped ones after exactly one retry; none lost. The fake runs
 * 100,000 jobs on its clock in seconds; the same workload scaled down runs on the fake and on real Faktory (which
 * takes its reaper's and retry scanner's real time, about two minutes), with the counts compared.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class DurabilitySoakIT {
  private static final int THREADS = 8;
  private static final int DROP_EVERY = 10;
  private static final int SCALED_JOBS = 800;
  /** Faktory's shortest reservation: a dropped job comes back after it. */
  private static final int RESERVE_SECONDS = 60;
  private static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);
  /** The counts of the scaled workload, the same on every target. */
  private static final Counts SCALED = new Counts(SCALED_JOBS, SCALED_JOBS / DROP_EVERY, SCALED_JOBS / DROP_EVERY,
      SCALED_JOBS, 0, 0);

  @Heavy
  @AcrossTargets(TargetKind.FAKE)
  void hundredThousandJobsOnTheFakesClock(Target target) throws Exception {
    int jobs = 100_000;
    Counts counts = new Soak(target, "soak-full", jobs).run();
    assertThat(counts).isEqualTo(new Counts(jobs, jobs / DROP_EVERY, jobs / DROP_EVERY, jobs, 0, 0));
  }

  @AcrossTargets({TargetKind.FAKE, TargetKind.LOCAL})
  void scaledDownWorkloadGivesTheSameCountsOnEveryServer(Target target) throws Exception {
    assertThat(new Soak(target, "soak-scaled", SCALED_JOBS).run()).isEqualTo(SCALED);
  }

  /**
   * What one run counted: jobs pushed, consumers that dropped their connection, jobs retried (the server's failure
   * counter), jobs acknowledged exactly once, jobs acknowledged more than once, and jobs never acknowledged.
   */
  record Counts(long pushed, long dropped, long retried, long ackedOnce, long duplicated, long lost) {}

  /** One run of the workload on one target. */
  private static final class Soak {
    private final Target target;
    private final String queue;
    private final int jobs;
    private final Map<String, AtomicInteger> acks = new ConcurrentHashMap<>();
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    Soak(Target target, String queue, int jobs) {
      this.target = target;
      this.queue = queue;
      this.jobs = jobs;
    }

    Counts run() throws Exception {
      Instant started = Instant.now();
      long failuresBefore;
      try (FaktoryClient admin = target.connect()) {
        failuresBefore = admin.info().totalFailures();
        inParallel(this::produce);
        consumeRound(admin);
        settle(admin);
        consumeRound(admin);
        ServerInfo info = admin.info();
        assertThat(info.queues().getOrDefault(queue, 0L)).as("left in the queue").isZero();
        assertThat(info.setSize("working") + info.setSize("retries") + info.setSize("dead")).as("left in sets")
            .isZero();
        Counts counts = counts(info.totalFailures() - failuresBefore);
        System.out.printf("durability soak on %s: %s in %d ms%n", target.name(), counts,
            Duration.between(started, Instant.now()).toMillis());
        return counts;
      } finally {
        threads.shutdownNow();
      }
    }

    private Counts counts(long retried) {
      long once = acks.values().stream().filter(count -> count.get() == 1).count();
      long duplicated = acks.values().stream().filter(count -> count.get() > 1).count();
      return new Counts(jobs, dropped.get(), retried, once, duplicated, jobs - acks.size());
    }

    private void produce(int thread) {
      try (FaktoryClient producer = target.connect()) {
        for (int i = thread; i < jobs; i += THREADS) {
          producer.push(Job.builder("Soak").jid(String.format("%s-%06d", queue, i)).queue(queue).args(i)
              .reserveFor(RESERVE_SECONDS).build());
        }
      }
    }

    /** Fetches exactly as many jobs as the queue holds, so no FETCH ever waits; the clock stays still meanwhile. */
    private void consumeRound(FaktoryClient admin) throws Exception {
      AtomicLong slots = new AtomicLong(admin.info().queues().getOrDefault(queue, 0L));
      inParallel(thread -> consume(thread, slots));
    }

    private void consume(int thread, AtomicLong slots) {
      FaktoryClient consumer = consumer(thread);
      try {
        while (slots.getAndDecrement() > 0) {
          Optional<Job> fetched = consumer.fetch(queue);
          assertThat(fetched).as("a job in a queue that holds one for every FETCH").isPresent();
          String jid = fetched.get().jid();
          if (delivered.add(jid) && index(jid) % DROP_EVERY == 0) {
            dropped.incrementAndGet();
            consumer.close();
            consumer = consumer(thread);
          } else {
            consumer.ack(jid);
            acks.computeIfAbsent(jid, key -> new AtomicInteger()).incrementAndGet();
          }
        }
      } finally {
        consumer.close();
      }
    }

    private FaktoryClient consumer(int thread) {
      return target.clientBuilder().wid(queue + "-consumer-" + thread + "-" + Job.randomJid()).connect();
    }

    /** Lets the server's time pass until every dropped reservation expired into a retry and the retry is due. */
    private void settle(FaktoryClient admin) {
      Instant limit = target.now().plus(SETTLE_LIMIT);
      ServerInfo info = admin.info();
      while (info.setSize("working") + info.setSize("retries") > 0 && target.now().isBefore(limit)) {
        target.elapse(Duration.ofSeconds(5));
        info = admin.info();
      }
      assertThat(info.setSize("working") + info.setSize("retries")).as("still reserved or waiting to retry")
          .isZero();
    }

    private static int index(String jid) {
      return Integer.parseInt(jid.substring(jid.lastIndexOf('-') + 1));
    }

    private void inParallel(IntConsumer task) throws Exception {
      List<Future<?>> running = new ArrayList<>();
      IntStream.range(0, THREADS).forEach(thread -> running.add(threads.submit(() -> task.accept(thread))));
      for (Future<?> future : running) {
        future.get();
      }
    }
  }
}
