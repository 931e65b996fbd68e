package io.github.faktorytestkit.bench;

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
 * The workload of Faktory's Go {@code load} tool with a {@link FaktoryWorker} doing the pops: half the threads PUSH
 * {@code SomeJob [1, "string", 3]} to one of five queues while a worker with the other half as processors fetches
 * from all five (weighted alike, so in a random order) and acknowledges, failing one in a hundred.
 */
final class WorkerLoad {
  private static final List<String> QUEUES = List.of("queue0", "queue1", "queue2", "queue3", "queue4");

  private WorkerLoad() {}

  /** Runs the workload against {@code url}; returns jobs per second from the first push to the last job performed. */
  static double run(String url, int jobs, int threads) throws Exception {
    try (FaktoryClient client = LoadClients.connect(url)) {
      client.flush();
    }
    CountDownLatch performed = new CountDownLatch(jobs);
    long start = System.nanoTime();
    FaktoryWorker worker = FaktoryWorker.builder()
        .url(url)
        .concurrency(Math.max(1, threads / 2))
        .weightedQueues(Map.of("queue0", 1, "queue1", 1, "queue2", 1, "queue3", 1, "queue4", 1))
        .handle("SomeJob", job -> {
          performed.countDown();
          if (ThreadLocalRandom.current().nextInt(100) == 99) {
            throw new IllegalStateException("the 1 % that fail");
          }
        })
        .start();
    try {
      push(url, jobs, Math.max(1, threads - threads / 2));
      performed.await();
      return jobs / ((System.nanoTime() - start) / 1e9);
    } finally {
      worker.terminate();
      worker.awaitTermination(Duration.ofSeconds(30));
    }
  }

  private static void push(String url, int jobs, int producers) throws InterruptedException {
    AtomicLong pushes = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < producers; i++) {
      Thread thread = new Thread(() -> {
        try (FaktoryClient client = LoadClients.connect(url)) {
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
  }
}
