package io.github.faktorytestkit.fake.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes HotSpot's C2 compiler out of the jar's JVM once it is ready, as the {@code faktory} launcher's
 * {@code -XX:TieredStopAtLevel=1} does from the start (a flag {@code java -jar} cannot give itself). A test's
 * server lives seconds: under Go's {@code load} C2's compiles took ~1.6 s of CPU per 30,000 jobs and never paid
 * back. It adds the compiler directive {@code [{match: "*.*", c2: {Exclude: true}}]} with the diagnostic command
 * {@code Compiler.directives_add}, sent to the JVM's own attach listener ({@code /tmp/.java_pid<pid>}), which it
 * starts as {@code jcmd} would: a {@code .attach_pid<pid>} file in {@code /tmp}, then {@code kill -QUIT}. Unlike the
 * diagnostic-command MBean this needs no platform MBean server (~0.2 s of CPU, 9 MB).
 *
 * <p>Nothing is done, silently, where that could not work or would do harm: not HotSpot, already C1 only, the attach
 * mechanism disabled ({@code -XX:+DisableAttachMechanism}), or {@code SIGQUIT} left to the system ({@code -Xrs}),
 * where it would end the process. Any failure on the way leaves C2 on. Runs on a daemon thread; only the jar's main
 * starts it, a {@code FakeFaktory} inside a test's JVM leaves that JVM alone.
 */
final class C2Exclusion {
  /** The directive: no method is compiled by C2 from now on (C1 compiles them instead). */
  static final String DIRECTIVE = "[{match: \"*.*\", c2: {Exclude: true}}]";
  /** How long the attach listener may take to come up after {@code SIGQUIT}. */
  private static final long LISTENER_WAIT_MILLIS = 5_000;
  private static final long POLL_MILLIS = 10;

  private C2Exclusion() {}

  /** Starts the exclusion on a daemon thread, unless this JVM cannot or need not take it. */
  static void start() {
    if (!applies()) {
      return;
    }
    Thread excluder = new Thread(C2Exclusion::excludeQuietly, "faktory-fake-c2-exclusion");
    excluder.setDaemon(true);
    excluder.start();
  }

  /** Whether this is HotSpot with C2 on and an attach listener that {@code SIGQUIT} may start. */
  static boolean applies() {
    return HotSpotFlags.value("TieredStopAtLevel").map(Integer::parseInt).orElse(0) >= HotSpotFlags.FULL_OPTIMIZATION
        && HotSpotFlags.value("DisableAttachMechanism").orElse("true").equals("false")
        && HotSpotFlags.value("ReduceSignalUsage").orElse("true").equals("false");
  }

  private static void excludeQuietly() {
    try {
      exclude();
    } catch (IOException | RuntimeException e) {
      // C2 stays on: the JVM compiles as any java -jar does
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds the directive through the attach listener; returns the command's output. */
  static String exclude() throws IOException, InterruptedException {
    Path directives = Files.createTempFile("faktory-fake-c2-", ".json");
    try {
      Files.writeString(directives, DIRECTIVE);
      return command(listener(), "Compiler.directives_add " + directives);
    } finally {
      Files.deleteIfExists(directives);
    }
  }

  /** Returns the attach listener's socket, starting the listener first when it is not up. */
  private static Path listener() throws IOException, InterruptedException {
    long pid = ProcessHandle.current().pid();
    Path socket = Path.of("/tmp/.java_pid" + pid);
    if (Files.exists(socket)) {
      return socket;
    }
    Path trigger = Path.of("/tmp/.attach_pid" + pid);
    Files.deleteIfExists(trigger);
    Files.createFile(trigger);
    try {
      quit(pid);
      for (long waited = 0; !Files.exists(socket); waited += POLL_MILLIS) {
        if (waited >= LISTENER_WAIT_MILLIS) {
          throw new IOException("attach listener: not started (expected: " + socket + ")");
        }
        Thread.sleep(POLL_MILLIS);
      }
      return socket;
    } finally {
      Files.deleteIfExists(trigger);
    }
  }

  /**
   * Sends this process {@code SIGQUIT} as {@code jcmd} does, with {@code kill}: Java raises only signals it handles
   * itself, and the JVM handles this one natively (it starts the attach listener, seeing the trigger file).
   */
  private static void quit(long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-QUIT", String.valueOf(pid))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -QUIT " + pid + ": exit status " + kill.exitValue());
    }
  }

  /** Runs diagnostic command {@code line} over the attach protocol; returns its output, or throws on a failure. */
  static String command(Path socket, String line) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer request = ByteBuffer.wrap(request(line));
      while (request.hasRemaining()) {
        channel.write(request);
      }
      String reply = new String(readAll(channel), StandardCharsets.UTF_8);
      if (!reply.startsWith("0\n")) {
        throw new IOException("attach listener: " + reply.strip());
      }
      return reply.substring(2);
    }
  }

  /**
   * Returns the attach request of {@code jcmd line}: protocol version 1, the command and its three arguments, each
   * ended by a NUL byte (the JVM reads exactly three; unused ones are empty).
   */
  static byte[] request(String line) {
    return ("1\0jcmd\0" + line + "\0\0\0").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] readAll(SocketChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (channel.read(buffer) >= 0) {
      out.write(buffer.array(), 0, buffer.position());
      buffer.clear();
    }
    return out.toByteArray();
  }
}
