package io.github.faktorytestkit.transcript;

/** A transcript's text is malformed; the message names the source, the line and what was expected. */
public final class TranscriptFormatException extends IllegalArgumentException {
  private final int line;

  /** Creates the exception for {@code line} (1-based; 0 when the problem is the whole text) of {@code source}. */
  public TranscriptFormatException(String source, int line, String problem) {
    super(source + (line > 0 ? ":" + line : "") + ": " + problem);
    this.line = line;
  }

  /** Returns the 1-based line of the problem, or 0 when it concerns the whole text. */
  public int line() {
    return line;
  }
}
