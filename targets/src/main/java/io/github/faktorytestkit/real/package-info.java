/**
 * Real Faktory for tests: {@link io.github.faktorytestkit.real.LocalFaktory} (the binary as a local process) and
 * {@link io.github.faktorytestkit.real.FaktoryContainer} (Testcontainers), both on free 127.0.0.1 ports, and the
 * helpers that find the binary and watch the process.
 */
package io.github.faktorytestkit.real;
