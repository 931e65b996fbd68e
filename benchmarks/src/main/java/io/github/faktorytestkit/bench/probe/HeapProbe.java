package io.github.faktorytestkit.bench.probe;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.Job;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a fresh JVM: the heap of {@code args[0]} queued jobs in one fake, the cost of a PUSH, FETCH and ACK
 * cycle at 1,000 and at {@code args[0]} queued, and the heap of each of 100 idle fakes. Prints {@code name value}.
 */
public final class HeapProbe {

  private HeapProbe() {}

  /** {@code args[0]}: how many jobs to queue; {@code args[1]}: how many cycles to time at each depth. */
  public static void main(String[] args) throws Exception {
    int jobs = Integer.parseInt(args[0]);
    int cycles = Integer.parseInt(args[1]);
    idleFakes();
    try (FakeFaktory faktory = FakeFaktory.builder().journal(false).start();
        FaktoryClient client = FaktoryClient.builder().url(faktory.url()).wid("heap-probe").connect()) {
      long before = usedHeap();
      enqueue(faktory, 1000);
      System.out.println("cycle-us-1k " + cycleMicros(client, cycles));
      enqueue(faktory, jobs - 1000);
      System.out.println("heap-mb " + (usedHeap() - before) / 1048576.0);
      System.out.println("cycle-us-deep " + cycleMicros(client, cycles));
    }
  }

  private static void idleFakes() {
    FakeFaktory.start().close();   // the shared event loop and the classes are not a per-fake cost
    long before = usedHeap();
    List<FakeFaktory> fakes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      fakes.add(FakeFaktory.start());
    }
    System.out.println("idle-kb " + (usedHeap() - before) / 1024.0 / fakes.size());
    fakes.forEach(FakeFaktory::close);
  }

  private static void enqueue(FakeFaktory faktory, int count) {
    for (int i = 0; i < count; i++) {
      faktory.state().enqueue(Job.builder("SomeJob").args(1, "string", 3).queue("default").build());
    }
  }

  /** The mean of PUSH, FETCH and ACK cycles after a warm-up, in microseconds. */
  private static double cycleMicros(FaktoryClient client, int cycles) {
    runCycles(client, cycles);
    long start = System.nanoTime();
    runCycles(client, cycles);
    return (System.nanoTime() - start) / 1e3 / cycles;
  }

  private static void runCycles(FaktoryClient client, int cycles) {
    for (int i = 0; i < cycles; i++) {
      client.push(Job.builder("SomeJob").args(1, "string", 3).queue("default").build());
      client.ack(client.fetch("default").orElseThrow().jid());
    }
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
