/**
 * A Faktory worker on the project's client: {@link io.github.faktorytestkit.worker.FaktoryWorker} fetches jobs, runs
 * the handler registered for each jobtype, acknowledges or fails them, beats every 15 s and obeys quiet and
 * terminate. Its time comes from a {@link io.github.faktorytestkit.worker.WorkerClock}, which the fake's tests move.
 */
package io.github.faktorytestkit.worker;
