package io.github.faktorytestkit.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Reads whole frames of one side's byte stream from a blocking {@link InputStream}, cut as a transcript records them
 * (see {@link FrameSplitter}). Knows when the stream ended. Not thread-safe: one reader per direction of a connection.
 */
public final class FrameReader {
  private final InputStream in;
  private final FrameSplitter splitter;
  private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
  private final byte[] buffer = new byte[16 * 1024];
  private boolean ended;

  /** Returns a reader of the frames {@code sender} writes to {@code in}. */
  public FrameReader(InputStream in, Side sender) {
    this.in = in;
    this.splitter = FrameSplitter.forSender(sender);
  }

  /**
   * Returns the next frame, or empty once the stream has ended (or failed) and every frame before the end was
   * handed out; an unfinished frame at the end is handed out as it is.
   *
   * @throws SocketTimeoutException when the stream's read timeout passes before a whole frame arrived; the reader
   *     stays usable and keeps what it read
   */
  public Optional<byte[]> next() throws SocketTimeoutException {
    while (frames.isEmpty() && !ended) {
      readOnce();
    }
    return Optional.ofNullable(frames.poll());
  }

  /** Returns whether the stream has ended: the sender closed its end, or reading failed. */
  public boolean ended() {
    return ended;
  }

  private void readOnce() throws SocketTimeoutException {
    try {
      int count = in.read(buffer);
      if (count < 0) {
        end();
      } else {
        frames.addAll(splitter.feed(buffer, 0, count));
      }
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      end();
    }
  }

  private void end() {
    ended = true;
    splitter.finish().ifPresent(frames::add);
  }
}
