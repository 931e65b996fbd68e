package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.session.ClientConnection;
import io.netty.channel.Channel;

/** A {@link ClientConnection} backed by a netty channel. Thread-safe: netty channels may be closed from any thread. */
final class ChannelConnection implements ClientConnection {
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
    return "ClientConnection[" + index + " " + channel.remoteAddress() + "]";
  }
}
