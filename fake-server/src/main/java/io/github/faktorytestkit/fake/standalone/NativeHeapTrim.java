package io.github.faktorytestkit.fake.standalone;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Makes the jar's JVM hand the C heap's freed memory back to the operating system every few seconds, as HotSpot's
 * {@code -XX:TrimNativeHeapInterval} does (a flag {@code java -jar} cannot give itself, and not in every JDK 17).
 * glibc keeps what the C2 compiler's arenas freed (their peak was 32 MB under a fuzz): 10 s after 100,000 short
 * sessions that was 26 MB of the jar's 96 MB ({@code jcmd PID System.trim_native_heap}). Runs that diagnostic
 * command on a daemon thread; on a JVM without it (not HotSpot, or an older 17) the thread ends after its first
 * try. Not started on a JVM limited to C1 (the {@code faktory} launcher's {@code -XX:TieredStopAtLevel=1}): the
 * launcher passes {@code -XX:TrimNativeHeapInterval} itself where its JDK has the flag, and the management server
 * this class needs cost 3 MB there. Only the jar's main starts it;
 * a {@code FakeFaktory} inside a test's JVM leaves that JVM alone.
 */
final class NativeHeapTrim {
  /** How often to trim: the cadence of the periodic G1 cycle {@link HeapGiveBack} asks for. */
  static final long INTERVAL_MILLIS = 3_000;
  /** The diagnostic commands' MBean and its operation for {@code System.trim_native_heap}. */
  static final String COMMANDS = "com.sun.management:type=DiagnosticCommand";
  private static final String OPERATION = "systemTrimNativeHeap";

  private NativeHeapTrim() {}

  /** Starts the trimming thread, unless the JVM compiles with C1 only. */
  static void start() {
    if (HotSpotFlags.c1Only()) {
      return;
    }
    Thread trimmer = new Thread(NativeHeapTrim::trimPeriodically, "faktory-fake-native-trim");
    trimmer.setDaemon(true);
    trimmer.start();
  }

  private static void trimPeriodically() {
    try {
      do {
        Thread.sleep(INTERVAL_MILLIS);
      } while (trimOnce());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs {@code System.trim_native_heap} once; returns false when this JVM has no such command. */
  static boolean trimOnce() {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      server.invoke(new ObjectName(COMMANDS), OPERATION, new Object[] {new String[0]},
          new String[] {String[].class.getName()});
      return true;
    } catch (JMException | UnsupportedOperationException | SecurityException e) {
      return false; // glibc then keeps its arenas, as it does for any Java program
    }
  }
}
