package io.github.faktorytestkit.bench.probe;

import io.github.faktorytestkit.bench.Wire;
import io.github.faktorytestkit.fake.FakeFaktory;
import java.util.Arrays;

/**
 * Run in a fresh JVM: times the first {@code FakeFaktory.start()} to the first {@code +HI} a client reads, then
 * {@code further} more starts in the same JVM. Prints {@code first <ms>} and {@code further <median ms>}.
 */
public final class StartProbe {
  private StartProbe() {}

  /** {@code args[0]}: how many further starts to time. */
  public static void main(String[] args) throws Exception {
    System.out.println("first " + timeOneStart());
    double[] further = new double[Integer.parseInt(args[0])];
    for (int i = 0; i < further.length; i++) {
      further[i] = timeOneStart();
    }
    Arrays.sort(further);
    System.out.println("further " + further[further.length / 2]);
  }

  private static double timeOneStart() throws Exception {
    long start = System.nanoTime();
    try (FakeFaktory faktory = FakeFaktory.start(); Wire wire = Wire.connect(faktory.port())) {
      wire.expect("+HI");
      return (System.nanoTime() - start) / 1e6;
    }
  }
}
