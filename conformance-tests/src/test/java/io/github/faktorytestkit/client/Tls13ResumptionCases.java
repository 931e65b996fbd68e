package io.github.faktorytestkit.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hellos of the scripted client ({@link Tls13Client}) at the edges of Go's {@code checkForResumption}
 * ({@code handshake_server_tls13.go}): a ticket among more identities than the five Go looks at, a hello without
 * {@code signature_algorithms}, binders wrong in one hello of two around a HelloRetryRequest, other PSK modes, a
 * {@code pre_shared_key} extension that is not last or whose binders do not match its identities, an empty
 * identity, another suite's hash, early data, any ticket age, and tickets of the other TLS version. Each case is one
 * connection, after a full handshake that gets the server's tickets (one of each version).
 */
final class Tls13ResumptionCases {
  private static final String SERVER_NAME = TlsHellos.extension(0, "000c0000096c6f63616c686f7374");
  private static final String PSK_DHE = TlsHellos.extension(45, "0101");
  private static final String PSK_ONLY = TlsHellos.extension(45, "0100");
  private static final String BOTH_MODES = TlsHellos.extension(45, "020001");
  private static final String EARLY_DATA = TlsHellos.extension(42, "");
  private static final int BINDER_LENGTH = 32;
  private static final int APPLICATION_DATA = 23;
  private static final int HANDSHAKE = 22;
  private static final String OUR_SUITE = "1301";
  private static final String AES_256_SUITE = "1302";
  private static final String CHACHA20_SUITE = "1303";

  private static final String SESSION_ID_AND_SUITE = "..20" + "11".repeat(32) + "130100";
  private static final String THEN_HI = " then +HI";
  private static final String TICKET = " NewSessionTicket(lifetime 604800, nonce 0, ticket 105, extensions 0)";
  private static final String FULL_WITHOUT_A_TICKET = "ServerHello(43 51) EncryptedExtensions(0) Certificate"
      + " CertificateVerify Finished 020000760303" + SESSION_ID_AND_SUITE + "002e002b0002030400330024001d0020.."
      + THEN_HI;
  private static final String FULL = FULL_WITHOUT_A_TICKET.replace(THEN_HI, TICKET + THEN_HI);
  /** Each case's outcome ({@link #outcomes}) on Go 1.26's server, as real Faktory 1.9.4 gives it. */
  static final Map<String, String> GO = goOutcomes();

  private Tls13ResumptionCases() {}

  /** Which hellos of a case bind the ticket right; in the others its binder is as wrong as the other identities'. */
  private enum Binding {
    BOTH, NONE, SECOND_ONLY, FIRST_ONLY;

    /** Whether the hello binds the ticket right; {@code firstOfTwo} for a first hello, before a retry. */
    boolean right(boolean firstOfTwo) {
      return switch (this) {
        case BOTH -> true;
        case NONE -> false;
        case SECOND_ONLY -> !firstOfTwo;
        case FIRST_ONLY -> firstOfTwo;
      };
    }
  }

  /**
   * A case's hello: its suite, whether it has {@code signature_algorithms}, its extensions before the
   * {@code pre_shared_key} one (none when no identity), its identities (hex) and binders, the identity whose binder
   * is the ticket's ({@code bound}, -1 for none) and in which hellos, extensions after it, and whether a first hello
   * without a key share comes before it (answered with a HelloRetryRequest).
   */
  private record Offer(String suite, boolean signatures, String extensions, List<String> identities, int binders,
      int binderLength, int bound, Binding binding, String after, boolean retry) {
    /** A hello of psk_dhe_ke and a server name offering {@code identities}, the ticket's bound at {@code bound}. */
    static Offer of(int bound, String... identities) {
      return new Offer(OUR_SUITE, true, SERVER_NAME + PSK_DHE, List.of(identities), identities.length, BINDER_LENGTH,
          bound, Binding.BOTH, "", false);
    }

    Offer suite(String only) {
      return new Offer(only, signatures, extensions, identities, binders, binderLength, bound, binding, after, retry);
    }

    Offer withoutSignatures() {
      return new Offer(suite, false, extensions, identities, binders, binderLength, bound, binding, after, retry);
    }

    Offer extensions(String before) {
      return new Offer(suite, signatures, before, identities, binders, binderLength, bound, binding, after, retry);
    }

    Offer binders(int count) {
      return new Offer(suite, signatures, extensions, identities, count, binderLength, bound, binding, after, retry);
    }

    /** The wrong binders of {@code length} bytes. */
    Offer wrongBindersOf(int length) {
      return new Offer(suite, signatures, extensions, identities, binders, length, bound, binding, after, retry);
    }

    Offer binding(Binding right) {
      return new Offer(suite, signatures, extensions, identities, binders, binderLength, bound, right, after, retry);
    }

    Offer after(String last) {
      return new Offer(suite, signatures, extensions, identities, binders, binderLength, bound, binding, last, retry);
    }

    Offer afterARetry() {
      return new Offer(suite, signatures, extensions, identities, binders, binderLength, bound, binding, after, true);
    }
  }

  /** A session's outcome ({@link #outcomes}' form) and the ticket the server sent in it, null for none. */
  private record Session(String outcome, Tls13Client.Ticket ticket) {}

  /**
   * Each case's outcome on the server at {@code url}, by name: for a handshake, the server's messages after the
   * client's last hello ({@link Tls13Resumption#messages}: its server hello in hex, which says whether it resumes and
   * which identity it selects), the tickets it sends after the client's Finished and the first word of its first
   * line; else the server's first record in hex (its alert), or the server hello's suite when it is not ours.
   */
  static Map<String, String> outcomes(URI url) throws IOException {
    Session full = session(url, Offer.of(-1), null);
    Tls13Client.Ticket ticket = full.ticket();
    Map<String, String> outcomes = new LinkedHashMap<>();
    outcomes.put("no ticket", full.outcome());
    byte[] tls12Ticket = Tls12ResumedClient.session(url, Tls12Suite.AES_128_GCM).ticket();
    for (Map.Entry<String, Offer> each : offers(ticket, tls12Ticket).entrySet()) {
      outcomes.put(each.getKey(), session(url, each.getValue(), ticket).outcome());
    }
    outcomes.put("its ticket in a TLS 1.2 hello", tls12Resumption(url, ticket));
    return outcomes;
  }

  /** The cases' hellos, by name, of a server's TLS 1.3 {@code ticket} and a TLS 1.2 ticket of it. */
  private static Map<String, Offer> offers(Tls13Client.Ticket ticket, byte[] tls12Ticket) {
    String valid = identity(ticket.label(), ticket.ageAdd());
    String other = identity("other ticket".getBytes(StandardCharsets.US_ASCII), 0);
    Map<String, Offer> offers = new LinkedHashMap<>();
    offers.put("its ticket", Offer.of(0, valid));
    offers.put("its ticket 5th of 6", Offer.of(4, other, other, other, other, valid, other));
    offers.put("its ticket 6th", Offer.of(5, other, other, other, other, other, valid));
    offers.put("its ticket without signature_algorithms", Offer.of(0, valid).withoutSignatures());
    offers.put("its ticket 6th without signature_algorithms", Offer.of(5, other, other, other, other, other, valid)
        .withoutSignatures());
    offers.put("its ticket after a retry, its first binder wrong", Offer.of(0, valid).afterARetry()
        .binding(Binding.SECOND_ONLY));
    offers.put("its ticket after a retry, its second binder wrong", Offer.of(0, valid).afterARetry()
        .binding(Binding.FIRST_ONLY));
    offers.put("its ticket, binder wrong", Offer.of(0, valid).binding(Binding.NONE));
    offers.put("its ticket twice, the first's binder wrong", Offer.of(1, valid, valid));
    offers.put("its ticket after another of a wrong binder", Offer.of(1, other, valid));
    offers.put("its ticket, psk_ke only", Offer.of(0, valid).extensions(SERVER_NAME + PSK_ONLY));
    offers.put("its ticket, psk_ke and psk_dhe_ke", Offer.of(0, valid).extensions(SERVER_NAME + BOTH_MODES));
    offers.put("its ticket, no psk_key_exchange_modes", Offer.of(0, valid).extensions(SERVER_NAME));
    offers.put("its ticket, pre_shared_key not last", Offer.of(0, valid).extensions(SERVER_NAME).after(PSK_DHE));
    offers.put("its ticket, two binders", Offer.of(0, valid).binders(2));
    offers.put("its ticket after an empty identity", Offer.of(1, "000000000000", valid));
    offers.put("its ticket, AES-256 (SHA-384) only", Offer.of(0, valid).suite(AES_256_SUITE));
    offers.put("its ticket, ChaCha20 (SHA-256) only", Offer.of(0, valid).suite(CHACHA20_SUITE));
    offers.put("its ticket, empty psk_key_exchange_modes", Offer.of(0, valid)
        .extensions(SERVER_NAME + TlsHellos.extension(45, "00")));
    offers.put("its ticket, a binder of 31 bytes", Offer.of(0, valid).binding(Binding.NONE).wrongBindersOf(31));
    offers.put("its ticket, a binder of 48 bytes", Offer.of(0, valid).binding(Binding.NONE).wrongBindersOf(48));
    offers.put("its ticket, an empty binder", Offer.of(0, valid).binding(Binding.NONE).wrongBindersOf(0));
    offers.put("its ticket after another of a binder of 1 byte", Offer.of(1, other, valid).wrongBindersOf(1));
    offers.put("its ticket after a retry, its first binder of 1 byte", Offer.of(0, valid).afterARetry()
        .binding(Binding.SECOND_ONLY).wrongBindersOf(1));
    offers.put("its ticket with early_data", Offer.of(0, valid).extensions(SERVER_NAME + PSK_DHE + EARLY_DATA));
    offers.put("its ticket of age 0", Offer.of(0, identity(ticket.label(), 0)));
    offers.put("its ticket of age ffffffff", Offer.of(0, identity(ticket.label(), -1)));
    offers.put("a TLS 1.2 ticket", Offer.of(0, identity(tls12Ticket, 0)));
    return offers;
  }

  private static Map<String, String> goOutcomes() {
    Map<String, String> go = new LinkedHashMap<>();
    go.put("no ticket", FULL);
    go.put("its ticket", resumed(0));
    go.put("its ticket 5th of 6", resumed(4));
    go.put("its ticket 6th", FULL); // maxClientPSKIdentities
    go.put("its ticket without signature_algorithms", resumed(0));
    go.put("its ticket 6th without signature_algorithms", refused("1503030002026d")); // missing_extension
    go.put("its ticket after a retry, its first binder wrong", resumed(0));
    go.put("its ticket after a retry, its second binder wrong", refused("15030300020233")); // decrypt_error
    go.put("its ticket, binder wrong", refused("15030300020233"));
    go.put("its ticket twice, the first's binder wrong", refused("15030300020233"));
    go.put("its ticket after another of a wrong binder", resumed(1));
    go.put("its ticket, psk_ke only", FULL_WITHOUT_A_TICKET);
    go.put("its ticket, psk_ke and psk_dhe_ke", resumed(0));
    go.put("its ticket, no psk_key_exchange_modes", FULL_WITHOUT_A_TICKET);
    go.put("its ticket, pre_shared_key not last", refused("15030100020232")); // decode_error
    go.put("its ticket, two binders", refused("1503030002022f")); // illegal_parameter
    go.put("its ticket after an empty identity", refused("15030100020232"));
    go.put("its ticket, AES-256 (SHA-384) only", otherSuite("1302, without"));
    go.put("its ticket, ChaCha20 (SHA-256) only", otherSuite("1303, with"));
    go.put("its ticket, empty psk_key_exchange_modes", FULL_WITHOUT_A_TICKET);
    go.put("its ticket, a binder of 31 bytes", refused("15030300020233"));
    go.put("its ticket, a binder of 48 bytes", refused("15030300020233"));
    go.put("its ticket, an empty binder", refused("15030100020232"));
    go.put("its ticket after another of a binder of 1 byte", resumed(1));
    go.put("its ticket after a retry, its first binder of 1 byte", resumed(0));
    go.put("its ticket with early_data", refused("1503030002026e")); // unsupported_extension
    go.put("its ticket of age 0", resumed(0));
    go.put("its ticket of age ffffffff", resumed(0));
    go.put("a TLS 1.2 ticket", FULL);
    go.put("its ticket in a TLS 1.2 hello", "TLS 1.2 client: the session was not resumed: ServerHello Certificate"
        + " ServerKeyExchange ServerHelloDone");
    return go;
  }

  /** A resumption selecting identity {@code identity}, its server hello in hex but for its random and share. */
  private static String resumed(int identity) {
    return "ServerHello(43 51 41) EncryptedExtensions() Finished 0200007c0303" + SESSION_ID_AND_SUITE
        + "0034002b0002030400330024001d0020..00290002" + String.format("%04x", identity) + TICKET + THEN_HI;
  }

  /** A server hello of another suite than the client's ({@code "1302, without"}), with or without a PSK. */
  private static String otherSuite(String suiteAndPsk) {
    return "TLS 1.3 client: a server hello of suite " + suiteAndPsk + " pre_shared_key";
  }

  /** The server's first record, an alert, before any server hello. */
  private static String refused(String alert) {
    return "TLS 1.3 client: no server hello: " + alert;
  }

  /** A session of a hello of {@code offer}, whose bound identity is {@code ticket}'s. */
  private static Session session(URI url, Offer offer, Tls13Client.Ticket ticket) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      Tls13Client.Hello hello = (publicKey, before) -> hello(offer, ticket, publicKey, before);
      Tls13Client.Flight flight;
      try {
        flight = offer.retry() ? Tls13Client.handshakeAfterARetry(in, out, hello, ticket)
            : Tls13Client.handshake(in, out, hello, ticket);
      } catch (IOException refused) {
        return new Session(refused.getMessage(), null);
      }
      out.write(flight.finished());
      return afterTheFinished(in, flight);
    }
  }

  /** The tickets the server sends once the client's Finished is in, and the first word of its first line. */
  private static Session afterTheFinished(InputStream in, Tls13Client.Flight flight) throws IOException {
    List<String> tickets = new ArrayList<>();
    Tls13Client.Ticket sent = null;
    while (true) {
      byte[] opened = flight.server().open(Tls13Client.readRecord(in));
      byte[] content = Arrays.copyOfRange(opened, 1, opened.length);
      if (opened[0] != HANDSHAKE) {
        String line = opened[0] == APPLICATION_DATA ? new String(content, StandardCharsets.US_ASCII)
            : "type " + opened[0];
        tickets.add(0, Tls13Resumption.messages(flight.transcript()));
        return new Session(String.join(" ", tickets) + " then " + line.split(" ")[0], sent);
      }
      tickets.add(Tls13Resumption.describe(content));
      sent = Tls13Resumption.ticket(content, flight.resumptionSecret());
    }
  }

  /** What a TLS 1.2 hello presenting a TLS 1.3 {@code ticket} gets: "resumed", or the server's full flight. */
  private static String tls12Resumption(URI url, Tls13Client.Ticket ticket) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      Tls12ResumedClient.resume(socket.getInputStream(), socket.getOutputStream(),
          new Tls12ResumedClient.Session(Tls12Suite.AES_128_GCM, ticket.label(), new byte[48]));
      return "resumed";
    } catch (IOException notResumed) {
      return notResumed.getMessage();
    }
  }

  /** The hello of {@code offer}, of key share {@code publicKey} (none if null), after the messages {@code before}. */
  private static byte[] hello(Offer offer, Tls13Client.Ticket ticket, byte[] publicKey, byte[] before) {
    String share = TlsHellos.extension(51,
        publicKey == null ? "0000" : "0024001d0020" + HexFormat.of().formatHex(publicKey));
    boolean right = offer.bound() >= 0 && offer.binding().right(publicKey == null);
    String binders = binders(offer, right);
    String identities = String.join("", offer.identities());
    String psk = identities.isEmpty() ? "" : TlsHellos.extension(41, u16(identities) + identities
        + u16(binders) + binders);
    byte[] hello = HexFormat.of().parseHex(TlsHellos.helloWithSessionId("0303", "11".repeat(32), offer.suite(), "00",
        TlsHellos.extension(10, "0002001d"), offer.signatures() ? TlsHellos.ECDSA_P256 : "",
        TlsHellos.extension(43, "020304"), share, offer.extensions(), psk, offer.after()));
    if (right) {
      int bindersAt = hello.length - offer.after().length() / 2 - binders.length() / 2 - 2;
      byte[] binder = Tls13Client.binder(ticket, before, Arrays.copyOf(hello, bindersAt));
      System.arraycopy(binder, 0, hello, bindersAt + 2 + offer.bound() * (1 + offer.binderLength()) + 1,
          binder.length);
    }
    return hello;
  }

  /** The binders of {@code offer} (hex), all wrong but for a place for the ticket's if {@code right}. */
  private static String binders(Offer offer, boolean right) {
    String wrong = String.format("%02x", offer.binderLength()) + "5b".repeat(offer.binderLength());
    StringBuilder binders = new StringBuilder();
    for (int i = 0; i < offer.binders(); i++) {
      binders.append(right && i == offer.bound() ? "20" + "00".repeat(BINDER_LENGTH) : wrong);
    }
    return binders.toString();
  }

  /** A PSK identity (hex): {@code label} and its obfuscated age. */
  private static String identity(byte[] label, int obfuscatedAge) {
    return String.format("%04x", label.length) + HexFormat.of().formatHex(label) + String.format("%08x", obfuscatedAge);
  }

  private static String u16(String hex) {
    return String.format("%04x", hex.length() / 2);
  }
}
