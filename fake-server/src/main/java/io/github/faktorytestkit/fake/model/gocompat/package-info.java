/**
 * Internal: no compatibility promise. Go behaviour the model needs bit for bit: {@code encoding/json} parsing,
 * decoding and writing with Go's error messages, {@code time.RFC3339Nano}, {@code strconv.Quote} and Go's string
 * handling. Checked against vectors printed by real Go (src/test/go, src/test/resources).
 */
package io.github.faktorytestkit.fake.model.gocompat;
