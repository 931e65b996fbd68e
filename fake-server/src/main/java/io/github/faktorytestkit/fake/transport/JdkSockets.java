package io.github.faktorytestkit.fake.transport;

import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file descriptor of a JDK socket channel, which Netty's epoll transport can take over. No public API of the JDK
 * tells a channel's descriptor, so it is found among the process's own ({@code /proc/self/fd}): the socket whose
 * local address, as Netty's native code reads it ({@code getsockname}), is the channel's, and that has no peer (the
 * connections it accepted have the same local address). Only where Netty's native transport has loaded (it reads
 * the addresses). The JDK's channel object keeps the descriptor's number but must never be closed once epoll owns it
 * (NIO channels have no cleaner closing it either).
 *
 * <p>Until 2026-12-04 the jar's manifest exported {@code java.base/sun.nio.ch} to read the JDK's own
 * {@code SelChImpl#getFDVal()}; processing that {@code Add-Exports} cost every start of the jar ~10 ms before main.
 */
final class JdkSockets {
  private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");
  private static final String SOCKET_LINK = "socket:[";

  private JdkSockets() {}

  /** Returns whether {@link #fd} works in this JVM: the process's descriptors are listed where Linux lists them. */
  static boolean fdReadable() {
    return Files.isDirectory(OWN_DESCRIPTORS);
  }

  /**
   * Returns the file descriptor of {@code channel}, bound and listening; only when {@link #fdReadable()} and Netty's
   * native transport is available.
   */
  static int fd(ServerSocketChannel channel) {
    try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(OWN_DESCRIPTORS)) {
      SocketAddress bound = channel.getLocalAddress();
      for (Path descriptor : descriptors) {
        if (isSocket(descriptor)) {
          int fd = Integer.parseInt(descriptor.getFileName().toString());
          Socket socket = new Socket(fd);
          if (bound.equals(socket.localAddress()) && socket.remoteAddress() == null) {
            return fd;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("file descriptor of " + channel, e);
    }
    throw new IllegalStateException("file descriptor of " + channel + " (expected: one of " + OWN_DESCRIPTORS + ")");
  }

  private static boolean isSocket(Path descriptor) {
    try {
      return Files.readSymbolicLink(descriptor).toString().startsWith(SOCKET_LINK);
    } catch (IOException e) {
      return false; // closed meanwhile (the directory stream's own descriptor, say)
    }
  }
}
