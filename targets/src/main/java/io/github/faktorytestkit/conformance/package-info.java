/**
 * Conformance scenarios' targets: a {@link io.github.faktorytestkit.conformance.Target} is one running server (the
 * fake, a local process, a container, or a URL), and {@link io.github.faktorytestkit.conformance.AcrossTargets} runs
 * a test once per target chosen by {@code -Dfaktory.targets}, with the same assertions. Also the raw wire tools the
 * differential scenarios use. Internal: no compatibility promise.
 */
package io.github.faktorytestkit.conformance;
