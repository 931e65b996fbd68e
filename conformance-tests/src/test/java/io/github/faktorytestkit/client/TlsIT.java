package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.TlsProbes.GO_ACCEPTED_HELLO_SHAPES;
import static io.github.faktorytestkit.client.TlsProbes.GO_KEY_EXCHANGES;
import static io.github.faktorytestkit.client.TlsProbes.GO_SUITE_CHOICES;
import static io.github.faktorytestkit.client.TlsProbes.MALFORMED_FIRST_RECORDS;
import static io.github.faktorytestkit.client.TlsProbes.acceptedHelloShapes;
import static io.github.faktorytestkit.client.TlsProbes.expected;
import static io.github.faktorytestkit.client.TlsProbes.firstAnswer;
import static io.github.faktorytestkit.client.TlsProbes.firstRecord;
import static io.github.faktorytestkit.client.TlsProbes.helloAnswers;
import static io.github.faktorytestkit.client.TlsProbes.keyExchanges;
import static io.github.faktorytestkit.client.TlsProbes.malformedFirstRecordAnswers;
import static io.github.faktorytestkit.client.TlsProbes.suitesChosen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.conformance.FaktoryFeature;
import io.github.faktorytestkit.conformance.TargetKind;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.real.FaktoryContainer;
import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.real.LoopbackCertificate;
import io.github.faktorytestkit.real.NeedsStandaloneJar;
import io.github.faktorytestkit.real.RealTargets;
import io.github.faktorytestkit.real.StandaloneFakeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS (with a password) on the fake, a local Faktory process and a container, using a throwaway certificate for
 * 127.0.0.1; each server is started once for the class. The class's fake runs on its clock, so that no TLS handshake
 * of a busy machine runs into its 2 s handshake deadline; the plain-text client waits for that deadline on a fake of
 * its own on real time, as on real Faktory.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsIT {
  private static final String PASSWORD = "tls-pw";
  /** Real Faktory closes a connection that has not said HELLO this long after connecting; so does the fake. */
  private static final Duration HANDSHAKE_DEADLINE = Duration.ofSeconds(2);
  /** How long a client is given to see a close the fake's clock caused, before the clock is moved again. */
  private static final Duration CLIENT_REACTION = Duration.ofMillis(50);
  private static final int MAX_DEADLINE_MOVES = 200;
  private static final LoopbackCertificate CERTIFICATE = LoopbackCertificate.generate();
  private static final KeyExchangeProbe KEY_EXCHANGE = new KeyExchangeProbe(CERTIFICATE.certificatePem());
  private static final Map<TargetKind, TlsServer> SERVERS = new EnumMap<>(TargetKind.class);
  private static final long MUTATION_SEED = 11;
  private static final int MUTATIONS = 150;
  private static final int FLIGHT_MUTATIONS = 200;
  /** Flights changed at random per suite beyond the default ones. */
  private static final int SUITE_MUTATIONS = 50;
  /** The TLS 1.2 suites Go enables by default for an ECDSA key, but AES-128-GCM, which the tests of 200 cover. */
  private static final List<Tls12Suite> OTHER_TLS12_SUITES = List.of(Tls12Suite.AES_256_GCM,
      Tls12Suite.CHACHA20_POLY1305, Tls12Suite.AES_128_CBC_SHA, Tls12Suite.AES_256_CBC_SHA);
  /** The TLS 1.3 suites Go enables by default, but AES-128-GCM, which the tests of 200 cover. */
  private static final List<Tls13Client.Suite> OTHER_TLS13_SUITES = List.of(Tls13Client.Suite.AES_256_GCM_SHA384,
      Tls13Client.Suite.CHACHA20_POLY1305_SHA256);
  private static final String HANDSHAKE_GOES_ON = TlsRetries.HANDSHAKE_GOES_ON;

  /** The kinds {@code -Dfaktory.targets} allows, each named by its display name. */
  static Stream<Named<TargetKind>> kinds() {
    return Stream.of(TargetKind.FAKE, TargetKind.LOCAL, TargetKind.CONTAINER).filter(TargetKind.allowed()::contains)
        .map(kind -> Named.of(kind.displayName(), kind));
  }

  /** The real kinds {@code -Dfaktory.targets} allows, each named by its display name. */
  static Stream<Named<TargetKind>> realKinds() {
    return kinds().filter(kind -> kind.getPayload() != TargetKind.FAKE);
  }

  @AfterAll
  static void stopServers() {
    SERVERS.values().forEach(TlsServer::close);
    SERVERS.clear();
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void trustedServerTakesJobsOverTls(TargetKind kind) {
    URI url = server(kind).url();
    assertThat(url.getScheme()).isEqualTo("tcp+tls");
    SSLContext trusting = CERTIFICATE.clientContext();
    try (FaktoryClient client = FaktoryClient.builder().url(url).sslContext(trusting).connect()) {
      client.flush();
      Job job = Job.of("T", "over tls");
      client.push(job);
      assertThat(client.fetch("default")).map(Job::jid).contains(job.jid());
    }
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void untrustedCertificateIsAConnectionFailure(TargetKind kind) {
    String url = server(kind).url().toString();
    assertThatThrownBy(() -> FaktoryClient.connect(url))
        .isExactlyInstanceOf(FaktoryConnectionException.class)
        .hasMessageStartingWith("TLS handshake failed: ")
        .hasCauseInstanceOf(SSLException.class);
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void plainTextClientIsClosedDuringTheHandshake(TargetKind kind) {
    if (kind != TargetKind.FAKE) {
      assertPlainTextClientClosed(server(kind).url());
      return;
    }
    try (FakeFaktory fake = TlsServer.fake().start()) {
      CompletableFuture<Void> connecting = CompletableFuture.runAsync(() -> assertPlainTextClientClosed(fake.url()));
      advanceUntilDone(fake, connecting);
    }
  }

  /**
   * Moves the fake's clock on by the handshake deadline until {@code waiting} is done (the connection's deadline
   * starts when the fake accepts it, which the client cannot see: a move before that leaves it pending), then
   * returns its outcome.
   */
  private static void advanceUntilDone(FakeFaktory fake, CompletableFuture<Void> waiting) {
    for (int moves = 0; !waiting.isDone(); moves++) {
      assertThat(moves).as("clock moves by %s before the client saw the close", HANDSHAKE_DEADLINE)
          .isLessThan(MAX_DEADLINE_MOVES);
      fake.advance(HANDSHAKE_DEADLINE);
      try {
        waiting.get(CLIENT_REACTION.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        // the fake had not accepted the connection before the move: move again
      } catch (InterruptedException | ExecutionException ended) {
        break;
      }
    }
    waiting.join();
  }

  private static void assertPlainTextClientClosed(URI url) {
    String plainUrl = "tcp://:" + PASSWORD + "@" + url.getHost() + ":" + url.getPort();
    assertThatThrownBy(() -> FaktoryClient.connect(plainUrl))
        .isExactlyInstanceOf(FaktoryHandshakeException.class)
        .hasMessageContaining("expected: tcp+tls:// for it");
  }

  /** Go's TLS server closes a first record that is not TLS at once, with no alert: not one byte comes back. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void plainTextLineIsClosedWithoutAByte(TargetKind kind) throws IOException {
    URI url = server(kind).url();
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("HELLO {\"v\":2}\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  /**
   * Go's TLS server answers a malformed first record with its own alert (record version TLS 1.0, fatal) and closes,
   * or closes without a byte; each server gets the same bytes on a connection of its own.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void malformedFirstRecordsGetGosAlertThenTheClose(TargetKind kind) throws IOException {
    assertThat(malformedFirstRecordAnswers(server(kind).url())).containsExactlyEntriesOf(MALFORMED_FIRST_RECORDS);
  }

  /**
   * A client hello Go refuses gets Go's alert (record version TLS 1.0 before the version is chosen, TLS 1.2 after)
   * and the close; each server gets the same bytes on a connection of its own.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void refusedClientHellosGetGosAlertThenTheClose(TargetKind kind) throws IOException {
    Map<String, TlsHellos.Case> hellos = TlsHellos.refused();
    assertThat(helloAnswers(server(kind).url(), hellos)).containsExactlyEntriesOf(expected(hellos, TlsHellos.Case::reply));
  }

  /**
   * The standalone jar takes a client hello of 40 KB, as Go does (up to 64 KiB), as a fake inside a test's JVM does
   * ({@link #unusualHellosGoOnAsOnGo}).
   */
  @Test
  @NeedsStandaloneJar
  void standaloneJarTakesAHelloOf40Kb(@TempDir Path config) throws IOException {
    FaktoryFeature.TLS.assumeIn(RealTargets.version());
    Files.writeString(config.resolve("public.cert.pem"), CERTIFICATE.certificatePem());
    Files.writeString(config.resolve("private.key.pem"), CERTIFICATE.privateKeyPem());
    Path jar = Path.of(System.getProperty("faktory.fake.jar", "../fake-server/target/faktory-fake-server.jar"));
    try (StandaloneFakeProcess fake = StandaloneFakeProcess.start(jar, List.of("-c", config.toString()))) {
      assertThat(firstAnswer(fake.url(), HexFormat.of().parseHex(TlsHellos.helloOf40Kb())))
          .isEqualTo(HANDSHAKE_GOES_ON);
    }
  }

  /** Unusual hellos Go goes on with ({@link TlsHellos#goneOnWith}) get a handshake record from each server. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void unusualHellosGoOnAsOnGo(TargetKind kind) throws IOException {
    URI url = server(kind).url();
    Map<String, String> answers = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (Map.Entry<String, String> hello : TlsHellos.goneOnWith().entrySet()) {
      answers.put(hello.getKey(), firstAnswer(url, HexFormat.of().parseHex(hello.getValue())));
      expected.put(hello.getKey(), HANDSHAKE_GOES_ON);
    }
    assertThat(answers).containsExactlyEntriesOf(expected);
  }

  /** A hello Go answers with a HelloRetryRequest and a change_cipher_spec record gets the same bytes from each. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void helloRetryRequestIsGos(TargetKind kind) throws IOException {
    URI url = server(kind).url();
    TlsHellos.Case hello = TlsHellos.retried();
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(HexFormat.of().parseHex(hello.sent()));
      byte[] answer = socket.getInputStream().readNBytes(hello.reply().length() / 2);
      assertThat(HexFormat.of().formatHex(answer)).isEqualTo(hello.reply());
    }
  }

  /**
   * Hellos made from ones Go goes on with by changing a byte or two ({@link TlsHellos#mutated}; the same ones on every
   * run) get from the fake the first answer real Faktory gives: the same alert, the same silent close, or a handshake
   * record.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("realKinds")
  void mutatedHellosGetTheAnswerRealFaktoryGives(TargetKind kind) throws IOException {
    Random random = new Random(MUTATION_SEED);
    List<String> mutated = new ArrayList<>();
    for (String hello : TlsHellos.accepted()) {
      for (int i = 0; i < MUTATIONS; i++) {
        mutated.add(TlsHellos.mutated(hello, random));
      }
    }
    assertFakeAnswersAsReal(kind, mutated);
  }

  /**
   * A first message of a type other than client hello that Go parses gets Go's {@code decode_error} where Go's parser
   * of its type refuses it, else {@code unexpected_message} ({@link TlsFirstMessages}).
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void firstMessagesOfOtherTypesGetGosAlert(TargetKind kind) throws IOException {
    Map<String, TlsHellos.Case> messages = TlsFirstMessages.all();
    assertThat(helloAnswers(server(kind).url(), messages))
        .containsExactlyEntriesOf(expected(messages, TlsHellos.Case::reply));
  }

  /**
   * First messages of the types of {@link TlsFirstMessages} with a byte or two changed at random (the same ones on
   * every run) get from the fake the answer real Faktory gives.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("realKinds")
  void mutatedFirstMessagesGetTheAnswerRealFaktoryGives(TargetKind kind) throws IOException {
    assertFakeAnswersAsReal(kind, TlsFirstMessages.mutated(new Random(MUTATION_SEED)));
  }

  /** Asserts that each of {@code sent} (hex) gets the same {@link #firstAnswer} from the fake and from {@code kind}. */
  private static void assertFakeAnswersAsReal(TargetKind kind, List<String> sent) throws IOException {
    assertFakeAnswersAsReal(kind, sent, (url, bytes) -> firstAnswer(url, HexFormat.of().parseHex(bytes)));
  }

  /**
   * Asserts that each of {@code sent} (named by its {@code toString}) gets the same {@code answer} from the fake and
   * from {@code kind}.
   */
  private static <T> void assertFakeAnswersAsReal(TargetKind kind, List<T> sent, Answer<T> answer)
      throws IOException {
    URI fake = server(TargetKind.FAKE).url();
    URI real = server(kind).url();
    Map<String, String> fakeAnswers = new LinkedHashMap<>();
    Map<String, String> realAnswers = new LinkedHashMap<>();
    for (T each : sent) {
      fakeAnswers.put(each.toString(), answer.of(fake, each));
      realAnswers.put(each.toString(), answer.of(real, each));
    }
    assertThat(fakeAnswers).containsExactlyEntriesOf(realAnswers);
  }

  /** What each of {@code cases} gets from the server at {@code url}, by its name. */
  private static <T> Map<String, String> answers(URI url, Map<String, T> cases, Answer<T> answer) throws IOException {
    Map<String, String> answers = new LinkedHashMap<>();
    for (Map.Entry<String, T> each : cases.entrySet()) {
      answers.put(each.getKey(), answer.of(url, each.getValue()));
    }
    return answers;
  }

  /** What a server answers to what a test sends it. */
  @FunctionalInterface
  private interface Answer<T> {
    String of(URI url, T sent) throws IOException;
  }

  /**
   * Go's server picks by its own order (AES-128 first, or ChaCha20 first when the first suite of the client's that Go
   * knows is not AES-GCM) and leaves out suites it knows but does not enable.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void cipherSuiteIsChosenAsGoChoosesIt(TargetKind kind) throws IOException {
    assertThat(suitesChosen(CERTIFICATE.clientContext(), server(kind).url()))
        .containsExactlyEntriesOf(GO_SUITE_CHOICES);
  }

  /**
   * Go's server (Go 1.26's defaults) enables the ML-KEM hybrids, X25519 and the NIST curves, no other group; it takes
   * a hybrid the client lists first, then a group the client sent a share for, then its own order, asking for a share
   * it lacks with a HelloRetryRequest. The client here (BouncyCastle's) offers the groups named over TLS 1.3, with a
   * key share for the first, and secp256r1 for the certificate's signature.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void keyExchangeIsChosenAsGoChoosesIt(TargetKind kind) throws IOException {
    assertThat(keyExchanges(KEY_EXCHANGE, server(kind).url(), GO_KEY_EXCHANGES.keySet()))
        .containsExactlyEntriesOf(GO_KEY_EXCHANGES);
  }

  /**
   * The server hello of each accepted hello ({@link TlsHellos#accepted}: TLS 1.3, TLS 1.2 offering a session ticket):
   * the same session id and extensions, in the same order, from both.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void serverHelloIsGos(TargetKind kind) throws IOException {
    assertThat(acceptedHelloShapes(server(kind).url())).containsExactlyElementsOf(GO_ACCEPTED_HELLO_SHAPES);
  }

  /** Go's server acknowledges a client's server name in its TLS 1.2 server hello, as the fake does. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void serverNameIsAcknowledged(TargetKind kind) throws IOException {
    byte[] answer = firstRecord(server(kind).url(), TlsHellos.tls12WithServerName());
    assertThat(ServerHello.shape(answer)).isEqualTo("session id 0, extensions 0");
  }

  /** Go's server ignores a client's max_fragment_length, as the fake does: its TLS 1.2 server hello has no answer. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void maxFragmentLengthIsIgnored(TargetKind kind) throws IOException {
    byte[] answer = firstRecord(server(kind).url(), TlsHellos.tls12WithMaxFragmentLength());
    assertThat(ServerHello.shape(answer)).isEqualTo("session id 0, extensions ");
  }

  /**
   * A client hello with an inner encrypted_client_hello extension and no outer one around it: Go's server takes it as
   * the inner hello of an ECH it accepted and confirms that (RFC 9849, 7.2) in the random of its TLS 1.3 server hello
   * and in an encrypted_client_hello extension (65037) of its HelloRetryRequest, as the fake does.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void innerEncryptedClientHelloIsConfirmed(TargetKind kind) throws IOException {
    URI url = server(kind).url();
    String hello = TlsHellos.tls13("1301", "00", TlsHellos.INNER_ECH);
    boolean confirmed = EchAcceptance.confirmed(HexFormat.of().parseHex(hello),
        firstRecord(url, TlsHellos.record(hello)));
    String retry = ServerHello.shape(firstRecord(url, TlsHellos.retriedWith(TlsHellos.INNER_ECH)));
    assertThat(List.of(String.valueOf(confirmed), retry)).containsExactly("true",
        "session id 0, extensions 43 51 65037");
  }

  /**
   * The same inner ECH hello, first without a key share: the server hello after the HelloRetryRequest (and the hello
   * with a share) confirms ECH over the transcript that starts with the first hello's hash, on both.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void innerEncryptedClientHelloIsConfirmedAfterARetry(TargetKind kind) throws IOException {
    URI url = server(kind).url();
    String first = TlsHellos.retriedWith(TlsHellos.INNER_ECH);
    String second = TlsHellos.tls13("1301", "00", TlsHellos.INNER_ECH);
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(HexFormat.of().parseHex(first));
      InputStream in = socket.getInputStream();
      byte[] retry = firstRecord(in);
      firstRecord(in); // change_cipher_spec
      socket.getOutputStream().write(HexFormat.of().parseHex(tls12Record(second)));
      byte[] firstHello = Arrays.copyOfRange(HexFormat.of().parseHex(first), 5, first.length() / 2);
      assertThat(EchAcceptance.confirmedAfterRetry(firstHello, retry, HexFormat.of().parseHex(second),
          firstRecord(in))).isTrue();
    }
  }

  /**
   * What a client sends after a HelloRetryRequest, its second hello as Go wants it or changed, or records and messages
   * of other kinds ({@link TlsRetries}), gets Go's answer from each.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void whatComesAfterAHelloRetryRequestGetsGosAnswer(TargetKind kind) throws IOException {
    URI url = server(kind).url();
    Map<String, String> answers = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (Map.Entry<String, TlsRetries.Retry> retry : TlsRetries.all().entrySet()) {
      answers.put(retry.getKey(), answerAfterTheRetry(url, retry.getValue().first(), retry.getValue().sent()));
      expected.put(retry.getKey(), retry.getValue().reply());
    }
    assertThat(answers).containsExactlyEntriesOf(expected);
  }

  /**
   * Second hellos with a byte or two changed at random ({@link TlsRetries#mutated}; the same ones on every run) get
   * from the fake the answer real Faktory gives.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("realKinds")
  void mutatedSecondHellosGetTheAnswerRealFaktoryGives(TargetKind kind) throws IOException {
    assertFakeAnswersAsReal(kind, TlsRetries.mutated(new Random(MUTATION_SEED)),
        (url, second) -> answerAfterTheRetry(url, TlsRetries.first(), second));
  }

  /**
   * What a TLS 1.2 client sends after the server's flight ({@link Tls12Client}), its flight as it is or changed, with
   * records and messages of other kinds ({@link Tls12FlightCases#all}), gets Go's answer from each.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void whatComesAfterTheTls12FlightGetsGosAnswer(TargetKind kind) throws IOException {
    Map<String, Tls12FlightCases.Case> cases = Tls12FlightCases.all();
    assertThat(answers(server(kind).url(), cases, (url, flight) -> Tls12Flights.answer(url, flight.change())))
        .containsExactlyEntriesOf(expected(cases, Tls12FlightCases.Case::reply));
  }

  /**
   * A record the client seals as of a content type other than alert, handshake and application data, after its
   * change_cipher_spec: it is opened (its type authenticated with it) and answered with {@code unexpected_message},
   * on both, as Go answers a record of that type then.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void tls12RecordSealedAsOfAnotherTypeIsRefusedAsUnexpected(TargetKind kind) throws IOException {
    assertThat(Tls12Flights.answer(server(kind).url(), Tls12FlightCases.sealedOfAnotherType()))
        .isEqualTo("1503030002020a");
  }

  /**
   * The same over TLS 1.3: a record the client seals with a header of another type than application data, its header
   * authenticated with it, is opened and answered with {@code unexpected_message}, sealed, on both.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void tls13RecordSealedWithAnotherHeaderIsRefusedAsUnexpected(TargetKind kind) throws IOException {
    assertThat(Tls13Flights.answer(server(kind).url(), Tls13Flights.sealedAsHandshake())).isEqualTo("alert 10");
  }

  /**
   * What a TLS 1.3 client sends after the server's flight ({@link Tls13Client}), its flight as it is or changed, with
   * records of other kinds and sealed messages in place of its Finished ({@link Tls13Flights#all}), gets Go's answer
   * from each.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void whatComesAfterTheTls13FlightGetsGosAnswer(TargetKind kind) throws IOException {
    Map<String, Tls13Flights.Case> cases = Tls13Flights.all();
    assertThat(answers(server(kind).url(), cases, (url, flight) -> Tls13Flights.answer(url, flight.change())))
        .containsExactlyEntriesOf(expected(cases, Tls13Flights.Case::reply));
  }

  /**
   * TLS 1.3 flights of the client's ({@link Tls13Client}) with a byte or two changed, cut short or a record in the
   * clear first ({@link Tls13Flights#mutated}; the same ones on every run) get from the fake the answer real Faktory
   * gives.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("realKinds")
  void mutatedTls13FlightsGetTheAnswerRealFaktoryGives(TargetKind kind) throws IOException {
    assertFakeAnswersAsReal(kind, Tls13Flights.mutated(new Random(MUTATION_SEED), FLIGHT_MUTATIONS,
        Tls13Client.Suite.AES_128_GCM_SHA256), Tls13Flights::answer);
  }

  /**
   * TLS 1.2 flights of the client's ({@link Tls12Client}) with a byte or two changed, cut short or their records in
   * another order ({@link Tls12Flights#mutated}; the same ones on every run) get from the fake the answer real
   * Faktory gives.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("realKinds")
  void mutatedTls12FlightsGetTheAnswerRealFaktoryGives(TargetKind kind) throws IOException {
    assertFakeAnswersAsReal(kind, Tls12Flights.mutated(new Random(MUTATION_SEED), FLIGHT_MUTATIONS),
        Tls12Flights::answer);
  }

  /**
   * What a TLS 1.2 client sends after the server's flight of a resumption by ticket ({@link Tls12ResumedClient}: its
   * change_cipher_spec and Finished), as it is or changed, with records of other kinds and sealed records in place of
   * its Finished ({@link Tls12ResumedFlights#all}), gets Go's answer from each, its alerts sealed.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void whatComesAfterTheTls12ResumptionsFlightGetsGosAnswer(TargetKind kind) throws IOException {
    Map<String, Tls12ResumedFlights.Case> cases = Tls12ResumedFlights.all();
    assertThat(answers(server(kind).url(), cases, (url, flight) -> Tls12ResumedFlights.answer(url, flight.change())))
        .containsExactlyEntriesOf(expected(cases, Tls12ResumedFlights.Case::reply));
  }

  /**
   * TLS 1.2 resumptions' flights of the client's ({@link Tls12ResumedClient}) with a byte or two changed, cut short, a
   * record in the clear first or their records the other way round ({@link Tls12ResumedFlights#mutated}; the same
   * ones on every run) get from the fake the answer real Faktory gives.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("realKinds")
  void mutatedTls12ResumptionFlightsGetTheAnswerRealFaktoryGives(TargetKind kind) throws IOException {
    assertFakeAnswersAsReal(kind, Tls12ResumedFlights.mutated(new Random(MUTATION_SEED), FLIGHT_MUTATIONS),
        Tls12ResumedFlights::answer);
  }

  /**
   * The same of a client offering ECDHE_ECDSA_WITH_AES_128_CBC_SHA alone, whose records Go opens its own way; its
   * flight as it is goes on, on both.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("realKinds")
  void mutatedTls12CbcFlightsGetTheAnswerRealFaktoryGives(TargetKind kind) throws IOException {
    Tls12Suite cbc = Tls12Suite.AES_128_CBC_SHA;
    FlightChanges.Change<Tls12Client.Flight> asItIs =
        new FlightChanges.Change<>("as it is", Tls12Client.Flight::records);
    assertThat(List.of(Tls12Flights.answer(server(TargetKind.FAKE).url(), asItIs, cbc),
        Tls12Flights.answer(server(kind).url(), asItIs, cbc))).containsOnly(Tls12Flights.GOES_ON);
    assertFakeAnswersAsReal(kind, Tls12Flights.mutated(new Random(MUTATION_SEED), FLIGHT_MUTATIONS, cbc),
        (url, change) -> Tls12Flights.answer(url, change, cbc));
  }

  /**
   * A TLS 1.2 client of each other suite Go enables by default ({@link #OTHER_TLS12_SUITES}) sending its flight as it
   * is or changed where the suite seals it ({@link Tls12FlightCases#sealedBySuite}: a wrong Finished, sealed records
   * of other types, a record too short, a tag changed, ...) gets Go's answer from each.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void sealedTls12FlightsOfEachSuiteGetGosAnswer(TargetKind kind) throws IOException {
    assertEachSuiteGetsGosAnswer(kind, OTHER_TLS12_SUITES, Tls12FlightCases.sealedBySuite(),
        Tls12FlightCases.Case::reply, (url, sent, suite) -> Tls12Flights.answer(url, sent.change(), suite));
  }

  /** The same of TLS 1.3's other suites, AES-256-GCM with SHA-384 and ChaCha20-Poly1305 ({@link Tls13Flights}). */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void sealedTls13FlightsOfEachSuiteGetGosAnswer(TargetKind kind) throws IOException {
    assertEachSuiteGetsGosAnswer(kind, OTHER_TLS13_SUITES, Tls13Flights.sealedBySuite(), Tls13Flights.Case::reply,
        (url, sent, suite) -> Tls13Flights.answer(url, sent.change(), suite));
  }

  /** The same of a TLS 1.2 resumption of each other suite ({@link Tls12ResumedFlights#sealedBySuite}). */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void sealedTls12ResumptionFlightsOfEachSuiteGetGosAnswer(TargetKind kind) throws IOException {
    assertEachSuiteGetsGosAnswer(kind, OTHER_TLS12_SUITES, Tls12ResumedFlights.sealedBySuite(),
        Tls12ResumedFlights.Case::reply, (url, sent, suite) -> Tls12ResumedFlights.answer(url, sent.change(), suite));
  }

  /**
   * {@link #SUITE_MUTATIONS} flights changed at random ({@link FlightChanges}, seeded) of each suite Go enables by
   * default that the tests of 200 above leave out, full TLS 1.2 and 1.3 handshakes and TLS 1.2 resumptions, get from
   * the fake the answer real Faktory gives.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("realKinds")
  void mutatedFlightsOfEachSuiteGetTheAnswerRealFaktoryGives(TargetKind kind) throws IOException {
    List<SuiteChange<?>> changes = new ArrayList<>();
    for (Tls12Suite suite : OTHER_TLS12_SUITES) {
      if (suite != Tls12Suite.AES_128_CBC_SHA) {
        Tls12Flights.mutated(new Random(MUTATION_SEED), SUITE_MUTATIONS, suite).forEach(change -> changes.add(
            new SuiteChange<>("TLS 1.2 " + suite, change, url -> Tls12Flights.answer(url, change, suite))));
      }
      Tls12ResumedFlights.mutated(new Random(MUTATION_SEED), SUITE_MUTATIONS, suite).forEach(change -> changes.add(
          new SuiteChange<>("TLS 1.2 resumed " + suite, change,
              url -> Tls12ResumedFlights.answer(url, change, suite))));
    }
    for (Tls13Client.Suite suite : OTHER_TLS13_SUITES) {
      Tls13Flights.mutated(new Random(MUTATION_SEED), SUITE_MUTATIONS, suite).forEach(change -> changes.add(
          new SuiteChange<>("TLS 1.3 " + suite, change, url -> Tls13Flights.answer(url, change, suite))));
    }
    assertFakeAnswersAsReal(kind, changes, (url, change) -> change.answer().of(url));
  }

  /** A change of a flight of a suite, by the suite's name and its own, and how a server's answer to it is read. */
  private record SuiteChange<F>(String suite, FlightChanges.Change<F> change, UrlAnswer answer) {
    @Override
    public String toString() {
      return suite + ": " + change;
    }
  }

  /** What the server at a URL answers. */
  @FunctionalInterface
  private interface UrlAnswer {
    String of(URI url) throws IOException;
  }

  /** What a server answers to a case sent by a client of a suite. */
  @FunctionalInterface
  private interface SuiteAnswer<S, C> {
    String of(URI url, C sent, S suite) throws IOException;
  }

  /** Asserts that each of {@code cases}, sent by a client of each of {@code suites}, gets {@code reply} of it. */
  private static <S, C> void assertEachSuiteGetsGosAnswer(TargetKind kind, List<S> suites, Map<String, C> cases,
      Function<C, String> reply, SuiteAnswer<S, C> answer) throws IOException {
    URI url = server(kind).url();
    Map<String, String> actual = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (S suite : suites) {
      for (Map.Entry<String, C> each : cases.entrySet()) {
        actual.put(suite + ": " + each.getKey(), answer.of(url, each.getValue(), suite));
        expected.put(suite + ": " + each.getKey(), reply.apply(each.getValue()));
      }
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  /** Sends {@code first}, reads the HelloRetryRequest and change_cipher_spec records, sends {@code sent}: the answer. */
  private static String answerAfterTheRetry(URI url, String first, String sent) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(HexFormat.of().parseHex(first));
      InputStream in = socket.getInputStream();
      firstRecord(in);
      firstRecord(in);
      socket.getOutputStream().write(HexFormat.of().parseHex(sent));
      return firstAnswer(in);
    }
  }

  /**
   * After the first hello, a record must claim TLS 1.2's version (TLS 1.3's claim it too): the second hello after a
   * HelloRetryRequest in a record of TLS 1.0 gets a protocol_version alert, on both; in a record of TLS 1.2 the
   * handshake goes on.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void recordsAfterTheFirstHelloMustClaimTls12(TargetKind kind) throws IOException {
    URI url = server(kind).url();
    String second = TlsHellos.tls13("1301", "00");
    List<String> answers = new ArrayList<>();
    for (String record : List.of(TlsHellos.record(second), tls12Record(second))) {
      try (Socket socket = new Socket(url.getHost(), url.getPort())) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(HexFormat.of().parseHex(TlsHellos.retried().sent()));
        InputStream in = socket.getInputStream();
        firstRecord(in); // the HelloRetryRequest
        firstRecord(in); // change_cipher_spec
        socket.getOutputStream().write(HexFormat.of().parseHex(record));
        answers.add(HexFormat.of().formatHex(firstRecord(in)).substring(0, 14));
      }
    }
    assertThat(answers).containsExactly("15030300020246", "160303005a0200");
  }

  private static String tls12Record(String message) {
    return "160303" + String.format("%04x", message.length() / 2) + message;
  }

  /** Over TLS 1.3 the server sends a session ticket after the handshake and resumes the session with it. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void tls13SessionIsResumedByItsTicket(TargetKind kind) throws IOException {
    URI url = server(kind).url();
    SSLContext client = CERTIFICATE.clientContext(); // one context: one session cache
    List<Boolean> resumed = List.of(resumes(client, url), resumes(client, url));
    assertThat(resumed).containsExactly(false, true);
  }

  /**
   * Over TLS 1.3 a client offering psk_dhe_ke gets Go's ticket after the server's Finished (lifetime 7 days, an empty
   * nonce, Go's sealed session state of 105 bytes), before its own Finished; a hello presenting it resumes the
   * session (pre_shared_key selects it, no certificate, no server name acknowledged), which then carries the session
   * and sends a new ticket, also in a second hello after a HelloRetryRequest; a changed ticket gets a full handshake,
   * a wrong binder Go's decrypt_error. The same from both.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void tls13SessionIsResumedAsGoResumesIt(TargetKind kind) throws IOException {
    String ticket = " NewSessionTicket(lifetime 604800, nonce 0, ticket 105, extensions 0) then +HI";
    String sessionIdAndSuite = "..20" + "11".repeat(32) + "130100";
    String full = "ServerHello(43 51) EncryptedExtensions(0) Certificate CertificateVerify Finished 020000760303"
        + sessionIdAndSuite + "002e002b0002030400330024001d0020.." + ticket;
    String resumed = "ServerHello(43 51 41) EncryptedExtensions() Finished 0200007c0303" + sessionIdAndSuite
        + "0034002b0002030400330024001d0020..002900020000" + ticket;
    assertThat(Tls13Resumption.sessions(server(kind).url())).containsExactly(full, resumed, resumed, resumed, full,
        "15030300020233");
  }

  /**
   * Hellos at the edges of Go's checkForResumption ({@link Tls13ResumptionCases}) resume, get a full handshake or
   * Go's alert as Go 1.26's server gives them, on both.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void tls13TicketsAtTheEdgesAreTakenAsGoTakesThem(TargetKind kind) throws IOException {
    assertThat(Tls13ResumptionCases.outcomes(server(kind).url())).containsExactlyEntriesOf(Tls13ResumptionCases.GO);
  }

  /**
   * Over TLS 1.2 a client offering the session_ticket extension gets a ticket (lifetime hint 0) after its full
   * handshake, and a hello presenting it resumes that session: the server hello echoes the client's session id, a
   * new ticket follows it, then the change of cipher spec, with no certificate; a ticket the server did not issue
   * gets a full handshake (and no ticket before the client's Finished). The same from both, the resumption's server
   * hello byte for byte but for its random, and the ticket's length (Go's sealed session state).
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void tls12SessionIsResumedByItsTicket(TargetKind kind) throws IOException {
    assertThat(Tls12Resumption.flights(CERTIFICATE.clientContext(), server(kind).url())).containsExactly(
        "session id 0, extensions 35 65281 23 11: ServerHello Certificate ServerKeyExchange ServerHelloDone"
            + " NewSessionTicket(lifetime 0) ChangeCipherSpec",
        "session id 32, extensions 35 65281 23 11: ServerHello NewSessionTicket(lifetime 0) ChangeCipherSpec",
        "session id 0, extensions 35 65281 23 11: ServerHello Certificate ServerKeyExchange ServerHelloDone",
        "0200005b0303..20" + "5a".repeat(32) + "c02b00001300230000ff0100010000170000000b00020100",
        "ticket of 123 bytes");
  }

  /**
   * A ticket of a session with the extended master secret, presented without the extension: the handshake ends
   * without a byte (Go's checkForResumption fails with an error that is no alert), on both.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void tls12TicketWithoutItsExtendedMasterSecretIsClosedWithoutAByte(TargetKind kind) throws IOException {
    assertThat(Tls12Resumption.withoutExtendedMasterSecret(CERTIFICATE.clientContext(), server(kind).url()))
        .isEqualTo("closed");
  }

  /** Returns whether a TLS 1.3 session of {@code client} with the server at {@code url} resumed a cached one. */
  private static boolean resumes(SSLContext client, URI url) throws IOException {
    return ServerHello.resumes(TappedSocket.handshake(client, url, "TLSv1.3"));
  }

  /**
   * A client's close_notify right after a line is the end of its input, as a TCP half-close is: the line is answered
   * (HELLO with a wrong password: Go's error), then the server closes with its own close_notify, on both, also when
   * the line and the close_notify come in one read.
   */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("kinds")
  void closeNotifyAfterALineGetsItsReplyThenTheClose(TargetKind kind) throws IOException {
    URI url = server(kind).url();
    try (HeldSocket held = new HeldSocket(url.getHost(), url.getPort());
        SSLSocket socket = (SSLSocket) CERTIFICATE.clientContext().getSocketFactory()
            .createSocket(held, url.getHost(), url.getPort(), true)) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {"TLSv1.3"});
      InputStream in = socket.getInputStream();
      String hi = readLine(in);
      held.hold(); // the line's record and the close_notify in one read of the server's
      socket.getOutputStream().write("HELLO {\"v\":2,\"pwdhash\":\"0\"}\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.shutdownOutput();
      held.release();
      String rest = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(List.of(hi.substring(0, 3), rest)).containsExactly("+HI", "-ERR Invalid password\r\n");
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString();
  }

  private static synchronized TlsServer server(TargetKind kind) {
    FaktoryFeature.TLS.assumeIn(RealTargets.version());
    return SERVERS.computeIfAbsent(kind, TlsServer::start);
  }

  /** A running TLS server of one kind. */
  record TlsServer(URI url, AutoCloseable running) {
    static TlsServer start(TargetKind kind) {
      return start(kind, CERTIFICATE.certificatePem(), CERTIFICATE.privateKeyPem());
    }

    /** Starts a server of {@code kind} with the class's password, serving the pair {@code cert} and {@code key}. */
    static TlsServer start(TargetKind kind, String cert, String key) {
      if (kind == TargetKind.FAKE) {
        FakeFaktory fake = FakeFaktory.builder().password(PASSWORD).tls(cert, key).start();
        return new TlsServer(fake.url(), fake);
      }
      if (kind == TargetKind.LOCAL) {
        RealTargets.requireLocalFaktory();
        LocalFaktory local = LocalFaktory.builder().password(PASSWORD).tls(cert, key).start();
        return new TlsServer(local.url(), local);
      }
      FaktoryContainer container = RealTargets.start(new FaktoryContainer(FaktoryContainer.configuredImage())
          .withHostNetwork().withPassword(PASSWORD).withTls(cert, key));
      return new TlsServer(container.getFaktoryUrl(), container);
    }

    /** Returns the settings of a fake serving TLS with the class's password and certificate. */
    static FakeFaktory.Builder fake() {
      return FakeFaktory.builder().password(PASSWORD).tls(CERTIFICATE.certificatePem(), CERTIFICATE.privateKeyPem());
    }

    void close() {
      try {
        running.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the TLS server at " + url, e);
      }
    }
  }
}
