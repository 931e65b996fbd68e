package io.github.faktorytestkit.bench.jmh;

import io.github.faktorytestkit.bench.Wire;
import io.github.faktorytestkit.fake.FakeFaktory;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** A further {@code FakeFaktory.start()} in a warm JVM, to the {@code +HI} a client reads, then close. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StartBenchmark {

  /** Starts a fake, reads its greeting, closes it. */
  @Benchmark
  public String startGreetClose() throws IOException {
    try (FakeFaktory faktory = FakeFaktory.start(); Wire wire = Wire.connect(faktory.port())) {
      return wire.expect("+HI");
    }
  }
}
