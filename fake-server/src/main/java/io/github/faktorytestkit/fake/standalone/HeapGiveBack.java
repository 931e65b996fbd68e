package io.github.faktorytestkit.fake.standalone;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Makes the jar's JVM hand unused heap back to the operating system, so that its resident memory falls back after a
 * burst of sessions the way real Faktory's does. {@code java -jar} cannot pass JVM flags to itself, but these three
 * are <em>manageable</em> (settable at run time) on HotSpot 17:
 * <ul>
 *   <li>{@code G1PeriodicGCInterval=3000}: when no collection ran for 3 s, G1 runs a concurrent cycle, at the end of
 *       which it shrinks the heap and uncommits the freed regions (JEP 346). Default 0: never, so the heap grown for
 *       a burst's garbage stays resident until the process ends;</li>
 *   <li>{@code MinHeapFreeRatio=10} and {@code MaxHeapFreeRatio=20} (defaults 40 and 70): the heap is shrunk until at
 *       most a fifth of it is free after a collection, and grown when less than a tenth is.</li>
 * </ul>
 * A flag given on the command line (or in {@code JAVA_TOOL_OPTIONS}) wins: only flags still at their default are
 * set. With another collector than G1 the interval is accepted and has no effect. Then it collects once
 * ({@code System.gc()}; nothing under {@code -XX:+DisableExplicitGC}): the cold start leaves G1 with the young regions
 * it touched for start-up's garbage, resident until the first periodic cycle 3 s later, and a full collection shrinks
 * the heap to the new ratios at once (idle, a 10–12 ms pause for 7 MB live: the jar's RSS 72 → 58 MB). Only the jar's
 * main calls this; a {@code FakeFaktory} inside a test's JVM leaves that JVM's settings alone.
 */
final class HeapGiveBack {
  /** The flags in the order they must be set (the minimum ratio first: it may never exceed the maximum). */
  private static final Map<String, String> FLAGS = orderedFlags();

  private HeapGiveBack() {}

  /**
   * Sets each flag that is still at its default (ignoring a JVM without them: not HotSpot, or an older one), then
   * collects once.
   */
  static void apply() {
    setFlags();
    System.gc();
  }

  private static void setFlags() {
    try {
      HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      FLAGS.forEach((name, value) -> {
        if (hotSpot.getVMOption(name).getOrigin() == VMOption.Origin.DEFAULT) {
          hotSpot.setVMOption(name, value);
        }
      });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // not HotSpot, or a flag it does not have or cannot change: the footprint stays the JVM's default
    }
  }

  private static Map<String, String> orderedFlags() {
    Map<String, String> flags = new java.util.LinkedHashMap<>();
    flags.put("G1PeriodicGCInterval", "3000");
    flags.put("MinHeapFreeRatio", "10");
    flags.put("MaxHeapFreeRatio", "20");
    return java.util.Collections.unmodifiableMap(flags);
  }
}
