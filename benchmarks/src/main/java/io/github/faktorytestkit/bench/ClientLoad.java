package io.github.faktorytestkit.bench;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.protocol.Job;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workload of Faktory's Go {@code load} tool, run with the project's client: {@code threads} connections, the
 * even ones pushing {@code SomeJob [1, "string", 3]} to one of five queues, the odd ones fetching from the five in
 * a shuffled order and acknowledging (failing one in a hundred), until {@code jobs} pushes or fetches are done.
 */
final class ClientLoad {
  private static final List<String> QUEUES = List.of("queue0", "queue1", "queue2", "queue3", "queue4");

  private ClientLoad() {}

  /** Runs the workload against {@code url} and returns jobs per second, as {@code load} computes it. */
  static double run(String url, int jobs, int threads) throws Exception {
    try (FaktoryClient client = LoadClients.connect(url)) {
      client.flush();
    }
    AtomicLong pushes = new AtomicLong();
    AtomicLong pops = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      boolean pusher = i % 2 == 0;
      Thread worker = new Thread(() -> stress(url, pusher ? pushes : pops, pusher, jobs));
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return jobs / ((System.nanoTime() - start) / 1e9);
  }

  private static void stress(String url, AtomicLong done, boolean pusher, int jobs) {
    List<String> queues = new ArrayList<>(QUEUES);
    Collections.shuffle(queues);
    String[] fetchOrder = queues.toArray(String[]::new);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try (FaktoryClient client = LoadClients.connect(url)) {
      do {
        if (pusher) {
          client.push(Job.builder("SomeJob").args(1, "string", 3).queue(QUEUES.get(random.nextInt(5))).build());
        } else {
          pop(client, fetchOrder, random);
        }
      } while (done.incrementAndGet() < jobs);
    }
  }

  private static void pop(FaktoryClient client, String[] queues, ThreadLocalRandom random) {
    Optional<Job> job = client.fetch(queues);
    if (job.isEmpty()) {
      return;
    }
    if (random.nextInt(100) == 99) {
      client.fail(job.get().jid(), "ErrClosed", "file already closed", List.of());
    } else {
      client.ack(job.get().jid());
    }
  }
}
