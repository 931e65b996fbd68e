package io.github.faktorytestkit.fake.standalone;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/** Reads this JVM's HotSpot flags (no platform MBean server needed); empty on another JVM or for an unknown flag. */
final class HotSpotFlags {
  /** The tier C2 compiles at: {@code TieredStopAtLevel} below it means C1 only. */
  static final int FULL_OPTIMIZATION = 4;

  private HotSpotFlags() {}

  /** Returns the value of {@code flag}, e.g. {@code "false"} or {@code "4"}. */
  static Optional<String> value(String flag) {
    try {
      return Optional.of(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(flag)
          .getValue());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** Returns whether this is HotSpot limited to C1 ({@code -XX:TieredStopAtLevel=1}, as the launcher runs it). */
  static boolean c1Only() {
    return value("TieredStopAtLevel").map(level -> Integer.parseInt(level) < FULL_OPTIMIZATION).orElse(false);
  }
}
