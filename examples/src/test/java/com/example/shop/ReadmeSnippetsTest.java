package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's code blocks marked {@code <!-- snippet: PATH -->} are taken from this project: they must not drift. */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: (\\S+) -->\\n```\\w*\\n(.*?)```\\n", Pattern.DOTALL);

  @Test
  void everyMarkedSnippetAppearsVerbatimInItsFile() throws IOException {
    Matcher snippet = SNIPPET.matcher(Files.readString(ROOT.resolve("README.md")));
    int count = 0;
    while (snippet.find()) {
      count++;
      assertThat(Files.readString(ROOT.resolve(snippet.group(1))))
          .as("README snippet from %s", snippet.group(1)).contains(snippet.group(2));
    }
    assertThat(count).as("marked snippets in README.md").isPositive();
  }
}
