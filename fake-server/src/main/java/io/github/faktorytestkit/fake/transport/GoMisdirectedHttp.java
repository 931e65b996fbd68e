package io.github.faktorytestkit.fake.transport;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * What Go's {@code net/http} server answers on its TLS port to a client speaking plain HTTP: when the handshake fails
 * on a first record that does not look like TLS whose header looks like the start of an HTTP request
 * ({@code tlsRecordHeaderLooksLikeHTTP}), a 400 written as it is, without TLS, before the close.
 */
final class GoMisdirectedHttp {
  private static final byte[] ANSWER = "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
      .getBytes(StandardCharsets.US_ASCII);
  private static final String[] REQUEST_STARTS = {"GET /", "HEAD ", "POST ", "PUT /", "OPTIO"};

  private GoMisdirectedHttp() {}

  /** Returns Go's answer when the record header at {@code start} of {@code in} looks like HTTP, else null. */
  static byte[] answer(ByteBuf in, int start) {
    String header = in.toString(start, GoRecords.HEADER, StandardCharsets.ISO_8859_1);
    for (String request : REQUEST_STARTS) {
      if (header.equals(request)) {
        return ANSWER.clone();
      }
    }
    return null;
  }
}
