package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.session.ClientConnection;

/** A connection stub that records whether the model closed it. */
final class TestConnection implements ClientConnection {
  private final int index;
  private int closes;

  TestConnection(int index) {
    this.index = index;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public synchronized void close() {
    closes++;
  }

  synchronized boolean closedByServer() {
    return closes > 0;
  }
}
