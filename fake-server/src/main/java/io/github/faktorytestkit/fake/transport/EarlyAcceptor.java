package io.github.faktorytestkit.fake.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Accepts the connections of listening sockets while Netty is not ready, on one daemon thread with a JDK selector,
 * each served by an {@link EarlyConnection}; once told Netty is ready ({@link #end()}) it stops watching every
 * socket, each still open and listening, hands each to {@link Listener#handOver()} (Netty then accepts what waits in
 * the backlog: no connection is lost) and ends. Thread-safe.
 */
final class EarlyAcceptor {
  /** A listening socket the acceptor watches. */
  interface Listener {
    /** Returns the bound, non-blocking socket. */
    ServerSocketChannel channel();

    /**
     * Serves one connection accepted from {@link #channel()}, on the acceptor's thread; {@code greeted} is to run
     * once the connection's greeting is written.
     */
    void accepted(SocketChannel connection, Runnable greeted);

    /** Goes on on Netty; called once, on the acceptor's thread, after the acceptor stopped watching. */
    void handOver();
  }

  /** Does nothing: what a connection of an acceptor nobody asked to be told of greetings runs once greeted. */
  private static final Runnable NOBODY_TOLD = new Runnable() {
    @Override
    public void run() {
      // nobody waits for a greeting
    }
  };

  private final Selector selector;
  private final Runnable greeted;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean handingOver;
  /** Whether the selector let every socket go, guarded by this. */
  private boolean released;

  private EarlyAcceptor(String name, Runnable greeted) {
    this.greeted = greeted;
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  /** Returns an acceptor running on a new daemon thread named {@code name}. */
  static EarlyAcceptor start(String name) {
    return start(name, NOBODY_TOLD);
  }

  /**
   * Returns an acceptor running on a new daemon thread named {@code name}, whose connections each run
   * {@code greeted} (on their own thread) once their greeting is written.
   */
  static EarlyAcceptor start(String name, Runnable greeted) {
    EarlyAcceptor acceptor = new EarlyAcceptor(name, greeted);
    acceptor.thread.start();
    return acceptor;
  }

  /** Starts watching {@code listener}'s socket. */
  void watch(Listener listener) {
    // a class of its own, not a lambda, whose class a cold JVM would spin on the first transport's way to ready
    submit(new Runnable() {
      @Override
      public void run() {
        register(listener);
      }
    });
  }

  /**
   * Stops watching {@code listener}'s closed socket and returns once its descriptor is released (a socket a
   * selector watches is only closed when the selector lets it go); returns at once when the acceptor has ended.
   */
  void forget(Listener listener) {
    CompletableFuture<Void> forgotten = new CompletableFuture<>();
    synchronized (this) {
      if (released) {
        return;
      }
      submit(() -> {
        deregister(listener);
        forgotten.complete(null);
      });
    }
    forgotten.join();
  }

  /** Hands every watched socket over ({@link Listener#handOver()}) and ends the acceptor's thread. */
  void end() {
    handingOver = true;
    selector.wakeup();
  }

  /** Waits until the acceptor's thread has ended (tests). */
  void join() throws InterruptedException {
    thread.join();
  }

  private void submit(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  private void run() {
    try {
      while (!handingOver) {
        selector.select();
        runTasks();
        for (SelectionKey key : selector.selectedKeys()) {
          acceptAll((Listener) key.attachment());
        }
        selector.selectedKeys().clear();
      }
      runTasks();
      endHandingOver();
    } catch (IOException e) {
      throw new UncheckedIOException("early acceptor", e);
    }
  }

  private void runTasks() {
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      task.run();
    }
  }

  private void register(Listener listener) {
    try {
      listener.channel().register(selector, SelectionKey.OP_ACCEPT, listener);
    } catch (ClosedChannelException e) {
      // closed before it was watched: nothing to accept
    }
  }

  private void deregister(Listener listener) {
    SelectionKey key = listener.channel().keyFor(selector);
    if (key != null) {
      key.cancel();
      selectNow();
    }
  }

  private void acceptAll(Listener listener) {
    try {
      for (SocketChannel connection = listener.channel().accept(); connection != null;
          connection = listener.channel().accept()) {
        connection.configureBlocking(true);
        listener.accepted(connection, greeted);
      }
    } catch (IOException e) {
      // the socket was closed meanwhile (its key is cancelled), or the backlog is out of resources for now
    }
  }

  /**
   * Lets the selector release every socket, answers the forgets that came meanwhile, then hands each listener over
   * (a listener's hand-over may wait for a close in progress, which may be waiting for its forget).
   */
  private void endHandingOver() throws IOException {
    List<Listener> listeners = new ArrayList<>();
    for (SelectionKey key : selector.keys()) {
      listeners.add((Listener) key.attachment());
    }
    selector.close();
    synchronized (this) {
      released = true;
    }
    runTasks();
    listeners.forEach(Listener::handOver);
  }

  private void selectNow() {
    try {
      selector.selectNow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
