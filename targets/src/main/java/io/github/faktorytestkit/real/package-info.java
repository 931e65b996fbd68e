/**
 * Real Faktory for tests: {@link io.github.faktorytestkit.real.LocalFaktory} (the binary as a local process) and
 * {@link io.github.faktorytestkit.real.FaktoryContainer} (Testcontainers: mapped ports, or host networking on free
 * 127.0.0.1 ports), {@link io.github.faktorytestkit.real.RealTargets} (skip or fail when one is unavailable), and the
 * helpers that find the binary and watch the process.
 */
package io.github.faktorytestkit.real;
