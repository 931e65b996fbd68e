package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * A client that shuts down its sending side (TCP half-close) while its FETCH waits: real Faktory still answers the
 * FETCH after its wait, then the lines behind it, then closes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HalfCloseIT {

  @AcrossTargets({TargetKind.FAKE, TargetKind.LOCAL})
  void waitingFetchAndTheLinesBehindItAreAnsweredBeforeTheClose(Target target) throws IOException {
    URI url = target.url();
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      assertThat(line(in)).startsWith("+HI ");
      out.write(ascii("HELLO {\"v\":2}\r\n"));
      assertThat(line(in)).isEqualTo("+OK\r\n");
      out.write(ascii("FETCH half-close-nosuch\r\nINFO\r\n"));
      socket.shutdownOutput();

      String rest = target.blockingFetch(() -> readToEnd(in));

      assertThat(rest).startsWith("$-1\r\n$").contains("\"faktory\":").endsWith("}\r\n");
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      line.append((char) b);
      if (b == '\n') {
        break;
      }
    }
    return line.toString();
  }

  private static String readToEnd(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
