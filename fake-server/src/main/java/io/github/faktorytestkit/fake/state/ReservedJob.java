package io.github.faktorytestkit.fake.state;

import java.time.Instant;

/**
 * One reserved job in the server's in-memory working map: the decoded job (FAIL updates it in place), who fetched
 * it, when and until when. Confined to the model lock.
 */
final class ReservedJob {
  final GoJob job;
  final String wid;
  final Instant since;
  final Instant expiry;

  ReservedJob(GoJob job, String wid, Instant since, Instant expiry) {
    this.job = job;
    this.wid = wid;
    this.since = since;
    this.expiry = expiry;
  }
}
