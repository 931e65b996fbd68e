package io.github.faktorytestkit.transcript;

/** The two ends of a recorded Faktory connection. */
public enum Side {
  /** The client: it sends command lines, written {@code >} in a transcript. */
  CLIENT(">"),
  /** The server: it sends RESP frames, written {@code <} in a transcript. */
  SERVER("<");

  private final String arrow;

  Side(String arrow) {
    this.arrow = arrow;
  }

  /** Returns the arrow that marks a frame this side sent: {@code >} for the client, {@code <} for the server. */
  public String arrow() {
    return arrow;
  }

  /** Returns the word a close event uses for this side: {@code client} or {@code server}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
