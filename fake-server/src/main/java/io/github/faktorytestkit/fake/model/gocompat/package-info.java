/**
 * Go and Redis behaviour the model needs bit for bit: {@code encoding/json} parsing, decoding and writing with Go's
 * error messages, {@code time.RFC3339Nano}, {@code strconv.Quote}, Go's string handling, and Redis's glob matching.
 * Internal to the fake server; checked against vectors printed by real Go and Redis (src/test/go, src/test/resources).
 */
package io.github.faktorytestkit.fake.model.gocompat;
