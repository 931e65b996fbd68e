package io.github.faktorytestkit.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.faktorytestkit.conformance.FaktoryFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalFaktorySmokeIT {
  @BeforeEach
  void requireLocalFaktory() {
    RealTargets.requireLocalFaktory();
  }

  @Test
  void pushThenFetchReturnsSameJob() throws Exception {
    try (LocalFaktory faktory = LocalFaktory.start()) {
      System.out.println("[smoke] local Faktory " + faktory.version() + " process at " + faktory.url() + ", binary "
          + RealTargets.requireLocalFaktory());
      assertThat(faktory.version()).isEqualTo(FaktoryBinary.targetVersion());
      assertThat(faktory.url()).isEqualTo(URI.create("tcp://127.0.0.1:" + faktory.port()));
      SmokeScenario.pushThenFetch(faktory.url(), null, null);
    }
  }

  @Test
  void passwordServerAcceptsHashedPassword() throws Exception {
    try (LocalFaktory faktory = LocalFaktory.builder().password("s3cret").start()) {
      assertThat(faktory.url().getUserInfo()).isEqualTo(":s3cret");
      assertThat(faktory.password()).isEqualTo("s3cret");
      SmokeScenario.pushThenFetch(faktory.url(), "s3cret", null);
    }
  }

  @Test
  void tlsServerSpeaksTls() throws Exception {
    FaktoryFeature.TLS.assumeIn(RealTargets.version());
    LoopbackCertificate certificate = LoopbackCertificate.generate();
    try (LocalFaktory faktory = LocalFaktory.builder()
        .tls(certificate.certificatePem(), certificate.privateKeyPem()).start()) {
      assertThat(faktory.url().getScheme()).isEqualTo("tcp+tls");
      assertThat(faktory.webUrl().getScheme()).isEqualTo("https");
      SmokeScenario.pushThenFetch(faktory.url(), null, certificate.clientContext());
    }
  }

  @Test
  void webUrlServesTheWebUi() throws Exception {
    try (LocalFaktory faktory = LocalFaktory.start()) {
      HttpResponse<String> stats = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(faktory.webUrl().resolve("/stats")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(stats.statusCode()).isEqualTo(200);
      assertThat(stats.body()).contains("\"faktory\"");
    }
  }

  @Test
  void severalServersRunInParallel() throws Exception {
    List<CompletableFuture<LocalFaktory>> starting = List.of(
        CompletableFuture.supplyAsync(LocalFaktory::start), CompletableFuture.supplyAsync(LocalFaktory::start),
        CompletableFuture.supplyAsync(LocalFaktory::start));
    List<LocalFaktory> servers = starting.stream().map(CompletableFuture::join).toList();
    try {
      assertThat(servers).extracting(LocalFaktory::port).doesNotHaveDuplicates();
      for (LocalFaktory faktory : servers) {
        SmokeScenario.pushThenFetch(faktory.url(), null, null);
      }
    } finally {
      servers.forEach(LocalFaktory::close);
    }
  }

  @Test
  void closeLeavesNoProcessAndNoDirectory() {
    LocalFaktory faktory = LocalFaktory.start();
    ServerProcesses processes = ServerProcesses.of(faktory.port());
    assertThat(processes.redisServers()).as("redis-server children of faktory").isNotEmpty();

    faktory.close();

    assertThat(processes.faktory().isAlive()).as("faktory alive").isFalse();
    assertThat(processes.redisServers()).noneMatch(ProcessHandle::isAlive);
    assertThat(ServerProcesses.mentioning(processes.home())).as("processes mentioning the home").isEmpty();
    assertThat(Files.exists(processes.home())).as("home exists").isFalse();
  }

  @Test
  void failedStartCarriesTheServerLogAndCleansUp() {
    FaktoryFeature.TLS.assumeIn(RealTargets.version());
    LocalFaktory.Builder broken = LocalFaktory.builder().tls("not a certificate", "not a key");

    String message = catchThrowableOfType(IllegalStateException.class, broken::start).getMessage();

    assertThat(message)
        .contains("faktory did not start: it exited with code 0")
        .contains("Unable to boot the command server")
        .contains("--- redis.log ---");
    Matcher storage = Pattern.compile("Initializing redis storage at (/tmp/fk\\w+)/db").matcher(message);
    assertThat(storage.find()).as("storage line in " + message).isTrue();
    Path home = Path.of(storage.group(1));
    assertThat(ServerProcesses.mentioning(home)).as("processes mentioning the home").isEmpty();
    assertThat(Files.exists(home)).as("home exists").isFalse();
  }
}
