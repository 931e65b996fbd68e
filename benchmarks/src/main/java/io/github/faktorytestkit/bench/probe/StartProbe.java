package io.github.faktorytestkit.bench.probe;

import io.github.faktorytestkit.bench.Wire;
import io.github.faktorytestkit.fake.FakeFaktory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Run in a fresh JVM: times the first {@code FakeFaktory.start()} to the first {@code +HI} a client reads, to the
 * {@code +OK} of its {@code HELLO} and to the job of a {@code PUSH} then {@code FETCH}, then {@code further} more
 * starts in the same JVM to {@code +HI}. Prints {@code first}, {@code hello}, {@code pushFetch} (ms) and
 * {@code further <median ms>}.
 */
public final class StartProbe {
  private static final byte[] PUSH = "PUSH {\"jid\":\"start-probe-1\",\"jobtype\":\"T\",\"args\":[1]}\r\n"
      .getBytes(StandardCharsets.US_ASCII);

  private StartProbe() {}

  /** {@code args[0]}: how many further starts to time. */
  public static void main(String[] args) throws Exception {
    timeFirstSession();
    double[] further = new double[Integer.parseInt(args[0])];
    for (int i = 0; i < further.length; i++) {
      further[i] = timeOneStart();
    }
    Arrays.sort(further);
    System.out.println("further " + further[further.length / 2]);
  }

  private static void timeFirstSession() throws Exception {
    long start = System.nanoTime();
    try (FakeFaktory faktory = FakeFaktory.start(); Wire wire = Wire.connect(faktory.port())) {
      wire.expect("+HI");
      double greeted = (System.nanoTime() - start) / 1e6;
      wire.call("HELLO {\"v\":2}\r\n".getBytes(StandardCharsets.US_ASCII), "+OK");
      double hello = (System.nanoTime() - start) / 1e6;
      wire.call(PUSH, "+OK");
      wire.call("FETCH default\r\n".getBytes(StandardCharsets.US_ASCII), "$");
      wire.expect("{");
      double pushFetch = (System.nanoTime() - start) / 1e6;
      System.out.println("first " + greeted);
      System.out.println("hello " + hello);
      System.out.println("pushFetch " + pushFetch);
    }
  }

  private static double timeOneStart() throws Exception {
    long start = System.nanoTime();
    try (FakeFaktory faktory = FakeFaktory.start(); Wire wire = Wire.connect(faktory.port())) {
      wire.expect("+HI");
      return (System.nanoTime() - start) / 1e6;
    }
  }
}
