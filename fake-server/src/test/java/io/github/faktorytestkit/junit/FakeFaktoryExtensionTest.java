package io.github.faktorytestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.RawClient;
import io.github.faktorytestkit.protocol.Job;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.extension.ExtendWith;
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
          .contains("the real server tcp://:***@127.0.0.1:" + RealFixture.REAL.getPort()
              + " (set by FAKTORY_TESTKIT_URL)")
          .doesNotContain("secret");
    }
  }

  @Test
  void realServerModeFlushesBeforeEachTestAndAfterTheLastAndSaysSoOnTheConsole() {
    RealFixture.CONSOLE.reset();
    RealFixture.STAND_IN.reset();
    run(RealFixture.class);

    // five tests, each FLUSHed before, and one FLUSH after the last
    assertThat(RealFixture.STAND_IN.commands()).filteredOn(command -> command.verb().equals("FLUSH")).hasSize(6);
    assertThat(RealFixture.STAND_IN.state().queueSize("default")).isZero();
    String console = RealFixture.CONSOLE.toString();
    assertThat(console).containsOnlyOnce("[faktory-testkit] RealFixture: tests run against the REAL Faktory "
            + "tcp://:***@127.0.0.1:" + RealFixture.REAL.getPort() + " (set by FAKTORY_TESTKIT_URL), FLUSHed before "
            + "each test and after the last; tests that need the fake are skipped")
        .contains("[faktory-testkit] skipped RealFixture.inspectsTheState(): this test inspects or drives the fake")
        .contains("[faktory-testkit] skipped RealFixture.takesTheFakeAsParameter(FakeFaktory): this test")
        .doesNotContain("secret");
  }

  @Test
  void extendWithOnTheClassRunsOneFakeForTheClass() {
    ExtendWithFixture.seen.clear();
    Map<String, TestExecutionResult> results = run(ExtendWithFixture.class);

    assertThat(results).hasSize(2).allSatisfy((name, result) ->
        assertThat(result.getStatus()).as(name + " " + result).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    assertThat(ExtendWithFixture.seen).hasSize(2).containsOnly(ExtendWithFixture.seen.get(0));
    assertClosed(ExtendWithFixture.seen.get(0));
  }

  @Test
  void fakeFaktoryTestAnnotationAppliesItsPassword() {
    Map<String, TestExecutionResult> results = run(AnnotatedFixture.class);

    assertThat(results.values()).extracting(TestExecutionResult::getStatus)
        .containsExactly(TestExecutionResult.Status.SUCCESSFUL);
  }

  @Test
  void eachTestStartsWithTheClockAtTheWallClockWhateverTheTestBeforeDid() {
    Map<String, TestExecutionResult> results = run(ClockFixture.class);

    assertThat(results).hasSize(3).allSatisfy((name, result) ->
        assertThat(result.getStatus()).as(name + " " + result).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
  }

  @Test
  void instanceFieldUsedBeforeItsTestSaysToRegisterItOnAStaticField() {
    FakeFaktoryExtension extension = new FakeFaktoryExtension(FakeFaktory.builder(), Optional.empty());

    assertThatThrownBy(extension::url).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a field initializer or @BeforeAll, register it on a static field");
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
    /** Stands in for the real server: a fake the extension does not know is one. */
    static final FakeFaktory STAND_IN = FakeFaktory.builder().password("secret").start();
    static final URI REAL = STAND_IN.url();
    static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();

    @RegisterExtension
    static final FakeFaktoryExtension faktory = new FakeFaktoryExtension(FakeFaktory.builder(),
        Optional.of(new RealServer(REAL, "FAKTORY_TESTKIT_URL")), new PrintStream(CONSOLE, true, UTF_8));

    @Test
    void talksToTheRealUrl(URI url) {
      assertThat(url).isEqualTo(REAL).isEqualTo(faktory.url());
      assertThat(faktory.isRealServer()).isTrue();
    }

    @Test
    void pushesAJob(FaktoryClient client) {
      client.push(Job.of("Left", "behind"));   // the FLUSH after the last test removes it
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

  @ExtendWith(FakeFaktoryExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ExtendWithFixture {
    static final List<FakeFaktory> seen = new CopyOnWriteArrayList<>();

    @Test
    @Order(1)
    void first(FakeFaktory server, FaktoryClient client) {
      seen.add(server);
      client.push(Job.of("Greet", "ann"));
      assertThat(server.state().queueSize("default")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void second(FakeFaktory server, URI url) {
      seen.add(server);
      assertThat(url).isEqualTo(server.url());
      assertThat(server.state().queueSize("default")).isZero();
    }
  }

  @FakeFaktoryTest(password = "s3cret")
  static class AnnotatedFixture {
    @Test
    void serverHasThePassword(FakeFaktory server, FaktoryClient client) {
      assertThat(server.password()).contains("s3cret");
      client.push(Job.of("Greet", "ann"));
      assertThat(server.state().queueSize("default")).isEqualTo(1);
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ClockFixture {
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @RegisterExtension
    static final FakeFaktoryExtension faktory = FakeFaktoryExtension.create();
    @RegisterExtension
    static final FakeFaktoryExtension fixedStart = FakeFaktoryExtension.create(FakeFaktory.builder().startAt(START));

    static volatile Instant movedTo;

    @Test
    @Order(1)
    void movesTheClockFarAhead() {
      faktory.advance(Duration.ofHours(2));
      fixedStart.advanceTo(START.plus(Duration.ofHours(2)));
      movedTo = faktory.now();
      assertThat(fixedStart.now()).isEqualTo(START.plus(Duration.ofHours(2)));
    }

    @Test
    @Order(2)
    void startsAgainAtTheWallClockOrTheFixedStart() {
      assertThat(faktory.now()).isBefore(movedTo).isBeforeOrEqualTo(Instant.now());
      assertThat(fixedStart.now()).isEqualTo(START);
    }

    @Test
    @Order(3)
    void aScheduleBuiltFromTheWallClockIsInTheFakesFuture() {
      try (FaktoryClient client = FaktoryClient.connect(faktory.url().toString())) {
        client.push(Job.builder("Later").at(Instant.now().plusSeconds(60)).build());
      }
      assertThat(faktory.state().scheduled()).hasSize(1);
      faktory.advance(Duration.ofMinutes(10));
      assertThat(faktory.state().queueSize("default")).isEqualTo(1);
    }
  }
}
