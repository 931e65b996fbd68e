package io.github.faktorytestkit.real;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerFetchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers implementation for Faktory.
 *
 * <p>Supported image: {@code contribsys/faktory} ({@link #DEFAULT_IMAGE}, {@code contribsys/faktory:1.9.4}, is the
 * version this toolkit mirrors); any other image must be declared a compatible substitute, as Testcontainers
 * modules do: {@code DockerImageName.parse("faktory-testkit/faktory:1.9.4").asCompatibleSubstituteFor(
 * "contribsys/faktory")} (the image {@code scripts/provision-container} builds where no registry is reachable).
 *
 * <p>Ports: by default Faktory listens on {@value #FAKTORY_PORT} (protocol) and {@value #WEB_PORT} (Web UI) inside
 * the container, both exposed and mapped to random host ports, as every Testcontainers module does; the URLs use
 * {@link #getHost()} and the mapped ports, so this works with Docker Desktop and a remote {@code DOCKER_HOST}.
 * {@link #withHostNetwork()} instead shares the host's network and has Faktory bind two free {@code 127.0.0.1}
 * ports: for an engine on the test's own host without a bridge network (this project's scripts run so).
 *
 * <p>An image the engine does not have is pulled before the start, for at most {@link #PULL_TIMEOUT}; when that
 * fails, {@link #start()} throws a {@link ContainerFetchException} naming the image and what to do.
 *
 * <pre>{@code
 * try (FaktoryContainer faktory = new FaktoryContainer(FaktoryContainer.DEFAULT_IMAGE).withPassword("pw")) {
 *   faktory.start();
 *   URI url = faktory.getFaktoryUrl();   // tcp://:pw@HOST:MAPPED_PORT
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

  /** The official image of the Faktory version this toolkit mirrors: {@code contribsys/faktory:1.9.4}. */
  public static final DockerImageName DEFAULT_IMAGE = DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG);

  /** The system property naming the image {@link #configuredImage()} returns instead of the default one. */
  public static final String IMAGE_PROPERTY = "faktory.image";

  /** The protocol port inside the container (mapped to a random host port unless on the host's network). */
  public static final int FAKTORY_PORT = 7419;

  /** The Web UI port inside the container (mapped to a random host port unless on the host's network). */
  public static final int WEB_PORT = 7420;

  /** How long {@link #start()} waits for an absent image to be pulled. */
  public static final Duration PULL_TIMEOUT = Duration.ofSeconds(30);

  /** How long {@link #start()} waits for Faktory's "listening" line once the container runs. */
  public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

  /** Where a TLS container's PEM files go, passed with {@code -c} (in development Faktory ignores /etc/faktory). */
  private static final String CONFIG_DIRECTORY = "/faktory-config";

  private final DockerImageName image;
  private String password;
  private boolean tls;
  private boolean hostNetwork;
  private int faktoryPort;
  private int webPort;

  /**
   * Creates a container of {@code dockerImageName}.
   *
   * @throws IllegalStateException when the image is neither {@code contribsys/faktory} nor declared compatible
   */
  public FaktoryContainer(String dockerImageName) {
    this(DockerImageName.parse(dockerImageName));
  }

  /**
   * Creates a container of {@code dockerImageName}, e.g. {@link #DEFAULT_IMAGE}.
   *
   * @throws IllegalStateException when the image is neither {@code contribsys/faktory} nor declared compatible
   */
  public FaktoryContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    image = dockerImageName;
    addExposedPorts(FAKTORY_PORT, WEB_PORT);
    waitingFor(Wait.forLogMessage(".*PID \\d+ listening at .*", 1).withStartupTimeout(STARTUP_TIMEOUT));
  }

  /**
   * Returns the image named by the system property {@value #IMAGE_PROPERTY}, declared a compatible substitute
   * for {@code contribsys/faktory}; without the property, {@link #DEFAULT_IMAGE}.
   */
  public static DockerImageName configuredImage() {
    String configured = System.getProperty(IMAGE_PROPERTY);
    if (configured == null || configured.isBlank()) {
      return DEFAULT_IMAGE;
    }
    return DockerImageName.parse(configured).asCompatibleSubstituteFor(DEFAULT_IMAGE_NAME);
  }

  /**
   * Shares the host's network ({@code --network host}) instead of mapping ports: Faktory binds two free
   * {@code 127.0.0.1} ports chosen at each start. Needs a Docker engine on the test's own host.
   */
  public FaktoryContainer withHostNetwork() {
    hostNetwork = true;
    return withNetworkMode("host");
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

  /**
   * Pulls the image when the engine does not have it (for at most {@link #PULL_TIMEOUT}), then starts the
   * container and waits for Faktory to listen.
   *
   * @throws ContainerFetchException when the image is absent and cannot be pulled: the message names it and
   *     what to do
   */
  @Override
  public void start() {
    if (getContainerId() == null) {
      requireImage(DockerClientFactory.instance().client());
    }
    super.start();
  }

  /** Has Faktory bind the exposed ports on every interface or, on the host's network, two free loopback ports. */
  @Override
  protected void configure() {
    String host = "0.0.0.0";
    faktoryPort = FAKTORY_PORT;
    webPort = WEB_PORT;
    if (hostNetwork) {
      setExposedPorts(List.of());
      int[] ports = LoopbackPorts.free(2);
      faktoryPort = ports[0];
      webPort = ports[1];
      host = LoopbackPorts.HOST;
    }
    withCommand("/faktory", "-b", host + ":" + faktoryPort, "-w", host + ":" + webPort, "-c", CONFIG_DIRECTORY);
  }

  /**
   * Returns the protocol URL, {@code tcp://HOST:PORT} ({@code tcp+tls://} with TLS), with {@code :password@}
   * user info when a password is set.
   *
   * @throws IllegalStateException when the container is not running
   */
  public URI getFaktoryUrl() {
    int port = getFaktoryPort();
    return FaktoryUrls.protocol(tls, password, getHost(), port);
  }

  /**
   * Returns the Web UI URL, {@code http://HOST:WEBPORT} ({@code https://} with TLS).
   *
   * @throws IllegalStateException when the container is not running
   */
  public URI getWebUrl() {
    int port = getWebPort();
    return URI.create((tls ? "https" : "http") + "://" + getHost() + ":" + port);
  }

  /**
   * Returns the protocol port on {@link #getHost()}: the mapped port, or the loopback port on the host's network.
   *
   * @throws IllegalStateException when the container is not running
   */
  public int getFaktoryPort() {
    requireRunning();
    return hostNetwork ? faktoryPort : getMappedPort(FAKTORY_PORT);
  }

  /**
   * Returns the Web UI port on {@link #getHost()}: the mapped port, or the loopback port on the host's network.
   *
   * @throws IllegalStateException when the container is not running
   */
  public int getWebPort() {
    requireRunning();
    return hostNetwork ? webPort : getMappedPort(WEB_PORT);
  }

  /** Returns the host the ports are on: {@code 127.0.0.1} on the host's network, else Testcontainers' host. */
  @Override
  public String getHost() {
    return hostNetwork ? LoopbackPorts.HOST : super.getHost();
  }

  /** Returns the password set with {@link #withPassword(String)}, or null. */
  public String getPassword() {
    return password;
  }

  /** Returns whether {@link #withHostNetwork()} was called. */
  public boolean isHostNetwork() {
    return hostNetwork;
  }

  private void requireImage(DockerClient docker) {
    try {
      docker.inspectImageCmd(image.asCanonicalNameString()).exec();
      return;
    } catch (NotFoundException absent) {
      // pulled below
    }
    try {
      boolean pulled = docker.pullImageCmd(image.getUnversionedPart()).withTag(image.getVersionPart())
          .exec(new PullImageResultCallback()).awaitCompletion(PULL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (!pulled) {
        throw imageUnavailable("the pull did not finish within " + PULL_TIMEOUT.toSeconds() + " s", null);
      }
    } catch (DockerException | DockerClientException e) {
      throw imageUnavailable(e.getMessage().strip(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw imageUnavailable("interrupted while pulling", e);
    }
  }

  private ContainerFetchException imageUnavailable(String reason, Exception cause) {
    String name = image.asCanonicalNameString();
    return new ContainerFetchException("image " + name + ": not on the Docker engine and not pullable (" + reason
        + "); pull it (docker pull " + name + ") or build it (where no registry is reachable, "
        + "scripts/provision-container builds faktory-testkit/faktory:<version>), or pass an image the engine has "
        + "to new FaktoryContainer(DockerImageName)", cause);
  }

  private void requireRunning() {
    if (getContainerId() == null) {
      throw new IllegalStateException("container: not started (expected: start() before reading its address)");
    }
  }
}
