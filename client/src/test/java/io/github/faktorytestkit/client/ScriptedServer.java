package io.github.faktorytestkit.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection fake Faktory on 127.0.0.1 that plays a script: on accept it sends the greeting, then answers
 * the n-th line it receives with the n-th reply. Every received line is recorded (without its CRLF).
 */
final class ScriptedServer implements AutoCloseable {
  /** As a greeting or reply: say nothing and keep the connection open. */
  static final String SILENCE = "<silence>";
  /** As a greeting or reply: close the connection instead. */
  static final String CLOSE = "<close>";
  static final String HI = "+HI {\"v\":2}\r\n";
  static final String OK = "+OK\r\n";
  private static final String EOF = "<eof>";

  private final ServerSocket serverSocket;
  private final List<String> script;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile Socket socket;

  private ScriptedServer(List<String> script) throws IOException {
    this.serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.script = script;
    this.thread = new Thread(this::serve, "scripted-faktory");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts a server that sends {@code greeting} on connect and then answers with {@code replies} in order. */
  static ScriptedServer start(String greeting, String... replies) throws IOException {
    return new ScriptedServer(concat(greeting, replies));
  }

  /** Returns the URL a client connects to. */
  String url() {
    return "tcp://127.0.0.1:" + serverSocket.getLocalPort();
  }

  /** Returns the next line the server received, waiting up to 5 s; fails the test when none arrives. */
  String nextLine() throws InterruptedException {
    String line = received.poll(5, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("no line received within 5 s");
    }
    return line;
  }

  /** Returns whether the client closed the connection without sending another line, waiting up to 5 s. */
  boolean closedWithoutAnotherLine() throws InterruptedException {
    return received.poll(5, TimeUnit.SECONDS) == EOF;
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    Socket accepted = socket;
    if (accepted != null) {
      accepted.close();
    }
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve() {
    try (Socket accepted = serverSocket.accept()) {
      socket = accepted;
      OutputStream out = accepted.getOutputStream();
      BufferedReader in = new BufferedReader(new InputStreamReader(accepted.getInputStream(), StandardCharsets.UTF_8));
      for (int step = 0; play(script.get(step), out); step++) {
        String line = in.readLine();
        if (line == null) {
          received.add(EOF);
          return;
        }
        received.add(line);
        if (step + 1 == script.size()) {
          recordUntilEof(in);
          return;
        }
      }
    } catch (IOException e) {
      // the test closed the server, or the client reset the connection
    }
  }

  private static boolean play(String step, OutputStream out) throws IOException {
    if (step.equals(CLOSE)) {
      return false;
    }
    if (!step.equals(SILENCE)) {
      out.write(step.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
    return true;
  }

  private void recordUntilEof(BufferedReader in) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      received.add(line);
    }
    received.add(EOF);
  }

  private static List<String> concat(String greeting, String... replies) {
    String[] all = new String[replies.length + 1];
    all[0] = greeting;
    System.arraycopy(replies, 0, all, 1, replies.length);
    return List.of(all);
  }
}
