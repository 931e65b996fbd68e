package io.github.faktorytestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.RawClient;
import io.github.faktorytestkit.protocol.Job;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs fixture classes through the JUnit launcher and checks what the extension did to them. */
@Timeout(30)
class FakeFaktoryExtensionTest {

  @Test
  void staticFieldSharesOneServerResetBeforeEachTestAndClosedAfterAll() {
    StaticFixture.clients.clear();
    Map<String, TestExecutionResult> results = run(StaticFixture.class);

    assertThat(results).hasSize(4).allSatisfy((name, result) ->
        assertThat(result.getStatus()).as(name + " " + result).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    assertClosed(StaticFixture.seen);
  }

  @Test
  void instanceFieldGivesEachTestItsOwnServer() {
    InstanceFixture.seen.clear();
    Map<String, TestExecutionResult> results = run(InstanceFixture.class);

    assertThat(results.values()).extracting(TestExecutionResult::getStatus)
        .containsOnly(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(InstanceFixture.seen).hasSize(2).doesNotHaveDuplicates();
    InstanceFixture.seen.forEach(FakeFaktoryExtensionTest::assertClosed);
  }

  @Test
  void realServerModeUsesItsUrlAndAbortsTestsThatNeedTheFake() {
    Map<String, TestExecutionResult> results = run(RealFixture.class);

    assertThat(results.get("talksToTheRealUrl(URI)").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    for (String aborted : List.of("inspectsTheState()", "movesTheClock()", "takesTheFakeAsParameter(FakeFaktory)")) {
      TestExecutionResult result = results.get(aborted);
      assertThat(result.getStatus()).as(aborted).isEqualTo(TestExecutionResult.Status.ABORTED);
      assertThat(result.getThrowable().orElseThrow().getMessage())
          .contains("the real server tcp://:***@127.0.0.1:7419 (set by FAKTORY_URL)")
          .doesNotContain("secret");
    }
  }

  @Test
  void fakeOutsideATestFailsClearly() {
    FakeFaktoryExtension extension = new FakeFaktoryExtension(FakeFaktory.builder(), Optional.empty());

    assertThatThrownBy(extension::fake).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("fake: not started");
  }

  private static void assertClosed(FakeFaktory server) {
    assertThatThrownBy(() -> RawClient.connect(server.port())).isInstanceOf(UncheckedIOException.class);
  }

  private static Map<String, TestExecutionResult> run(Class<?> fixture) {
    Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
              results.put(test.getDisplayName(), result);
            }
          }
        });
    return results;
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StaticFixture {
    @RegisterExtension
    static final FakeFaktoryExtension faktory = new FakeFaktoryExtension(FakeFaktory.builder(), Optional.empty());

    static volatile FakeFaktory seen;
    static final List<FaktoryClient> clients = new CopyOnWriteArrayList<>();

    @Test
    @Order(1)
    void first(FakeFaktory server, URI url) {
      seen = server;
      assertThat(url).isEqualTo(server.url()).isEqualTo(faktory.url());
      try (RawClient client = RawClient.connect(server.port())) {
        client.readLine();
        assertThat(client.command("HELLO {}")).isEqualTo("+OK\r\n");
      }
      assertThat(server.commandCount()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void second(FakeFaktory server) {
      assertThat(server).isSameAs(seen);
      assertThat(server.commandCount()).isZero();
    }

    @Test
    @Order(3)
    void third(FaktoryClient client, FakeFaktory server) {
      client.push(Job.of("Greet", "ann"));

      assertThat(server.state().queueSize("default")).isEqualTo(1);
      clients.add(client);
    }

    @Test
    @Order(4)
    void fourth(FakeFaktory server) {
      assertThat(clients).singleElement().satisfies(client -> assertThat(client.isUsable()).isFalse());
      assertThat(server.state().queueSize("default")).isZero();
    }
  }

  static class InstanceFixture {
    static final List<FakeFaktory> seen = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final FakeFaktoryExtension faktory = new FakeFaktoryExtension(FakeFaktory.builder(), Optional.empty());

    @Test
    void one() {
      seen.add(faktory.fake());
    }

    @Test
    void two() {
      seen.add(faktory.fake());
    }
  }

  static class RealFixture {
    static final URI REAL = URI.create("tcp://:secret@127.0.0.1:7419");

    @RegisterExtension
    static final FakeFaktoryExtension faktory =
        new FakeFaktoryExtension(FakeFaktory.builder(), Optional.of(new RealServer(REAL, "FAKTORY_URL")));

    @Test
    void talksToTheRealUrl(URI url) {
      assertThat(url).isEqualTo(REAL).isEqualTo(faktory.url());
      assertThat(faktory.isRealServer()).isTrue();
    }

    @Test
    void inspectsTheState() {
      faktory.state();
    }

    @Test
    void movesTheClock() {
      faktory.advance(Duration.ofSeconds(1));
    }

    @Test
    void takesTheFakeAsParameter(FakeFaktory server) {
      server.port();
    }
  }
}
