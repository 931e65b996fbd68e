package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.protocol.PasswordHash;
import io.github.faktorytestkit.transcript.FrameReader;
import io.github.faktorytestkit.transcript.Segment;
import io.github.faktorytestkit.transcript.Side;
import io.github.faktorytestkit.transcript.TranscriptEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One raw client connection of a {@link RecordedClient}: exact bytes out, whole RESP frames in. Not thread-safe. */
final class ClientWire {
  private final Socket socket;
  private final FrameReader frames;
  /** The salt and iteration placeholders of the last {@code +HI} read, for recomputing a password hash. */
  Segment.Slot salt;
  Segment.Slot iterations;

  private ClientWire(Socket socket) throws IOException {
    this.socket = socket;
    this.frames = new FrameReader(socket.getInputStream(), Side.SERVER);
  }

  static ClientWire open(URI url) {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) RecordedClient.READ_TIMEOUT.toMillis());
      return new ClientWire(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to " + url, e);
    }
  }

  /** Remembers the salt and iteration placeholders of a {@code +HI} for the password hash. */
  void noteGreeting(TranscriptEvent.Frame frame) {
    frame.body().slots().forEach(slot -> {
      if (slot.name().equals("salt")) {
        salt = slot;
      } else if (slot.name().equals("iter")) {
        iterations = slot;
      }
    });
  }

  /** Returns how the recorded hash was made: 0 for the greeting's iterations, 1 for a legacy hash, or empty. */
  Optional<Integer> iterationsFor(String recordedHash, String password) {
    String recordedSalt = new String(salt.value(), StandardCharsets.UTF_8);
    if (iterations != null && recordedHash.equals(PasswordHash.compute(password, recordedSalt,
        Integer.parseInt(new String(iterations.value(), StandardCharsets.UTF_8))))) {
      return Optional.of(0);
    }
    return recordedHash.equals(PasswordHash.compute(password, recordedSalt, 1)) ? Optional.of(1) : Optional.empty();
  }

  void write(byte[] bytes) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
    } catch (IOException serverGone) {
      // the recording shows what the client sent; a server that closed first does not read it
    }
  }

  /** Returns the next frame, empty when the server closed, or null when nothing came in time. */
  Optional<byte[]> read() {
    try {
      return frames.next();
    } catch (SocketTimeoutException e) {
      return null;
    }
  }

  /** Returns whether the server has closed its end (or the connection failed). */
  boolean serverClosed() {
    return frames.ended();
  }

  void shutdownOutput() {
    try {
      if (!socket.isOutputShutdown()) {
        socket.shutdownOutput();
      }
    } catch (IOException alreadyGone) {
      // nothing to half-close
    }
  }

  void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
