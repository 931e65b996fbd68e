package io.github.faktorytestkit.fake.standalone;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Makes the jar's JVM hand the C heap's freed memory back to the operating system every few seconds, as HotSpot's
 * {@code -XX:TrimNativeHeapInterval} does (a flag {@code java -jar} cannot give itself, and not in every JDK 17).
 * glibc keeps what the C2 compiler's arenas freed (their peak was 32 MB under a fuzz): 10 s after 100,000 short
 * sessions that was 26 MB of the jar's 96 MB ({@code jcmd PID System.trim_native_heap}). Runs that diagnostic
 * command on a daemon thread: through the JVM's own attach listener ({@link AttachListener}) where it is usable,
 * else through the diagnostic-command MBean, whose platform MBean server loads ~380 classes (several MB of
 * metaspace); on a JVM without the command (not HotSpot, or an older 17) the thread ends after its first try. Not
 * started on a JVM limited to C1 (the {@code faktory} launcher's {@code -XX:TieredStopAtLevel=1}): the launcher
 * passes {@code -XX:TrimNativeHeapInterval} itself where its JDK has the flag. Only the jar's main starts it;
 * a {@code FakeFaktory} inside a test's JVM leaves that JVM alone.
 */
final class NativeHeapTrim {
  /** How often to trim: the cadence of the periodic G1 cycle {@link HeapGiveBack} asks for. */
  static final long INTERVAL_MILLIS = 3_000;
  /** The diagnostic command, as {@code jcmd} names it. */
  static final String COMMAND = "System.trim_native_heap";
  /** The diagnostic commands' MBean and its operation for {@link #COMMAND}. */
  static final String COMMANDS = "com.sun.management:type=DiagnosticCommand";
  private static final String OPERATION = "systemTrimNativeHeap";

  private NativeHeapTrim() {}

  /** Starts the trimming thread, unless the JVM compiles with C1 only. */
  static void start() {
    if (HotSpotFlags.c1Only()) {
      return;
    }
    boolean throughAttach = AttachListener.usable();
    Thread trimmer = new Thread(() -> trimPeriodically(throughAttach), "faktory-fake-native-trim");
    trimmer.setDaemon(true);
    trimmer.start();
  }

  private static void trimPeriodically(boolean throughAttach) {
    try {
      do {
        Thread.sleep(INTERVAL_MILLIS);
      } while (throughAttach ? trimThroughAttach() : trimOnce());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs {@link #COMMAND} once through the attach listener; returns false when that failed. */
  static boolean trimThroughAttach() throws InterruptedException {
    try {
      AttachListener.run(COMMAND);
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // no such command, or no listener: glibc then keeps its arenas, as for any Java program
    }
  }

  /** Runs {@link #COMMAND} once through the MBean; returns false when this JVM has no such command. */
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
