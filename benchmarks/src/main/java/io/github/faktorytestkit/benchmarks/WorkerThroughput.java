package io.github.faktorytestkit.benchmarks;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.worker.FaktoryWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Go {@code load} tool's workload, with a {@link FaktoryWorker} doing the pops: {@code threads / 2} producers
 * PUSH {@code SomeJob [1,"string",3]} to one of {@code queue0..queue4} at random while a worker with the other half
 * of the threads as processors fetches from all five (random order) and ACKs, failing 1 %. Prints the same rate as
 * {@code load}: jobs divided by the seconds from the first push to the last job performed.
 *
 * <p>Usage: {@code java -jar faktory-testkit-benchmarks.jar [jobs=30000] [threads=10]} with {@code FAKTORY_URL}.
 */
public final class WorkerThroughput {
  private static final List<String> QUEUES = List.of("queue0", "queue1", "queue2", "queue3", "queue4");

  private WorkerThroughput() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    try (FaktoryClient admin = FaktoryClient.connect()) {
      admin.flush();
    }
    CountDownLatch performed = new CountDownLatch(jobs);
    long start = System.nanoTime();
    FaktoryWorker worker = FaktoryWorker.builder()
        .concurrency(Math.max(1, threads / 2))
        .weightedQueues(Map.of("queue0", 1, "queue1", 1, "queue2", 1, "queue3", 1, "queue4", 1))
        .handle("SomeJob", job -> {
          performed.countDown();
          if (ThreadLocalRandom.current().nextInt(100) == 99) {
            throw new IllegalStateException("the 1 % that fail");
          }
        })
        .start();
    long pushed = push(jobs, Math.max(1, threads - threads / 2));
    performed.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    worker.terminate();
    worker.awaitTermination(Duration.ofSeconds(30));
    System.out.printf("Processed %d pushes and %d pops in %f seconds, rate: %f jobs/s%n",
        pushed, jobs, seconds, jobs / seconds);
  }

  private static long push(int jobs, int producers) throws InterruptedException {
    AtomicLong pushes = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < producers; i++) {
      Thread thread = new Thread(() -> {
        try (FaktoryClient client = FaktoryClient.connect()) {
          while (pushes.incrementAndGet() <= jobs) {
            String queue = QUEUES.get(ThreadLocalRandom.current().nextInt(QUEUES.size()));
            client.push(Job.builder("SomeJob").queue(queue).args(1, "string", 3).build());
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return jobs;
  }
}
