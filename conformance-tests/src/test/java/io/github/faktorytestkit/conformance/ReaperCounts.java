package io.github.faktorytestkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.faktorytestkit.client.ServerInfo;

/**
 * INFO's reaper statistics ({@code tasks.Busy} and {@code tasks.Workers}): reservations expired and workers dropped
 * since the server started, and workers registered now.
 *
 * @param reservationsReaped reservations the reaper expired
 * @param workersReaped workers dropped for not beating
 * @param workers workers registered now
 */
record ReaperCounts(long reservationsReaped, long workersReaped, long workers) {
  /** Returns the counts in {@code info}. */
  static ReaperCounts of(ServerInfo info) {
    JsonNode tasks = info.json().path("faktory").path("tasks");
    return new ReaperCounts(tasks.path("Busy").path("reaped").asLong(), tasks.path("Workers").path("reaped").asLong(),
        tasks.path("Workers").path("size").asLong());
  }

  /** Returns the reaped counts since {@code earlier}, with the current number of workers. */
  ReaperCounts since(ReaperCounts earlier) {
    return new ReaperCounts(reservationsReaped - earlier.reservationsReaped, workersReaped - earlier.workersReaped,
        workers);
  }
}
