package io.github.faktorytestkit.real;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers implementation for Faktory.
 *
 * <p>Supported image: {@code contribsys/faktory} (default {@code contribsys/faktory:1.9.4}); any image declared a
 * compatible substitute, such as the {@code faktory-testkit/faktory:<version>} image {@code
 * scripts/provision-container} builds where no registry is reachable. {@link #FaktoryContainer()} takes the image
 * from the system property {@value #IMAGE_PROPERTY} when set.
 *
 * <p>Ports: none are exposed or mapped. The container shares the host's network ({@code --network host}) and
 * Faktory binds {@code 127.0.0.1} on two ports that are free when the container starts, so tests only ever talk
 * to loopback; read them with {@link #getFaktoryPort()} and {@link #getWebPort()}. This needs a Docker engine on
 * the test's own host.
 *
 * <pre>{@code
 * try (FaktoryContainer faktory = new FaktoryContainer().withPassword("pw")) {
 *   faktory.start();
 *   URI url = faktory.getFaktoryUrl();   // tcp://:pw@127.0.0.1:PORT
 * }
 * }</pre>
 *
 * <p>Not thread-safe, like every {@link GenericContainer}.
 */
public class FaktoryContainer extends GenericContainer<FaktoryContainer> {
  /** The official image, without tag. */
  public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("contribsys/faktory");

  /** The tag of the default image: the Faktory version this toolkit mirrors. */
  public static final String DEFAULT_TAG = "1.9.4";

  /** The system property naming the image {@link #FaktoryContainer()} runs instead of the default one. */
  public static final String IMAGE_PROPERTY = "faktory.image";

  /** Where a TLS container's PEM files go, passed with {@code -c} (in development Faktory ignores /etc/faktory). */
  private static final String CONFIG_DIRECTORY = "/faktory-config";

  private String password;
  private boolean tls;
  private int faktoryPort;
  private int webPort;

  /** Creates a container of {@link #configuredImage()}. */
  public FaktoryContainer() {
    this(configuredImage());
  }

  /**
   * Creates a container of {@code dockerImageName}.
   *
   * @throws IllegalStateException when the image is neither {@code contribsys/faktory} nor declared compatible
   */
  public FaktoryContainer(String dockerImageName) {
    this(DockerImageName.parse(dockerImageName));
  }

  /**
   * Creates a container of {@code dockerImageName}.
   *
   * @throws IllegalStateException when the image is neither {@code contribsys/faktory} nor declared compatible
   */
  public FaktoryContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    withNetworkMode("host");
    waitingFor(Wait.forLogMessage(".*PID \\d+ listening at .*", 1).withStartupTimeout(Duration.ofSeconds(60)));
  }

  /**
   * Returns the image named by the system property {@value #IMAGE_PROPERTY}, declared a compatible substitute
   * for {@code contribsys/faktory}; without the property, {@code contribsys/faktory:1.9.4}.
   */
  public static DockerImageName configuredImage() {
    String configured = System.getProperty(IMAGE_PROPERTY);
    if (configured == null || configured.isBlank()) {
      return DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG);
    }
    return DockerImageName.parse(configured).asCompatibleSubstituteFor(DEFAULT_IMAGE_NAME);
  }

  /** Makes the server require this password in HELLO (as {@code FAKTORY_PASSWORD}). */
  public FaktoryContainer withPassword(String password) {
    this.password = Objects.requireNonNull(password, "password");
    return withEnv("FAKTORY_PASSWORD", password);
  }

  /**
   * Makes the server speak TLS only, with the PEM certificate and private key given (copied into the container's
   * config directory, as {@code public.cert.pem} and {@code private.key.pem}); the Web UI then serves HTTPS.
   */
  public FaktoryContainer withTls(String certificatePem, String privateKeyPem) {
    tls = true;
    withCopyToContainer(Transferable.of(certificatePem), CONFIG_DIRECTORY + "/public.cert.pem");
    return withCopyToContainer(Transferable.of(privateKeyPem), CONFIG_DIRECTORY + "/private.key.pem");
  }

  /** Chooses free loopback ports for this start and has Faktory bind them. */
  @Override
  protected void configure() {
    int[] ports = LoopbackPorts.free(2);
    faktoryPort = ports[0];
    webPort = ports[1];
    String host = LoopbackPorts.HOST;
    withCommand("/faktory", "-b", host + ":" + faktoryPort, "-w", host + ":" + webPort, "-c", CONFIG_DIRECTORY);
  }

  /**
   * Returns the protocol URL, {@code tcp://127.0.0.1:PORT} ({@code tcp+tls://} with TLS), with
   * {@code :password@} user info when a password is set.
   *
   * @throws IllegalStateException when the container is not running
   */
  public URI getFaktoryUrl() {
    requireRunning();
    return FaktoryUrls.protocol(tls, password, faktoryPort);
  }

  /**
   * Returns the Web UI URL, {@code http://127.0.0.1:WEBPORT} ({@code https://} with TLS).
   *
   * @throws IllegalStateException when the container is not running
   */
  public URI getWebUrl() {
    requireRunning();
    return URI.create((tls ? "https" : "http") + "://" + LoopbackPorts.HOST + ":" + webPort);
  }

  /**
   * Returns the protocol port on 127.0.0.1.
   *
   * @throws IllegalStateException when the container is not running
   */
  public int getFaktoryPort() {
    requireRunning();
    return faktoryPort;
  }

  /**
   * Returns the Web UI port on 127.0.0.1.
   *
   * @throws IllegalStateException when the container is not running
   */
  public int getWebPort() {
    requireRunning();
    return webPort;
  }

  /** Returns the password set with {@link #withPassword(String)}, or null. */
  public String getPassword() {
    return password;
  }

  private void requireRunning() {
    if (getContainerId() == null) {
      throw new IllegalStateException("container: not started (expected: start() before reading its address)");
    }
  }
}
