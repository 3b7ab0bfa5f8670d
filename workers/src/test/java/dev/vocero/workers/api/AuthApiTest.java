package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.api.auth.JwtService;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class AuthApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static ApiClient api;

  @BeforeAll
  static void client() {
    api = new ApiClient(APP.getLocalPort());
  }

  @Test
  void givenANewOrganization_whenItRegistersAndLogsIn_itShouldSeeItsAdmin() {
    Session admin = api.registerAndLogin("Cobranzas Andinas");
    Reply me = api.get("/api/v1/auth/me", admin.accessToken());
    assertEquals(200, me.status());
    assertEquals("admin", me.body().at("/user/role").asText());
    assertEquals("Cobranzas Andinas", me.body().get("organizationName").asText());
    assertFalse(me.body().toString().contains("password"), "no password hash in responses");

    Reply again = api.post("/api/v1/auth/register", null,
        Map.of("email", admin.email().toUpperCase(), "password", "another password", "name", "X", "organization", "Y"));
    assertEquals(409, again.status());
    assertEquals("email_taken", again.code());
  }

  @Test
  void givenBadRegistrations_itShouldAnswerWithFieldErrors() {
    Reply invalid = api.post("/api/v1/auth/register", null,
        Map.of("email", "not-an-email", "password", "short", "name", "", "organization", "Org"));
    assertEquals(422, invalid.status());
    assertEquals("invalid_request", invalid.code());
    assertTrue(invalid.body().get("details").size() >= 3, invalid.body().toString());

    Reply noBody = api.post("/api/v1/auth/register", null, null);
    assertEquals(400, noBody.status());
    Reply malformed = api.send("POST", "/api/v1/auth/register", null, "{\"email\": ");
    assertEquals(400, malformed.status());
    assertEquals("malformed_json", malformed.code());
    assertFalse(malformed.body().toString().contains("at [Source"), "no parser internals leak");
  }

  @Test
  void givenAWrongPassword_itShouldRefuseWithoutSayingWhichPartWasWrong() {
    Session admin = api.registerAndLogin("Org");
    Reply wrong = api.post("/api/v1/auth/login", null, Map.of("email", admin.email(), "password", "wrong password!"));
    Reply unknown = api.post("/api/v1/auth/login", null, Map.of("email", "nobody@example.com", "password", "wrong password!"));
    assertEquals(401, wrong.status());
    assertEquals(401, unknown.status());
    assertEquals(wrong.body(), unknown.body());
  }

  @Test
  void givenARefreshToken_whenUsedTwice_itShouldRotateThenRevokeTheFamily() {
    Session admin = api.registerAndLogin("Org");
    Reply first = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken()));
    assertEquals(200, first.status());
    String next = first.body().get("refreshToken").asText();
    assertNotEquals(admin.refreshToken(), next);
    assertEquals(200, api.get("/api/v1/auth/me", first.body().get("accessToken").asText()).status());

    Reply reuse = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken()));
    assertEquals(401, reuse.status());
    assertEquals("refresh_token_reused", reuse.code());
    Reply successor = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", next));
    assertEquals(401, successor.status(), "reuse revokes every token of the family");
  }

  @Test
  void givenLogout_itShouldEndTheRefreshToken() {
    Session admin = api.registerAndLogin("Org");
    assertEquals(204, api.post("/api/v1/auth/logout", admin.accessToken(), Map.of("refreshToken", admin.refreshToken())).status());
    assertEquals(401, api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken())).status());
  }

  @Test
  void givenLogout_itShouldEndTheAccessTokenAtOnce() {
    Session admin = api.registerAndLogin("Org");
    assertEquals(200, api.get("/api/v1/auth/me", admin.accessToken()).status());
    assertEquals(204, api.post("/api/v1/auth/logout", admin.accessToken(), null).status());
    assertEquals(401, api.get("/api/v1/auth/me", admin.accessToken()).status(), "the token used to live 30 minutes");
    assertEquals(401, api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken())).status());
    assertEquals(200, api.get("/api/v1/auth/me", api.login(admin.email(), admin.password()).accessToken()).status(),
        "logging in again works");
  }

  @Test
  void givenADemotedThenDeactivatedUser_itsTokenShouldFollowWithinSeconds() throws Exception {
    Session admin = api.registerAndLogin("Org");
    Session operator = createUser(admin, "operator");
    String id = api.get("/api/v1/auth/me", operator.accessToken()).body().at("/user/id").asText();
    Map<String, String> keyword = Map.of("keyword", "reembolso", "topic", "refund", "priority", "low");
    assertEquals(201, api.post("/api/v1/opportunity-keywords", operator.accessToken(), keyword).status());

    assertEquals(200, api.send("PATCH", "/api/v1/users/" + id, admin.accessToken(), Map.of("role", "viewer")).status());
    assertEquals(403, awaitStatus(403, () -> api.post("/api/v1/opportunity-keywords", operator.accessToken(),
        Map.of("keyword", "garantía", "topic", "warranty", "priority", "low")).status()), "a viewer now");
    assertEquals("viewer", api.get("/api/v1/auth/me", operator.accessToken()).body().at("/user/role").asText());

    assertEquals(200, api.send("PATCH", "/api/v1/users/" + id, admin.accessToken(), Map.of("active", false)).status());
    assertEquals(401, awaitStatus(401, () -> api.get("/api/v1/audios", operator.accessToken()).status()));
  }

  /** Polls for up to twice {@link dev.vocero.api.auth.AccessTokens#RECHECK}; returns the last status seen. */
  private static int awaitStatus(int expected, java.util.function.IntSupplier request) throws InterruptedException {
    long deadline = System.nanoTime() + dev.vocero.api.auth.AccessTokens.RECHECK.multipliedBy(2).toNanos();
    int status = request.getAsInt();
    while (status != expected && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status = request.getAsInt();
    }
    return status;
  }

  @Test
  void givenRoles_itShouldEnforceThemPerEndpoint() {
    Session admin = api.registerAndLogin("Org");
    Session viewer = createUser(admin, "viewer");
    Session operator = createUser(admin, "operator");

    assertEquals(200, api.get("/api/v1/audios", viewer.accessToken()).status());
    Reply viewerUpload = api.upload("/api/v1/audios", viewer.accessToken(), "file", "a.wav", new byte[] {1}, Map.of());
    assertEquals(403, viewerUpload.status());
    assertEquals("forbidden", viewerUpload.code());
    assertEquals(403, api.get("/api/v1/users", operator.accessToken()).status());
    assertEquals(403, api.post("/api/v1/opportunity-keywords", viewer.accessToken(),
        Map.of("keyword", "x", "topic", "t", "priority", "low")).status());
    assertEquals(201, api.post("/api/v1/opportunity-keywords", operator.accessToken(),
        Map.of("keyword", "garantía", "topic", "warranty", "priority", "low")).status());
    assertEquals(200, api.get("/api/v1/users", admin.accessToken()).status());

    Reply bad = api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", "x@example.com", "password", "long enough pw", "name", "X", "role", "owner"));
    assertEquals(422, bad.status());
    assertEquals("invalid_role", bad.code());
  }

  @Test
  void givenTheLastAdmin_itShouldNotBeDemoted() {
    Session admin = api.registerAndLogin("Org");
    String id = api.get("/api/v1/auth/me", admin.accessToken()).body().at("/user/id").asText();
    Reply demote = api.send("PATCH", "/api/v1/users/" + id, admin.accessToken(), Map.of("role", "viewer"));
    assertEquals(409, demote.status());
    assertEquals("last_admin", demote.code());
  }

  @Test
  void givenAnotherOrganization_itShouldSeeNoneOfItsUsers() {
    Session a = api.registerAndLogin("A");
    Session b = api.registerAndLogin("B");
    String aId = api.get("/api/v1/auth/me", a.accessToken()).body().at("/user/id").asText();
    assertEquals(404, api.get("/api/v1/users/" + aId, b.accessToken()).status());
    assertEquals(404, api.send("PATCH", "/api/v1/users/" + aId, b.accessToken(), Map.of("active", false)).status());
    assertEquals(1, api.get("/api/v1/users", b.accessToken()).body().size());
  }

  @Test
  void givenForgedTokens_itShouldAnswer401InJson() {
    Session admin = api.registerAndLogin("Org");
    String[] parts = admin.accessToken().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"admin\"", "\"viewer\"");
    String tampered = parts[0] + "." + b64(payload) + "." + parts[2];
    String algNone = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    String otherSecret = new JwtService("another-secret-another-secret-another-secret", "vocero", 1800, Clock.systemUTC())
        .issue(principal(admin));
    String expired = new JwtService("test-secret-test-secret-test-secret-0123456789", "vocero", 1800,
        Clock.fixed(Instant.now().minusSeconds(7200), ZoneOffset.UTC)).issue(principal(admin));

    for (String token : new String[] {tampered, algNone, otherSecret, expired, "garbage", ""}) {
      Reply reply = api.get("/api/v1/auth/me", token);
      assertEquals(401, reply.status(), token);
      assertEquals("unauthorized", reply.code());
    }
    assertEquals(401, api.get("/api/v1/audios", null).status());
  }

  private Session createUser(Session admin, String role) {
    String email = role + "-" + UUID.randomUUID() + "@example.com";
    Reply created = api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "User " + role, "role", role));
    assertEquals(201, created.status(), created.body().toString());
    return api.login(email, "long enough pw");
  }

  private VoceroPrincipal principal(Session session) {
    var me = api.get("/api/v1/auth/me", session.accessToken()).body().get("user");
    return new VoceroPrincipal(UUID.fromString(me.get("id").asText()), UUID.fromString(me.get("organizationId").asText()),
        session.email(), Role.ADMIN);
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
