package io.github.faktorytestkit.bench.probe;

import java.io.IOException;

/** A connection of a load floor server ({@link LoadFloorServer}, {@link NettyLoadFloorServer}): where replies go. */
interface FloorClient {
  /** Sends {@code reply} whole. */
  void send(byte[] reply) throws IOException;
}
