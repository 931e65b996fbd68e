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
 * Runs HotSpot diagnostic commands in this JVM through its own attach listener ({@code /tmp/.java_pid<pid>}), as
 * {@code jcmd} would, starting the listener as {@code jcmd} does: a {@code .attach_pid<pid>} file in {@code /tmp},
 * then {@code kill -QUIT}. Unlike the diagnostic-command MBean this needs no platform MBean server, whose ~380
 * classes cost the jar's JVM ~0.2 s of CPU and several MB of metaspace. Only where {@link #usable()}.
 */
final class AttachListener {
  /** How long the attach listener may take to come up after {@code SIGQUIT}. */
  private static final long LISTENER_WAIT_MILLIS = 5_000;
  private static final long POLL_MILLIS = 10;

  private AttachListener() {}

  /**
   * Whether this is HotSpot with an attach listener that {@code SIGQUIT} may start: the attach mechanism is not
   * disabled ({@code -XX:+DisableAttachMechanism}) and {@code SIGQUIT} is not left to the system ({@code -Xrs}),
   * where it would end the process.
   */
  static boolean usable() {
    return HotSpotFlags.value("DisableAttachMechanism").orElse("true").equals("false")
        && HotSpotFlags.value("ReduceSignalUsage").orElse("true").equals("false");
  }

  /** Runs diagnostic command {@code line} (e.g. {@code System.trim_native_heap}); returns its output. */
  static String run(String line) throws IOException, InterruptedException {
    return command(socket(), line);
  }

  /** Returns the attach listener's socket, starting the listener first when it is not up. */
  private static Path socket() throws IOException, InterruptedException {
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
