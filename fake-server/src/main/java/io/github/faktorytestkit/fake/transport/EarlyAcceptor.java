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
import java.util.concurrent.CountDownLatch;

/**
 * Accepts the connections of listening sockets while Netty is not ready (in the standalone jar: for good), and serves
 * each ({@link EarlyConnection}), on one daemon thread with a JDK selector; once told Netty is ready ({@link #end()})
 * it stops watching every listening socket, each still open and listening, hands each to {@link Listener#handOver()}
 * (Netty then accepts what waits in the backlog: no connection is lost), serves the connections it accepted until the
 * last one closed, and ends. An acceptor may share its connections out over more serving loops ({@link #loopFor}),
 * each an acceptor of its own with a thread and a selector and no socket to watch, started as first needed, and
 * ended with it: each then serves its connections until the last one closed. Thread-safe.
 */
final class EarlyAcceptor {
  /** A listening socket the acceptor watches. */
  interface Listener {
    /** Returns the bound, non-blocking socket. */
    ServerSocketChannel channel();

    /**
     * Serves one connection accepted from {@link #channel()}, on the acceptor's thread, by an
     * {@link EarlyConnection} of {@code acceptor}.
     */
    void accepted(SocketChannel connection, EarlyAcceptor acceptor);

    /** Goes on on Netty; called once, on the acceptor's thread, after the acceptor stopped watching. */
    void handOver();
  }

  /** Does nothing: what a connection of an acceptor nobody asked to be told of greetings runs once greeted. */
  static final Runnable NOBODY_TOLD = new Runnable() {
    @Override
    public void run() {
      // nobody waits for a greeting
    }
  };

  private final Selector selector;
  private final Runnable greeted;
  /** The loops serving this acceptor's connections besides its own thread, each started as first needed. */
  private final EarlyAcceptor[] otherLoops;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private final CountDownLatch handedOver = new CountDownLatch(1);
  private volatile boolean handingOver;
  /** Whether the selector let every listening socket go, guarded by this. */
  private boolean released;
  /** The connections being served, on the acceptor's thread. */
  private int serving;

  private EarlyAcceptor(String name, Runnable greeted, int loops) {
    this.greeted = greeted;
    this.otherLoops = new EarlyAcceptor[loops - 1];
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(null, this::run, name, SharedEventLoop.STACK_BYTES);
    thread.setDaemon(true);
  }

  /** Returns an acceptor running on a new daemon thread named {@code name}. */
  static EarlyAcceptor start(String name) {
    return start(name, NOBODY_TOLD);
  }

  /**
   * Returns an acceptor running on a new daemon thread named {@code name}, whose connections each run
   * {@code greeted} (on its thread) once their greeting is written.
   */
  static EarlyAcceptor start(String name, Runnable greeted) {
    return start(name, greeted, 1);
  }

  /**
   * Returns an acceptor as {@link #start(String, Runnable)} does whose connections are served by {@code loops}
   * threads in turn ({@link #loopFor}).
   */
  static EarlyAcceptor start(String name, Runnable greeted, int loops) {
    EarlyAcceptor acceptor = new EarlyAcceptor(name, greeted, loops);
    acceptor.thread.start();
    return acceptor;
  }

  /**
   * Returns the acceptor whose thread serves the connection numbered {@code index}: this one, or, with more loops
   * than one, each loop in turn (the first connection on this one), a loop started the first time it is needed; on
   * this acceptor's thread.
   */
  EarlyAcceptor loopFor(int index) {
    int loop = index % (otherLoops.length + 1);
    if (loop == 0) {
      return this;
    }
    if (otherLoops[loop - 1] == null) {
      otherLoops[loop - 1] = start(thread.getName() + "-" + loop, greeted);
    }
    return otherLoops[loop - 1];
  }

  /** Starts watching {@code listener}'s socket. */
  void watch(Listener listener) {
    // a class of its own, not a lambda, whose class a cold JVM would spin on the first transport's way to ready
    execute(new Runnable() {
      @Override
      public void run() {
        register(listener);
      }
    });
  }

  /**
   * Stops watching {@code listener}'s closed socket and returns once its descriptor is released (a socket a
   * selector watches is only closed when the selector lets it go); returns at once when the acceptor let every
   * listening socket go.
   */
  void forget(Listener listener) {
    CompletableFuture<Void> forgotten = new CompletableFuture<>();
    synchronized (this) {
      if (released) {
        return;
      }
      execute(() -> {
        deregister(listener);
        forgotten.complete(null);
      });
    }
    forgotten.join();
  }

  /**
   * Hands every watched socket over ({@link Listener#handOver()}); the acceptor's thread ends once the last
   * connection it serves has closed.
   */
  void end() {
    handingOver = true;
    selector.wakeup();
  }

  /** Waits until every watched socket was handed over ({@link #end()}). */
  void awaitHandedOver() throws InterruptedException {
    handedOver.await();
  }

  /** Waits until the acceptor's thread has ended: every socket handed over, every connection closed (tests). */
  void join() throws InterruptedException {
    thread.join();
  }

  /** Runs {@code task} on the acceptor's thread, after what it is doing. */
  void execute(Runnable task) {
    tasks.add(task);
    if (!inLoop()) {
      selector.wakeup();
    }
  }

  /** Whether the caller runs on the acceptor's thread. */
  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Serves {@code connection}, accepted by this acceptor; on its thread. */
  void serve(EarlyConnection connection) {
    serving++;
    connection.open(selector, greeted);
  }

  /** Notes that a connection it served has closed; on its thread. */
  void ended() {
    serving--;
  }

  private void run() {
    try {
      while (handedOver.getCount() > 0 || serving > 0) {
        if (tasks.isEmpty()) {
          selector.select();
        } else {
          selector.selectNow(); // a task of its own thread waits
        }
        runTasks();
        if (handingOver && handedOver.getCount() > 0) {
          releaseListeners();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (key.isValid()) {
            ready(key);
          }
        }
        selector.selectedKeys().clear();
      }
      selector.close();
    } catch (IOException e) {
      throw new UncheckedIOException("early acceptor", e);
    }
  }

  private void ready(SelectionKey key) {
    if (key.attachment() instanceof EarlyConnection connection) {
      connection.ready();
    } else {
      acceptAll((Listener) key.attachment());
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
        listener.accepted(connection, this);
      }
    } catch (IOException e) {
      // the socket was closed meanwhile (its key is cancelled), or the backlog is out of resources for now
    }
  }

  /**
   * Lets the selector release every listening socket, answers the forgets that came meanwhile, then hands each
   * listener over (a listener's hand-over may wait for a close in progress, which may be waiting for its forget).
   */
  private void releaseListeners() {
    List<Listener> listeners = new ArrayList<>();
    for (SelectionKey key : selector.keys()) {
      if (key.attachment() instanceof Listener listener) {
        listeners.add(listener);
        key.cancel();
      }
    }
    selectNow();
    synchronized (this) {
      released = true;
    }
    runTasks();
    listeners.forEach(Listener::handOver);
    for (EarlyAcceptor loop : otherLoops) {
      if (loop != null) {
        loop.end();
      }
    }
    handedOver.countDown();
  }

  private void selectNow() {
    try {
      selector.selectNow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
