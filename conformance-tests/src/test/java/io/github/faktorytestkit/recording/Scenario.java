package io.github.faktorytestkit.recording;

import io.github.faktorytestkit.transcript.TranscriptWriter;
import java.util.List;

/**
 * One recorded scenario: what it is called, whether its server needs a password, whether it waits in real time
 * (then it runs on a server of its own, in parallel with the others), and the steps it takes through the proxy.
 */
record Scenario(String name, boolean password, boolean slow, Steps steps) {
  /** The password of scenarios that need one. */
  static final String PASSWORD = "rec-pw";

  /** What a scenario does, given its connection factory and server. */
  @FunctionalInterface
  interface Steps {
    /** Runs the steps; returns notes for the transcript header (e.g. lines left out for this version). */
    List<String> run(ScenarioContext context) throws Exception;
  }

  /** Returns the file name of the scenario's transcript: its name in lower case, words joined by dashes. */
  String fileName() {
    return TranscriptWriter.fileName(name);
  }
}
