package dev.vocero.activities.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.vocero.activities.telephony.TwilioHttp;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.credits.CreditAccount;
import dev.vocero.store.credits.CreditDao;
import dev.vocero.credits.CreditLedger;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.store.credits.LedgerEntry;
import dev.vocero.credits.MessageCredits;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.MessageRow;
import dev.vocero.store.messaging.WaveDao;
import dev.vocero.workflows.messaging.MessageActivities.Outcome;
import dev.vocero.workflows.messaging.MessageActivities.SendFailure;
import dev.vocero.workflows.messaging.MessageActivities.SendRequest;
import dev.vocero.workflows.messaging.MessageActivities.SendResult;
import dev.vocero.workflows.messaging.MessagingIds;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.UUID;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages on the credits, on real PostgreSQL with Twilio's Messages API on WireMock: held once per message however
 * often the send is retried, charged on the provider's segments at the final status, released when nothing was sent.
 */
class MessageCreditsTest {
  private static final String SID = "AC0123456789abcdef0123456789abcdef";
  private static final String TOKEN = "twilio-test-auth-token-0123456789";
  private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
  /** 3 credits per SMS segment, 2 per WhatsApp message, 5 per WhatsApp template. */
  private static final CreditPrices PRICES = new CreditPrices(1, 3, 2, 5, 2);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static Jdbi jdbi;
  static CreditLedger ledger;
  static MessageCredits credits;
  MessageActivitiesImpl activities;
  final UUID org = UUID.randomUUID();
  final UUID batch = UUID.randomUUID();
  final UUID wave = UUID.randomUUID();
  List<Long> contacts;

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
    ledger = new CreditLedger(jdbi);
    credits = new MessageCredits(jdbi, PRICES);
  }

  @BeforeEach
  void orgWithTwoContacts() {
    HttpClientBuilder http = HttpClientBuilder.create()
        .setRoutePlanner((target, context) -> new HttpRoute(new HttpHost("http", "localhost", wm.getPort())));
    activities = new MessageActivitiesImpl(jdbi, new TwilioMessaging(TwilioHttp.restClient(SID, TOKEN, http)),
        new MessagingSettings("+14155550199", "+14155550198", "https://vocero.example.com"), new ObjectMapper(), PRICES);
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org " + org));
    // round-the-clock windows: the person's gate (CUSTOM baseline, no message limit) never holds these sends
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(batch, org, "B",
        "{\"jurisdiction\":\"CUSTOM\",\"customWindows\":[\"MON-SUN 00:00-23:59\"]}", "x.csv", "csv", 2, 2, 0, null));
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, batch, List.of(
        new ContactDao.NewContact(2, "Ana", List.of("+573001234560"), null, null, "America/Bogota", null, null, "{}"),
        new ContactDao.NewContact(3, "Luis", List.of("+573001234561"), null, null, "America/Bogota", null, null,
            "{}"))));
    contacts = jdbi.withExtension(ContactDao.class, dao -> dao.idsAfter(org, batch, 0, 2));
    wm.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(json(200, """
        {"messages": [], "end": 0, "first_page_uri": "%s?PageSize=20&Page=0", "next_page_uri": null, "page": 0,
         "page_size": 20, "previous_page_uri": null, "start": 0, "uri": "%s?PageSize=20&Page=0"}
        """.formatted(MESSAGES, MESSAGES))));
  }

  private void smsWave(String body) {
    jdbi.useExtension(WaveDao.class, dao -> dao.insert(wave, org, "W", "sms", body, null, null, batch, null, 60, null));
  }

  private SendResult send(long contact) {
    return activities.send(new SendRequest(org, wave, contact));
  }

  @Test
  void givenAnEnforcedOrg_whenASendIsRetriedAfterAnOutage_itShouldHoldOnceAndChargeTheProvidersSegmentsOnce() {
    ledger.setEnforced(org, true);
    ledger.topup(org, 10, null, null, "pack");
    smsWave("Hola {{name}}, le escribimos por su saldo."); // GSM-7, one segment: 3 credits held
    long ana = contacts.get(0);
    wm.stubFor(post(urlEqualTo(MESSAGES)).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"))
        .willSetStateTo("up"));
    wm.stubFor(post(urlEqualTo(MESSAGES)).inScenario("outage").whenScenarioStateIs("up")
        .willReturn(json(201, created("SM" + "a1".repeat(16), "2"))));

    assertThrows(ApplicationFailure.class, () -> send(ana), "a 503 is retried by Temporal");
    assertEquals(3, account().reserved());
    assertEquals(Outcome.SENT, send(ana).outcome());
    assertEquals(Outcome.SENT, send(ana).outcome(), "a retry after the provider took it");

    assertEquals(2, wm.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size());
    assertEquals(List.of("reserve"), kinds(ana), "held once for three sends");
    assertEquals(3, account().reserved());
    MessageRow message = message(ana);
    assertEquals(2, message.segments(), "Twilio's num_segments replaced our count");

    providerStatus(message, "sent");
    assertEquals(3, account().reserved(), "sent is not final: nothing charged yet");
    providerStatus(message, "delivered");
    providerStatus(message, "delivered");
    providerStatus(message, "read");

    assertEquals(List.of("reserve", "settle"), kinds(ana));
    CreditAccount account = account();
    assertEquals(10 - 2 * 3, account.balance(), "2 segments × 3 credits, charged once");
    assertEquals(0, account.reserved());
  }

  @Test
  void givenARefusalAProviderFailureAndExhaustedRetries_itShouldReleaseEachHoldAndChargeNothing() {
    ledger.setEnforced(org, true);
    ledger.topup(org, 10, null, null, "pack");
    smsWave("Hola {{name}}");
    long ana = contacts.get(0);
    long luis = contacts.get(1);
    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(400, "{\"code\": 21211, \"message\":"
        + " \"Invalid 'To' Phone Number\", \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}")));

    ApplicationFailure refused = assertThrows(ApplicationFailure.class, () -> send(ana));
    assertEquals("MESSAGE_REJECTED", refused.getType());
    assertEquals(List.of("reserve", "release"), kinds(ana));
    activities.recordFailure(new SendFailure(org, wave, ana, "MESSAGE_REJECTED"));
    assertEquals(List.of("reserve", "release"), kinds(ana), "released once");

    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(201, created("SM" + "b2".repeat(16), "1"))));
    send(luis);
    MessageRow taken = message(luis);
    providerStatus(taken, "failed"); // Twilio could not hand it to a carrier and does not bill it
    providerStatus(taken, "failed");
    assertEquals(List.of("reserve", "release"), kinds(luis));

    CreditAccount account = account();
    assertEquals(10, account.balance());
    assertEquals(0, account.reserved());
  }

  @Test
  void givenAnUndeliveredMessage_whenTheCarrierRefusedIt_itShouldStillBeCharged() {
    ledger.setEnforced(org, true);
    ledger.topup(org, 10, null, null, "pack");
    smsWave("Hola {{name}}");
    long ana = contacts.get(0);
    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(201, created("SM" + "c3".repeat(16), "1"))));
    send(ana);

    providerStatus(message(ana), "undelivered");

    assertEquals(10 - 3, account().balance(), "Twilio bills a message the carrier could not deliver");
    assertEquals(0, account().reserved());
  }

  @Test
  void givenTooLittleCredit_whenSending_itShouldNotSendKeepTheMessagePendingAndSendItAfterATopUp() {
    ledger.setEnforced(org, true);
    ledger.topup(org, 4, null, null, "pack");
    smsWave("Hola {{name}}");
    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(201, created("SM" + "d4".repeat(16), "1"))));
    long ana = contacts.get(0);
    long luis = contacts.get(1);

    assertEquals(Outcome.SENT, send(ana).outcome());
    assertEquals(new SendResult(Outcome.NO_CREDIT, MessagingIds.outboundMessageId(wave, luis), "no_credit"),
        send(luis), "1 credit left, 3 needed");
    assertEquals("pending", message(luis).state());
    assertEquals(0, message(luis).sendAttempts());
    assertEquals(List.of(), kinds(luis));
    assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size(), "nothing sent for Luis");

    UUID otherWave = UUID.randomUUID();
    jdbi.useExtension(WaveDao.class, dao -> dao.insert(otherWave, org, "X", "sms", "Hola", null, null, batch, null, 60,
        null));
    assertEquals(Outcome.NO_CREDIT, activities.send(new SendRequest(org, otherWave, ana)).outcome());
    activities.recordFailure(new SendFailure(org, otherWave, ana, "WaveCancelled"));
    MessageRow cancelled = jdbi.withExtension(MessageDao.class, dao -> dao.findById(
        MessagingIds.outboundMessageId(otherWave, ana))).orElseThrow();
    assertEquals("cancelled", cancelled.state(), "a wave cancelled while out of credit leaves no pending message");
    assertEquals("wave_cancelled", cancelled.errorCode());

    ledger.topup(org, 10, null, null, "more");
    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(201, created("SM" + "d5".repeat(16), "1"))));
    assertEquals(Outcome.SENT, send(luis).outcome());
    assertEquals(List.of("reserve"), kinds(luis));
    assertEquals(6, account().reserved());
  }

  @Test
  void givenAnOrgNotEnforced_whenSendingAndSettling_itShouldWriteNoLedgerLines() {
    smsWave("Hola {{name}}");
    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(201, created("SM" + "e5".repeat(16), "1"))));
    long ana = contacts.get(0);

    assertEquals(Outcome.SENT, send(ana).outcome());
    providerStatus(message(ana), "delivered");

    long lines = jdbi.withExtension(CreditDao.class, dao -> dao.count(org));
    assertEquals(0, lines);
    assertEquals(0, account().balance());
  }

  @Test
  void givenAWhatsappTemplateAndAnUcs2Sms_whenHeld_itShouldUseTheTemplatePriceAndTheUcs2Segments() {
    ledger.setEnforced(org, true);
    ledger.topup(org, 100, null, null, "pack");
    jdbi.useExtension(WaveDao.class, dao -> dao.insert(wave, org, "W", "whatsapp", null, "HX" + "ab".repeat(16),
        "{\"1\":\"{{name}}\"}", batch, null, 60, null));
    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(201, created("SM" + "f6".repeat(16), "1"))));
    send(contacts.get(0));
    assertEquals(5, held(contacts.get(0)), "a WhatsApp template: 5 credits");

    UUID smsWave = UUID.randomUUID();
    jdbi.useExtension(WaveDao.class, dao -> dao.insert(smsWave, org, "S", "sms", "á".repeat(71), null, null, batch,
        null, 60, null));
    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(json(201, created("SM" + "a7".repeat(16), "0"))));
    activities.send(new SendRequest(org, smsWave, contacts.get(1)));
    UUID id = MessagingIds.outboundMessageId(smsWave, contacts.get(1));
    assertEquals(2 * 3, jdbi.withExtension(CreditDao.class, dao -> dao.find(org, "reserve", id.toString()))
        .orElseThrow().amount(), "71 UCS-2 characters: 2 segments × 3 credits");
    assertEquals(2, jdbi.withExtension(MessageDao.class, dao -> dao.findById(id)).orElseThrow().segments(),
        "num_segments 0 (a Messaging Service) keeps our count");
  }

  private void providerStatus(MessageRow message, String status) {
    jdbi.useTransaction(handle -> credits.onProviderStatus(handle, message, status));
  }

  private MessageRow message(long contact) {
    return jdbi.withExtension(MessageDao.class, dao -> dao.findById(MessagingIds.outboundMessageId(wave, contact)))
        .orElseThrow();
  }

  private long held(long contact) {
    return jdbi.withExtension(CreditDao.class, dao -> dao.find(org, "reserve",
        MessagingIds.outboundMessageId(wave, contact).toString())).orElseThrow().amount();
  }

  private List<String> kinds(long contact) {
    String reference = MessagingIds.outboundMessageId(wave, contact).toString();
    List<LedgerEntry> newestFirst = jdbi.withExtension(CreditDao.class, dao -> dao.page(org, 100, 0));
    return newestFirst.stream().filter(e -> reference.equals(e.reference())).sorted(
        java.util.Comparator.comparingLong(LedgerEntry::id)).map(LedgerEntry::kind).toList();
  }

  private CreditAccount account() {
    return ledger.account(org).orElseThrow();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static String created(String sid, String segments) {
    return """
        {"account_sid": "%s", "api_version": "2010-04-01", "body": "Hola", "date_created": "Sun, 22 Nov 2026 03:00:00 +0000",
         "date_sent": null, "date_updated": "Sun, 22 Nov 2026 03:00:00 +0000", "direction": "outbound-api",
         "error_code": null, "error_message": null, "from": "+14155550199", "messaging_service_sid": null,
         "num_media": "0", "num_segments": "%s", "price": null, "price_unit": "USD", "sid": "%s", "status": "queued",
         "subresource_uris": {"media": "/2010-04-01/Accounts/%s/Messages/%s/Media.json"}, "to": "+573001234560",
         "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}
        """.formatted(SID, segments, sid, SID, sid, SID, sid);
  }
}
