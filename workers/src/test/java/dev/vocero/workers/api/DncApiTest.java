package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class DncApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");

  @Test
  void givenNumbersInAnyFormat_itShouldStoreThemNormalizedAndPerOrganization() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session a = api.registerAndLogin("A");
    Session b = api.registerAndLogin("B");

    assertEquals(201, api.post("/api/v1/dnc", a.accessToken(), Map.of("phone", "300 123 4567", "region", "CO")).status());
    assertEquals(200, api.post("/api/v1/dnc", a.accessToken(), Map.of("phone", "+57 300-123-4567")).status());
    Reply invalid = api.post("/api/v1/dnc", a.accessToken(), Map.of("phone", "12"));
    assertEquals(422, invalid.status());
    assertEquals("invalid_phone", invalid.code());

    Reply bulk = api.post("/api/v1/dnc/import", a.accessToken(),
        Map.of("phones", List.of("+34 612 345 678", "+1 415 555 0100", "not a number", "+573001234567"), "reason", "lista"));
    assertEquals(200, bulk.status());
    assertEquals(2, bulk.body().get("added").asInt());
    assertEquals(1, bulk.body().get("alreadyListed").asInt());
    assertEquals(1, bulk.body().get("invalid").size());

    Reply list = api.get("/api/v1/dnc", a.accessToken());
    assertEquals(3, list.body().get("total").asInt());
    assertEquals(0, api.get("/api/v1/dnc", b.accessToken()).body().get("total").asInt());
    assertEquals(404, api.send("DELETE", "/api/v1/dnc/+573001234567", b.accessToken(), null).status());
    assertEquals(204, api.send("DELETE", "/api/v1/dnc/+573001234567", a.accessToken(), null).status());
    assertEquals(2, api.get("/api/v1/dnc", a.accessToken()).body().get("total").asInt());
  }
}
