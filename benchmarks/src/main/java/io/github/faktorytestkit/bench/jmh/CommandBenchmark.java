package io.github.faktorytestkit.bench.jmh;

import io.github.faktorytestkit.bench.Wire;
import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.Job;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-command path of an in-process fake over loopback: a one-line {@code ACK} of an unknown jid, and a PUSH,
 * FETCH and ACK cycle with the project's client at a queue depth of {@code depth} jobs (flat cost is the target).
 * Run with {@code -t 10} for ten connections.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CommandBenchmark {
  private static final byte[] ACK_UNKNOWN = "ACK {\"jid\":\"unknown\"}\r\n".getBytes(StandardCharsets.US_ASCII);

  /** One fake shared by every benchmark thread, seeded with {@code depth} queued jobs. */
  @State(Scope.Benchmark)
  public static class Server {
    @Param({"1000", "1000000"})
    int depth;

    FakeFaktory faktory;

    @Setup(Level.Trial)
    public void start() {
      faktory = FakeFaktory.builder().journal(false).start();
      for (int i = 0; i < depth; i++) {
        faktory.state().enqueue(job());
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      faktory.close();
    }
  }

  /** Each thread's own connections. */
  @State(Scope.Thread)
  public static class Connections {
    Wire wire;
    FaktoryClient client;

    @Setup(Level.Trial)
    public void open(Server server) throws IOException {
      wire = Wire.faktorySession(server.faktory.port());
      client = FaktoryClient.builder().url(server.faktory.url()).wid("bench-" + Thread.currentThread().getId())
          .connect();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      wire.close();
      client.close();
    }
  }

  /** One-line request, one-line reply. */
  @Benchmark
  public void ackUnknownJid(Connections connections) throws IOException {
    connections.wire.call(ACK_UNKNOWN, "+OK");
  }

  /** PUSH, then FETCH the oldest job of the deep queue and ACK it: the depth stays the same. */
  @Benchmark
  public String pushFetchAck(Connections connections) {
    connections.client.push(job());
    String jid = connections.client.fetch("default").orElseThrow().jid();
    connections.client.ack(jid);
    return jid;
  }

  private static Job job() {
    return Job.builder("SomeJob").args(1, "string", 3).queue("default").build();
  }
}
