package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.protocol.Job;
import java.time.Instant;

/**
 * A fetched job awaiting ACK or FAIL.
 *
 * @param jid the job id
 * @param job the job as fetched
 * @param wid the fetching connection's worker id ("" for a connection without one)
 * @param reservedAt when it was fetched
 * @param expiresAt when the reservation expires and the job fails with {@code ReservationExpired}
 */
public record Reservation(String jid, Job job, String wid, Instant reservedAt, Instant expiresAt) {}
