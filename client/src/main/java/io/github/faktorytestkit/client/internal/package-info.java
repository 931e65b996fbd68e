/**
 * The client's socket: connecting (plain or TLS), sending lines, reading reply frames under a time-out, and the
 * wire log. Internal: no compatibility promise.
 */
package io.github.faktorytestkit.client.internal;
