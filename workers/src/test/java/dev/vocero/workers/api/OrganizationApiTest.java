package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class OrganizationApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static ApiClient api;

  @BeforeAll
  static void client() {
    api = new ApiClient(APP.getLocalPort());
  }

  private Session user(Session admin, String role) {
    String email = role + "-" + UUID.randomUUID() + "@example.com";
    assertEquals(201, api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "User", "role", role)).status());
    return api.login(email, "long enough pw");
  }

  @Test
  void givenAnAdmin_whenTurningRedactionOn_itShouldBeStoredAndSeenByEveryRoleOfThatOrganizationOnly() {
    Session admin = api.registerAndLogin("Cobranzas Sur");
    Session viewer = user(admin, "viewer");
    Session other = api.registerAndLogin("Otra");

    Reply initial = api.get("/api/v1/organization", viewer.accessToken());
    assertEquals(200, initial.status());
    assertFalse(initial.body().get("piiRedaction").asBoolean(), "off by default");

    Reply on = api.send("PATCH", "/api/v1/organization", admin.accessToken(),
        Map.of("piiRedaction", true, "piiPhoneRegion", "cl"));
    assertEquals(200, on.status(), on.body().toString());
    assertTrue(on.body().get("piiRedaction").asBoolean());
    assertEquals("CL", on.body().get("piiPhoneRegion").asText());
    assertEquals("Cobranzas Sur", on.body().get("name").asText());

    assertTrue(api.get("/api/v1/organization", viewer.accessToken()).body().get("piiRedaction").asBoolean());
    assertFalse(api.get("/api/v1/organization", other.accessToken()).body().get("piiRedaction").asBoolean());

    Reply regionOnly = api.send("PATCH", "/api/v1/organization", admin.accessToken(), Map.of("piiPhoneRegion", "MX"));
    assertTrue(regionOnly.body().get("piiRedaction").asBoolean(), "fields left out keep their value");
    Map<String, Object> off = new HashMap<>();
    off.put("piiRedaction", false);
    off.put("piiPhoneRegion", "");
    Reply cleared = api.send("PATCH", "/api/v1/organization", admin.accessToken(), off);
    assertFalse(cleared.body().get("piiRedaction").asBoolean());
    assertTrue(cleared.body().get("piiPhoneRegion").isNull());
  }

  @Test
  void givenAnOperatorOrABadRegion_itShouldRefuseAndChangeNothing() {
    Session admin = api.registerAndLogin("Org");
    Session operator = user(admin, "operator");

    Reply forbidden = api.send("PATCH", "/api/v1/organization", operator.accessToken(), Map.of("piiRedaction", true));
    Reply badRegion = api.send("PATCH", "/api/v1/organization", admin.accessToken(),
        Map.of("piiRedaction", true, "piiPhoneRegion", "Chile"));
    Reply noBody = api.send("PATCH", "/api/v1/organization", admin.accessToken(), null);

    assertEquals(403, forbidden.status());
    assertEquals(422, badRegion.status());
    assertEquals("invalid_region", badRegion.code());
    assertTrue(badRegion.body().get("message").asText().contains("ISO 3166"));
    assertEquals(400, noBody.status(), noBody.body().toString());
    assertEquals("missing_body", noBody.code());
    assertFalse(api.get("/api/v1/organization", admin.accessToken()).body().get("piiRedaction").asBoolean());
  }
}
