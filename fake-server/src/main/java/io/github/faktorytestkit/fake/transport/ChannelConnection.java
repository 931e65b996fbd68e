package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.state.Connection;
import io.netty.channel.Channel;

/** A {@link Connection} backed by a netty channel. Thread-safe: netty channels may be closed from any thread. */
final class ChannelConnection implements Connection {
  private final int index;
  private final Channel channel;

  ChannelConnection(int index, Channel channel) {
    this.index = index;
    this.channel = channel;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public void close() {
    channel.close();
  }

  @Override
  public String toString() {
    return "Connection[" + index + " " + channel.remoteAddress() + "]";
  }
}
