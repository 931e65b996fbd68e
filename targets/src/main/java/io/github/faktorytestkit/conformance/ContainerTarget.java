package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.real.FaktoryContainer;
import io.github.faktorytestkit.real.RealTargets;
import java.net.URI;

/** A real Faktory in a container of its own ({@link FaktoryContainer}, image from {@code -Dfaktory.image}). */
final class ContainerTarget extends RealTarget {
  private final FaktoryContainer container;

  private ContainerTarget(FaktoryContainer container) {
    this.container = container;
  }

  /**
   * Starts a container of {@link FaktoryContainer#configuredImage()} on the host's network with {@code password}
   * (null for none); aborts or fails the current test, as {@link RealTargets} decides, when no Docker engine
   * answers or the engine cannot run a container.
   */
  static ContainerTarget start(String password) {
    FaktoryContainer container = new FaktoryContainer(FaktoryContainer.configuredImage()).withHostNetwork();
    if (password != null) {
      container.withPassword(password);
    }
    return new ContainerTarget(RealTargets.start(container));
  }

  @Override
  public TargetKind kind() {
    return TargetKind.CONTAINER;
  }

  @Override
  public URI url() {
    return container.getFaktoryUrl();
  }

  @Override
  public String password() {
    return container.getPassword();
  }

  @Override
  URI webUrl() {
    return container.getWebUrl();
  }

  @Override
  public void close() {
    container.close();
  }

  @Override
  public String toString() {
    return "faktory container " + container.getDockerImageName() + " at " + container.getHost() + ":"
        + container.getFaktoryPort();
  }
}
