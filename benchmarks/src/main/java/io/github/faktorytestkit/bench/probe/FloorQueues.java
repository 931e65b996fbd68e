package io.github.faktorytestkit.bench.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The canned replies and queues of a load floor server ({@link LoadFloorServer}, {@link NettyLoadFloorServer}):
 * {@code +OK} to HELLO, FLUSH, ACK and FAIL; each pushed job kept as its raw JSON, found by the {@code "queue"} value
 * in it; a FETCH takes the first job of the first named queue holding one, or waits up to 2 s for a PUSH to one of
 * them (as Faktory does) and then answers {@code $-1}. Not thread-safe.
 */
final class FloorQueues {
  /** Faktory's greeting, to a client without a password. */
  static final byte[] GREETING = "+HI {\"v\":2}\r\n".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] QUEUE_KEY = "\"queue\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NONE = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final long WAIT_NANOS = 2_000_000_000L;

  private final Map<String, ArrayDeque<byte[]>> jobs = new HashMap<>();
  private final ArrayDeque<Wait> waits = new ArrayDeque<>();

  /** Answers one {@code line} (CRLF stripped) of {@code client}; returns false when it is to be closed (END). */
  boolean answer(FloorClient client, byte[] line) throws IOException {
    switch (verb(line)) {
      case "PUSH" -> {
        push(line);
        client.send(OK);
      }
      case "FETCH" -> fetch(client, new String(line, 6, line.length - 6, StandardCharsets.US_ASCII));
      case "END" -> {
        return false;
      }
      default -> client.send(OK); // HELLO, FLUSH, ACK, FAIL
    }
    return true;
  }

  private static String verb(byte[] line) {
    int space = 0;
    while (space < line.length && line[space] != ' ') {
      space++;
    }
    return new String(line, 0, space, StandardCharsets.US_ASCII);
  }

  /** Queues the job of {@code line} ({@code PUSH {...}}), or hands it to a FETCH waiting for its queue. */
  private void push(byte[] line) throws IOException {
    byte[] job = Arrays.copyOfRange(line, 5, line.length);
    String queue = queueOf(job);
    for (Iterator<Wait> it = waits.iterator(); it.hasNext(); ) {
      Wait wait = it.next();
      if (Arrays.asList(wait.queues).contains(queue)) {
        it.remove();
        wait.client.send(bulk(job));
        return;
      }
    }
    jobs.computeIfAbsent(queue, name -> new ArrayDeque<>()).add(job);
  }

  /** Answers a FETCH of {@code names} (space-separated) to {@code client}, now or once a job arrives. */
  private void fetch(FloorClient client, String names) throws IOException {
    String[] queues = names.split(" ");
    for (String queue : queues) {
      ArrayDeque<byte[]> queued = jobs.get(queue);
      if (queued != null && !queued.isEmpty()) {
        client.send(bulk(queued.poll()));
        return;
      }
    }
    waits.add(new Wait(client, queues, System.nanoTime() + WAIT_NANOS));
  }

  /** Returns the milliseconds until the oldest wait times out, or 0 (none) to block until input. */
  long millisToNextTimeout() {
    Wait oldest = waits.peek();
    return oldest == null ? 0 : Math.max(1, (oldest.deadline - System.nanoTime()) / 1_000_000 + 1);
  }

  /** Answers {@code $-1} to every FETCH that waited its 2 s. */
  void expireWaits() throws IOException {
    long now = System.nanoTime();
    while (!waits.isEmpty() && waits.peek().deadline - now <= 0) {
      waits.poll().client.send(NONE);
    }
  }

  /** Drops the waits of a closed client. */
  void forget(FloorClient client) {
    waits.removeIf(wait -> wait.client == client);
  }

  private static String queueOf(byte[] job) {
    int start = indexOf(job, QUEUE_KEY) + QUEUE_KEY.length;
    int end = start;
    while (job[end] != '"') {
      end++;
    }
    return new String(job, start, end - start, StandardCharsets.US_ASCII);
  }

  private static int indexOf(byte[] text, byte[] key) {
    outer:
    for (int i = 0; i + key.length <= text.length; i++) {
      for (int k = 0; k < key.length; k++) {
        if (text[i + k] != key[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("no \"queue\" in the job");
  }

  private static byte[] bulk(byte[] job) {
    byte[] head = ("$" + job.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] reply = Arrays.copyOf(head, head.length + job.length + 2);
    System.arraycopy(job, 0, reply, head.length, job.length);
    reply[reply.length - 2] = '\r';
    reply[reply.length - 1] = '\n';
    return reply;
  }

  /** A FETCH of {@code client} waiting for one of {@code queues} until {@code deadline} (nano time). */
  private record Wait(FloorClient client, String[] queues, long deadline) {}
}
