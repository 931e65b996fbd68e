package io.github.faktorytestkit.bench.probe;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Spawned as a process: the floor under the standalone jar's start. A JVM that does the least a Faktory stand-in
 * must: takes {@code -b 127.0.0.1:PORT} (other arguments ignored), listens with {@code java.net} only and writes
 * {@code +HI} to every connection, until killed. Its spawn to first {@code +HI} is what any JVM server pays here.
 */
public final class JdkFloorServer {
  private JdkFloorServer() {}

  /** Serves until killed. */
  public static void main(String[] args) throws Exception {
    int port = 0;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("-b")) {
        port = Integer.parseInt(args[i + 1].substring(args[i + 1].lastIndexOf(':') + 1));
      }
    }
    byte[] greeting = "+HI {\"v\":2}\r\n".getBytes(StandardCharsets.US_ASCII);
    try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      while (true) {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
          out.write(greeting);
        }
      }
    }
  }
}
