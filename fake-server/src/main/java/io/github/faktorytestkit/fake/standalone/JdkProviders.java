package io.github.faktorytestkit.fake.standalone;

/**
 * Names the JDK's own providers of the selector ({@code java.nio.channels.spi.SelectorProvider}) and of the HTTP
 * server ({@code com.sun.net.httpserver.HttpServerProvider}) as the system properties both read first, each unless
 * the JVM was given a value, so that their first use in the jar does not look for a provider as a service. That
 * search reads the runtime image's and the class path's provider files, and in the jar, whose class path is the jar
 * itself, it opens the jar's directory of 11,403 entries again (the launcher closed its own): at the jar's start it
 * was on the way to the command port's bind. The jar holds no provider of either kind, so the one named is the one the
 * search would have found: the platform's default selector provider, named only where that is the JDK's epoll one
 * (Linux), and the JDK's HTTP server. A fake in a test's JVM leaves both to that JVM's class path.
 */
final class JdkProviders {
  private static final String SELECTOR_PROVIDER = "java.nio.channels.spi.SelectorProvider";
  private static final String LINUX_SELECTOR_PROVIDER = "sun.nio.ch.EPollSelectorProvider";
  private static final String HTTP_SERVER_PROVIDER = "com.sun.net.httpserver.HttpServerProvider";
  private static final String JDK_HTTP_SERVER_PROVIDER = "sun.net.httpserver.DefaultHttpServerProvider";

  private JdkProviders() {}

  /** Names both providers where the JDK has them and the JVM was not given others; call before their first use. */
  static void apply() {
    if (System.getProperty("os.name").equals("Linux")) {
      nameIfPresent(SELECTOR_PROVIDER, LINUX_SELECTOR_PROVIDER);
    }
    nameIfPresent(HTTP_SERVER_PROVIDER, JDK_HTTP_SERVER_PROVIDER);
  }

  /** Sets {@code property} to {@code provider} unless it has a value or the JDK has no such class. */
  private static void nameIfPresent(String property, String provider) {
    if (System.getProperty(property) == null && present(provider)) {
      System.setProperty(property, provider);
    }
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
