package io.github.faktorytestkit.client;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger with every level enabled that keeps every formatted message (the wire log is TRACE), for
 * asserting on what the client logs.
 */
final class RecordingLogger {
  private final List<String> messages = new CopyOnWriteArrayList<>();

  /** Returns the logger; messages of every level are recorded. */
  Logger logger() {
    return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "isTraceEnabled", "isDebugEnabled", "isInfoEnabled", "isWarnEnabled", "isErrorEnabled" -> true;
          case "getName" -> "recording";
          case "trace", "debug", "info", "warn", "error" -> {
            messages.add(format(args));
            yield null;
          }
          default -> method.getReturnType() == boolean.class ? Boolean.FALSE : null;
        });
  }

  /** Returns the messages recorded so far. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  private static String format(Object[] args) {
    Object[] parameters = args.length == 2 && args[1] instanceof Object[] array
        ? array : Arrays.copyOfRange(args, 1, args.length);
    return MessageFormatter.arrayFormat((String) args[0], parameters).getMessage();
  }
}
