package io.github.faktorytestkit.client;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The server's answer to a bulk push: the jobs it rejected, by jid, with the reason. Every job not named here was
 * enqueued. Immutable.
 *
 * @param errors the error text per rejected jid, e.g. {@code jobs must have a jobtype parameter}
 */
public record PushBulkResult(Map<String, String> errors) {

  /** Creates the value; the map is copied (sorted by jid). */
  public PushBulkResult {
    errors = Collections.unmodifiableSortedMap(new TreeMap<>(errors));
  }

  /** Returns whether the server accepted every job. */
  public boolean allAccepted() {
    return errors.isEmpty();
  }

  /** Returns the jids of the rejected jobs, in jid order. */
  public Set<String> rejectedJids() {
    return errors.keySet();
  }

  /** Returns why the job {@code jid} was rejected, or empty when it was accepted (or not in the batch). */
  public Optional<String> errorFor(String jid) {
    return Optional.ofNullable(errors.get(jid));
  }
}
