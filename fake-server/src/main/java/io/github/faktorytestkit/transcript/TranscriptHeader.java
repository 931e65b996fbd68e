package io.github.faktorytestkit.transcript;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The header of a transcript: what was recorded, from which server, when and by what; written as {@code # key:
 * value} lines. The well-known fields are {@value #SERVER}, {@value #SCENARIO}, {@value #RECORDED} (an ISO-8601
 * instant) and {@value #PRODUCER}; other fields are kept in order. Immutable.
 */
public final class TranscriptHeader {
  /** The server's name and version, e.g. {@code Faktory 1.9.4}. */
  public static final String SERVER = "server";
  /** What the transcript exercises. */
  public static final String SCENARIO = "scenario";
  /** When the recording started, an ISO-8601 instant. */
  public static final String RECORDED = "recorded";
  /** What made the transcript, e.g. {@code faktory-testkit recording proxy (scripts/record)}. */
  public static final String PRODUCER = "producer";

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]*");

  private final Map<String, String> fields;

  private TranscriptHeader(Map<String, String> fields) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Returns a header of {@code fields} in their iteration order. */
  public static TranscriptHeader of(Map<String, String> fields) {
    fields.forEach(TranscriptHeader::check);
    return new TranscriptHeader(fields);
  }

  /** Returns a header with the four well-known fields (null ones left out). */
  public static TranscriptHeader of(String server, String scenario, Instant recorded, String producer) {
    Map<String, String> fields = new LinkedHashMap<>();
    putIfPresent(fields, SERVER, server);
    putIfPresent(fields, SCENARIO, scenario);
    putIfPresent(fields, RECORDED, recorded == null ? null : recorded.toString());
    putIfPresent(fields, PRODUCER, producer);
    return of(fields);
  }

  private static void putIfPresent(Map<String, String> fields, String key, String value) {
    if (value != null) {
      fields.put(key, value);
    }
  }

  private static void check(String key, String value) {
    Objects.requireNonNull(value, "value of " + key);
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("header key: " + key + " (expected: [a-z][a-z0-9_-]*)");
    }
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || !value.strip().equals(value)) {
      throw new IllegalArgumentException("header value of " + key + ": " + value
          + " (expected: one line without leading or trailing blanks)");
    }
  }

  /** Returns every field in order. */
  public Map<String, String> fields() {
    return fields;
  }

  /** Returns the field {@code key}, if present. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /** Returns this header with {@code key} set to {@code value} (added at the end when new). */
  public TranscriptHeader with(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.put(key, value);
    return of(copy);
  }

  /** Returns the {@value #SERVER} field. */
  public Optional<String> server() {
    return get(SERVER);
  }

  /** Returns the {@value #SCENARIO} field. */
  public Optional<String> scenario() {
    return get(SCENARIO);
  }

  /** Returns the {@value #RECORDED} field as an instant. */
  public Optional<Instant> recorded() {
    return get(RECORDED).map(Instant::parse);
  }

  /** Returns the {@value #PRODUCER} field. */
  public Optional<String> producer() {
    return get(PRODUCER);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TranscriptHeader header && fields.equals(header.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "TranscriptHeader" + fields;
  }
}
