/** JMH benchmarks of the fake in one JVM: start-up and the per-command cost at several queue depths. */
package io.github.faktorytestkit.bench.jmh;
