package io.github.faktorytestkit.fake.state;

import java.time.Instant;
import java.util.List;

/**
 * A registered worker process, as the Web UI's Busy page shows it.
 *
 * @param wid the worker id
 * @param hostname the host name from HELLO
 * @param pid the process id from HELLO
 * @param labels the labels from HELLO (null when HELLO had none)
 * @param state running, quiet or terminate
 * @param startedAt when it registered
 * @param lastBeat when it last sent BEAT (or registered)
 * @param rssKb the memory size from its last BEAT
 * @param connections how many open connections use its wid
 */
public record WorkerInfo(String wid, String hostname, long pid, List<String> labels, WorkerState state,
    Instant startedAt, Instant lastBeat, long rssKb, int connections) {}
