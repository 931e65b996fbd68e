/**
 * The harness of {@code scripts/bench}: every {@link io.github.faktorytestkit.bench.Figure} measures the fake (or the
 * client) side by side with what it stands in for, interleaved, and {@link io.github.faktorytestkit.bench.Bench}
 * prints one table. Not tests: nothing is asserted.
 */
package io.github.faktorytestkit.bench;
