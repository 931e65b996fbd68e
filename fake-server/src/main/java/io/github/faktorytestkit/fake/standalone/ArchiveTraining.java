package io.github.faktorytestkit.fake.standalone;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The training run of the jar's class-data-sharing archive, run once by the build as {@code java
 * -Dfaktory.archiveTraining=true -XX:DumpLoadedClassList=... -jar faktory-fake-server.jar} ({@code
 * fake-server/pom.xml}, then {@code -Xshare:dump} of that list), so that the launcher's own start is trained too (its
 * manifest and the main class's lookup): starts the standalone server as
 * {@code java -jar} does (with its transport settings), answers one client session of the common
 * commands (on the JDK's selector, which serves the jar's plain connections), and stops. Netty's classes are left
 * out, as a jar serving no TLS never loads them: every archived class costs each process its memory, since the JDK
 * maps the archive at an address of its own and relocates it (about 6 MB of Netty's in a 19 MB archive); a TLS
 * server loads them from the jar. {@code java -XX:SharedArchiveFile=faktory-fake-server.jsa -jar faktory-fake-server.jar} then
 * maps those classes, the JDK's among them, instead of loading and verifying them.
 */
final class ArchiveTraining {
  private static final String[] SESSION = {
      "HELLO {\"v\":2,\"wid\":\"training\"}",
      "PUSH {\"jid\":\"training\",\"jobtype\":\"SomeJob\",\"args\":[1,\"string\",3],\"queue\":\"default\"}",
      "FETCH default", "ACK {\"jid\":\"training\"}", "BEAT {\"wid\":\"training\"}", "INFO", "END"};

  /** The system property that makes the jar's main run the training instead of a server. */
  static final String PROPERTY = "faktory.archiveTraining";

  private ArchiveTraining() {}

  /**
   * Runs the training session, after main applied the standalone defaults (the native transport's classes are
   * archived too); throws when the server misbehaves.
   */
  static void run() throws Exception {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    System.getenv(); // read as main reads it (the session runs without it): its classes are then in the archive too
    FakeFaktoryMain.Running running = FakeFaktoryMain.launch(
        new String[] {"-b", "127.0.0.1:0", "-w", "127.0.0.1:0"}, Map.of(), quiet, quiet, Path.of("/nonexistent"))
        .orElseThrow();
    try {
      runSession(running.server().faktory().port());
    } finally {
      running.server().close();
    }
  }

  private static void runSession(int port) throws java.io.IOException {
    try (Socket socket = new Socket("127.0.0.1", port);
        BufferedReader in = new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      expect(in.readLine(), "+HI");
      for (String line : SESSION) {
        socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        if (!line.equals("END")) {
          readReply(in);
        }
      }
    }
  }

  /** Reads one reply: a simple line, or a bulk string's length line and its text. */
  private static void readReply(BufferedReader in) throws java.io.IOException {
    String first = in.readLine();
    expect(first, "");
    if (first.startsWith("$") && !first.equals("$-1")) {
      in.readLine();
    }
  }

  private static void expect(String line, String prefix) {
    if (line == null || !line.startsWith(prefix) || line.startsWith("-")) {
      throw new IllegalStateException("training session: " + line + " (expected: " + prefix + "...)");
    }
  }
}
