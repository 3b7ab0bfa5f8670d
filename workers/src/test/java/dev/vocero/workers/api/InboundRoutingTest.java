package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An inbound message goes to the organization that owns the number it was sent to, not to everyone who wrote. */
@ExtendWith(DropwizardExtensionsSupport.class)
class InboundRoutingTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9");
  static final String TOKEN = "sandbox-auth-token";
  static final String PERSON = "+573001234599";
  static final String OWN_NUMBER = "+15005550100";
  static final String SHARED_NUMBER = "+15005550006";

  @Test
  void givenTwoOrganizationsThatWroteToOnePerson_whenTheyAnswer_itShouldReachOnlyTheOwnerOfTheNumber() throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session cobranzas = api.registerAndLogin("Cobranzas con número");
    Session ventas = api.registerAndLogin("Ventas sin número");
    UUID cobranzasOrg = api.organizationId(cobranzas);
    UUID ventasOrg = api.organizationId(ventas);
    wroteTo(cobranzasOrg);
    wroteTo(ventasOrg);
    String ops = api.platformOperator().accessToken();

    assertEquals(201, api.send("PUT", "/api/v1/platform/organizations/" + cobranzasOrg + "/numbers/" + OWN_NUMBER, ops,
        null).status());
    assertEquals(200, api.send("PUT", "/api/v1/platform/organizations/" + cobranzasOrg + "/numbers/" + OWN_NUMBER, ops,
        null).status(), "already its own");
    assertEquals("number_taken", api.send("PUT", "/api/v1/platform/organizations/" + ventasOrg + "/numbers/" + OWN_NUMBER,
        ops, null).code());
    assertEquals("invalid_number", api.send("PUT", "/api/v1/platform/organizations/" + ventasOrg + "/numbers/3001234",
        ops, null).code());
    assertEquals("platform_operator_only", api.send("PUT", "/api/v1/platform/organizations/" + ventasOrg + "/numbers/"
        + "+15005550101", ventas.accessToken(), null).code());

    assertEquals(200, inbound("SM" + "1".repeat(32), OWN_NUMBER, "¿Cuánto debo?"));
    assertEquals(1, inboundCount(cobranzasOrg));
    assertEquals(0, inboundCount(ventasOrg), "the other organization used to get a copy");

    assertEquals(200, inbound("SM" + "2".repeat(32), SHARED_NUMBER, "Me interesa"));
    assertEquals(1, inboundCount(ventasOrg), "the shared number's conversations are the number-less organizations'");
    assertEquals(1, inboundCount(cobranzasOrg), "an organization with its own numbers sees only theirs");

    assertEquals(200, inbound("SM" + "3".repeat(32), OWN_NUMBER, "BAJA"));
    int dnc = DB.jdbi().withHandle(h -> h.createQuery("select count(*) from dnc_numbers where org_id = :org")
        .bind("org", ventasOrg).mapTo(Integer.class).one());
    assertEquals(0, dnc, "an opt-out to one organization's number does not block the others");
  }

  private static void wroteTo(UUID orgId) {
    DB.jdbi().useHandle(h -> h.createUpdate("insert into messages (id, org_id, phone_e164, channel, direction, body, state)"
        + " values (:id, :org, :phone, 'sms', 'outbound', 'Hola', 'delivered')")
        .bind("id", UUID.randomUUID()).bind("org", orgId).bind("phone", PERSON).execute());
  }

  private static int inboundCount(UUID orgId) {
    return DB.jdbi().withHandle(h -> h.createQuery("select count(*) from messages where org_id = :org"
        + " and direction = 'inbound'").bind("org", orgId).mapTo(Integer.class).one());
  }

  private static int inbound(String sid, String to, String body) {
    return new ApiClient(APP.getLocalPort()).twilioCallback("/webhooks/twilio/messaging/inbound", new LinkedHashMap<>(
        Map.of("MessageSid", sid, "AccountSid", "AC" + "5a4d".repeat(8), "From", PERSON, "To", to, "Body", body,
            "NumMedia", "0")), TOKEN).status();
  }
}
