package io.github.faktorytestkit.fake.state;

/** A connection stub that records whether the model closed it. */
final class TestConnection implements Connection {
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
