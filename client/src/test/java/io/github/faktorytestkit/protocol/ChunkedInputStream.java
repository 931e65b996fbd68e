package io.github.faktorytestkit.protocol;

import java.io.ByteArrayInputStream;
import java.util.List;

/** A stream that hands out its bytes in the given chunk sizes, cycling, as a socket might. */
final class ChunkedInputStream extends ByteArrayInputStream {
  private final List<Integer> chunkSizes;
  private int reads;

  ChunkedInputStream(byte[] bytes, List<Integer> chunkSizes) {
    super(bytes);
    this.chunkSizes = chunkSizes.isEmpty() ? List.of(Integer.MAX_VALUE) : chunkSizes;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) {
    int chunk = chunkSizes.get(reads++ % chunkSizes.size());
    return super.read(b, off, Math.min(len, chunk));
  }
}
