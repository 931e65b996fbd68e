/**
 * Replay of recorded Faktory transcripts: {@link io.github.faktorytestkit.replay.ReplayFaktory} serves a recording
 * ({@code recordings/README.md}) to the code under test, matching what it sends against the recorded client
 * ({@link io.github.faktorytestkit.replay.Matching}) and reporting each
 * {@link io.github.faktorytestkit.replay.Mismatch} as a near-miss diff. Built on the fake's transport through the
 * {@code fake.session} seam; no netty here.
 */
package io.github.faktorytestkit.replay;
