package io.github.faktorytestkit.fake.state;

/**
 * The server's counters, as INFO reports them.
 *
 * @param processed ACKed plus FAILed jobs (reservation expiries included); FLUSH resets it
 * @param failures FAILed jobs (reservation expiries included); FLUSH resets it
 * @param commandCount commands handled, END and errors included, unknown verbs excluded
 * @param connections open connections past their handshake
 */
public record Counters(long processed, long failures, long commandCount, long connections) {}
