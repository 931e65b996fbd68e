/**
 * The recording proxy: {@link io.github.faktorytestkit.recorder.RecordingProxy} stands between a client and a real
 * Faktory on loopback, forwards every byte and writes what passed as a transcript
 * ({@link io.github.faktorytestkit.transcript}).
 */
package io.github.faktorytestkit.recorder;
