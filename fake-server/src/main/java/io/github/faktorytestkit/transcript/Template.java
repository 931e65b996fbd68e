package io.github.faktorytestkit.transcript;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The body of a frame as literal bytes and placeholders ({@link Segment}). Adjacent literals are merged and empty
 * ones dropped, so two templates that mean the same are equal. Immutable.
 */
public final class Template {
  private static final Template EMPTY = new Template(List.of());

  private final List<Segment> segments;

  private Template(List<Segment> segments) {
    this.segments = segments;
  }

  /** Returns the template of {@code segments}, merged into canonical form. */
  public static Template of(List<? extends Segment> segments) {
    List<Segment> merged = new ArrayList<>();
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    for (Segment segment : segments) {
      Objects.requireNonNull(segment, "segment");
      if (segment instanceof Segment.Literal literal) {
        pending.writeBytes(literal.bytes());
      } else {
        flush(pending, merged);
        merged.add(segment);
      }
    }
    flush(pending, merged);
    return merged.isEmpty() ? EMPTY : new Template(List.copyOf(merged));
  }

  /** Returns a template of literal {@code bytes} only. */
  public static Template literal(byte[] bytes) {
    return of(List.of(new Segment.Literal(bytes)));
  }

  /** Returns a template of the UTF-8 bytes of {@code text}, literal only. */
  public static Template literal(String text) {
    return literal(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the empty template. */
  public static Template empty() {
    return EMPTY;
  }

  private static void flush(ByteArrayOutputStream pending, List<Segment> merged) {
    if (pending.size() > 0) {
      merged.add(new Segment.Literal(pending.toByteArray()));
      pending.reset();
    }
  }

  /** Returns the segments in order. */
  public List<Segment> segments() {
    return segments;
  }

  /** Returns the placeholders in order. */
  public Stream<Segment.Slot> slots() {
    return segments.stream().filter(Segment.Slot.class::isInstance).map(Segment.Slot.class::cast);
  }

  /** Returns the recorded bytes: literals as they are, placeholders as their recorded values. */
  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    segments.forEach(segment -> out.writeBytes(segment.bytes()));
    return out.toByteArray();
  }

  /** Returns whether the template has no bytes at all. */
  public boolean isEmpty() {
    return segments.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Template template && segments.equals(template.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  /** Returns the template as a transcript writes it. */
  @Override
  public String toString() {
    return ByteEscaping.escape(this);
  }
}
