/** Small mains that the harness runs in a child JVM to measure one thing there (start-up, heap). */
package io.github.faktorytestkit.bench.probe;
