package dev.vocero.workers.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.domain.phones.PhoneNumbers;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's messages, settings and users pages in a real headless Chromium against the real application
 * (PostgreSQL, Temporal test server, sandbox messaging): an inbound SMS in the inbox, take over, a refused and a sent
 * reply, release; a keyword and a do-not-call number added, bad values shown beside their fields; a user invited, their
 * role changed, deactivated, all in the audit trail; a viewer without write controls; another organisation's
 * conversation not found.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleSettingsBrowserTest extends ConsoleBrowserSupport {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9");
  static final String TOKEN = "sandbox-auth-token";
  static final String OWN_NUMBER = "+15005550177";
  static ApiClient api;
  static Session admin;

  @Override
  protected int port() {
    return APP.getLocalPort();
  }

  @BeforeAll
  static void organisation() {
    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Mensajes del Valle");
    Reply number = api.send("PUT", "/api/v1/platform/organizations/" + api.organizationId(admin) + "/numbers/"
        + OWN_NUMBER, api.platformOperator().accessToken(), null);
    assertEquals(201, number.status(), String.valueOf(number.body()));
  }

  @Test
  void givenAnInboundSms_itShouldBeInTheInboxAndBeTakenOverAnsweredAndReleased() {
    String customer = "+573001230077";
    inbound(customer, "Hola, quiero un acuerdo de pago");
    signIn(admin.email(), admin.password());
    browser.get(base + "/messages");
    WebElement inbox = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("inbox")));
    String masked = PhoneNumbers.mask(customer);
    assertTrue(inbox.getText().contains(masked) && inbox.getText().contains("quiero un acuerdo de pago"), inbox.getText());
    assertFalse(browser.getPageSource().contains("3001230077"), "the number is masked");
    assertEquals("true", browser.findElement(By.cssSelector("#inbox tr.conversation")).getAttribute("data-awaiting"));
    Chromium.screenshot(browser, "messages-inbox");
    browser.findElement(By.id("language")).click();
    waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Mensajes"));
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    Chromium.screenshot(browser, "messages-inbox-es-phone");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    browser.findElement(By.id("language")).click();
    waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Messages"));

    browser.findElement(By.cssSelector("#inbox a.open-conversation")).click();
    waitFor(ExpectedConditions.urlMatches("/messages/[0-9a-f-]{36}$"));
    assertEquals("false", browser.findElement(By.id("takeover-state")).getAttribute("data-taken-over"));
    browser.findElement(By.id("takeover")).click();
    waitFor(ExpectedConditions.attributeToBe(By.id("takeover-state"), "data-taken-over", "true"));

    browser.findElement(By.id("send")).click(); // an empty reply
    WebElement error = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-reply-body")));
    assertEquals("must not be blank", error.getText());
    js("document.getElementById('reply-form').scrollIntoView()");
    Chromium.screenshot(browser, "conversation-field-error");

    String reply = "Claro, le escribe Ana del equipo de cobranzas.";
    browser.findElement(By.id("reply-body")).sendKeys(reply);
    browser.findElement(By.id("send")).click();
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"), reply));
    waitFor(driver -> sentThroughProvider(customer, reply));
    browser.navigate().refresh();
    Chromium.screenshot(browser, "conversation");

    browser.findElement(By.id("release")).click();
    waitFor(ExpectedConditions.attributeToBe(By.id("takeover-state"), "data-taken-over", "false"));
    assertEquals(List.of("conversations.takeover", "conversations.messages", "conversations.takeover.delete"),
        audited("conversations", masked), "in the audit trail under the API's actions, the number masked");
  }

  @Test
  void givenSettings_whenAKeywordAndADncNumberAreAdded_itShouldListThemAndShowBadValuesBesideTheirFields() {
    signIn(admin.email(), admin.password());
    browser.get(base + "/settings");
    browser.findElement(By.id("add-keyword")).click(); // nothing typed
    WebElement blank = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-keyword-keyword")));
    assertEquals("must not be blank", blank.getText());
    assertEquals("must not be blank", browser.findElement(By.id("error-keyword-topic")).getText());

    js("window.sameDocument = true");
    browser.findElement(By.id("keyword")).sendKeys("acuerdo de pago");
    browser.findElement(By.id("keyword-topic")).sendKeys("negociación");
    new Select(browser.findElement(By.id("keyword-priority"))).selectByValue("high");
    browser.findElement(By.id("keyword-variants")).sendKeys("acuerdo, convenio de pago");
    browser.findElement(By.id("add-keyword")).click();
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("keyword-rows"), "acuerdo de pago"));
    assertTrue(browser.findElement(By.id("keyword-rows")).getText().contains("convenio de pago"));
    assertEquals(Boolean.TRUE, js("return window.sameDocument === true"), "htmx swapped the page, no reload");

    browser.findElement(By.id("dnc-phone")).sendKeys("12");
    browser.findElement(By.id("add-dnc")).click();
    WebElement bad = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-dnc-phone")));
    assertTrue(bad.getText().contains("not a valid phone number"), bad.getText());
    assertEquals("12", browser.findElement(By.id("dnc-phone")).getAttribute("value"), "what was typed stays");
    js("document.getElementById('dnc').scrollIntoView()");
    Chromium.screenshot(browser, "settings-field-error");

    browser.findElement(By.id("dnc-phone")).clear();
    browser.findElement(By.id("dnc-phone")).sendKeys("300 123 4511");
    browser.findElement(By.id("dnc-region")).sendKeys("CO");
    browser.findElement(By.id("dnc-reason")).sendKeys("pidió no ser llamado");
    browser.findElement(By.id("add-dnc")).click();
    String masked = PhoneNumbers.mask("+573001234511");
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("dnc-rows"), masked));
    assertFalse(browser.getPageSource().contains("3001234511"), "listed masked");
    js("document.getElementById('dnc').scrollIntoView()");
    Chromium.screenshot(browser, "settings");

    long keywordId = DB.jdbi().withHandle(h -> h.createQuery("select id from opportunity_keywords where keyword = :k")
        .bind("k", "acuerdo de pago").mapTo(Long.class).one());
    assertEquals(List.of("opportunity-keywords.create"), audited("opportunity-keywords", String.valueOf(keywordId)));
    assertEquals(List.of("dnc.create"), audited("dnc", masked));
    assertEquals(1, api.get("/api/v1/dnc", admin.accessToken()).body().get("total").asInt(), "the API sees it too");

    browser.findElement(By.id("alert-rule-name")).sendKeys("Amenaza legal");
    browser.findElement(By.id("add-alert-rule")).click(); // a keyword rule without its word
    WebElement noPattern = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-alert-rule")));
    assertTrue(noPattern.getText().contains("needs a pattern"), noPattern.getText());
    assertEquals("Amenaza legal", browser.findElement(By.id("alert-rule-name")).getAttribute("value"));
    browser.findElement(By.id("alert-rule-pattern")).sendKeys("abogado");
    new Select(browser.findElement(By.id("alert-rule-severity"))).selectByValue("high");
    browser.findElement(By.id("add-alert-rule")).click();
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-rule-rows"), "abogado"));
    String ruleId = api.get("/api/v1/alert-rules", admin.accessToken()).body().get(0).get("id").asText();
    assertEquals(List.of("alert-rules.create"), audited("alert-rules", ruleId));

    By extractor = By.cssSelector("#extractor-rows tr[data-enabled='true']");
    String name = waitFor(ExpectedConditions.presenceOfElementLocated(extractor)).getAttribute("data-extractor");
    browser.findElement(extractor).findElement(By.cssSelector("button.toggle-extractor")).click();
    waitFor(ExpectedConditions.attributeToBe(By.cssSelector("#extractor-rows tr[data-extractor='" + name + "']"),
        "data-enabled", "false"));
    assertEquals(List.of("extractors.disable"), audited("extractors", name));

    browser.findElement(By.id("webhook-url")).sendKeys("ftp://hooks.example.com/vocero");
    browser.findElement(By.id("add-webhook")).click();
    WebElement badUrl = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-webhook-url")));
    assertTrue(badUrl.getText().contains("absolute http or https address"), badUrl.getText());
    browser.findElement(By.id("webhook-url")).clear();
    browser.findElement(By.id("webhook-url")).sendKeys("https://hooks.example.com/vocero");
    browser.findElement(By.id("add-webhook")).click();
    String secret = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-secret"))).getText();
    String webhookId = api.get("/api/v1/webhooks", admin.accessToken()).body().get(0).get("id").asText();
    assertEquals(secret, DB.jdbi().withHandle(h -> h.createQuery("select secret from outbound_webhooks where id = :id")
        .bind("id", UUID.fromString(webhookId)).mapTo(String.class).one()), "the signing secret, shown once");
    assertEquals(List.of("webhooks.create"), audited("webhooks", webhookId));
    browser.get(base + "/settings");
    assertTrue(browser.findElements(By.id("webhook-secret")).isEmpty(), "only once");
    browser.findElement(By.cssSelector("#webhooks a[href='/settings/webhooks/" + webhookId + "']")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("deliveries")));
    assertTrue(browser.findElement(By.tagName("h1")).getText().contains("hooks.example.com"));
    Chromium.screenshot(browser, "settings-webhook-deliveries");
  }

  @Test
  void givenAnAdmin_whenInvitingAUserAndChangingTheirRole_itShouldBeListedAndAudited() {
    signIn(admin.email(), admin.password());
    browser.get(base + "/users");
    String email = "olga-" + UUID.randomUUID() + "@example.com";
    browser.findElement(By.id("invite-name")).sendKeys("Olga Operadora");
    browser.findElement(By.id("invite-email")).sendKeys(email);
    new Select(browser.findElement(By.id("invite-role"))).selectByValue("operator");
    browser.findElement(By.id("invite-password")).sendKeys("short");
    browser.findElement(By.id("invite")).click();
    WebElement error = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-invite-password")));
    assertEquals("must be 10 to 72 characters", error.getText());
    assertEquals(email, browser.findElement(By.id("invite-email")).getAttribute("value"));

    browser.findElement(By.id("invite-password")).sendKeys("long enough pw");
    browser.findElement(By.id("invite")).click();
    By row = By.cssSelector("#user-rows tr[data-email='" + email + "']");
    WebElement invited = waitFor(ExpectedConditions.presenceOfElementLocated(row));
    assertEquals("operator", invited.getAttribute("data-role"));
    String userId = invited.getAttribute("id").substring("user-".length());

    new Select(invited.findElement(By.cssSelector("select.user-role"))).selectByValue("viewer");
    invited.findElement(By.cssSelector("button.change-role")).click();
    waitFor(ExpectedConditions.attributeToBe(row, "data-role", "viewer"));
    browser.findElement(row).findElement(By.cssSelector("button.toggle-access")).click();
    waitFor(ExpectedConditions.attributeToBe(row, "data-active", "false"));
    Chromium.screenshot(browser, "users");

    assertEquals(List.of("users.create", "users.update", "users.update"), audited("users", userId));
    List<String> roleChange = DB.jdbi().withHandle(h -> h.createQuery("select (changes -> 'before' ->> 'role') || '>'"
        + " || (changes -> 'after' ->> 'role') from audit_log where object_id = :id and action = 'users.update'"
        + " and changes -> 'before' ->> 'role' is not null order by at, id").bind("id", userId).mapTo(String.class).list());
    assertEquals("operator>viewer", roleChange.get(0), "the console's change carries the field before and after");
    String created = DB.jdbi().withHandle(h -> h.createQuery("select changes::text from audit_log"
        + " where object_id = :id and action = 'users.create'").bind("id", userId).mapTo(String.class).one());
    assertTrue(created.contains("\"after\"") && !created.contains("password_hash"), "a creation shows the new row,"
        + " without secrets: " + created);

    String adminId = api.get("/api/v1/auth/me", admin.accessToken()).body().at("/user/id").asText();
    WebElement self = browser.findElement(By.id("user-" + adminId));
    new Select(self.findElement(By.cssSelector("select.user-role"))).selectByValue("viewer");
    self.findElement(By.cssSelector("button.change-role")).click();
    WebElement lastAdmin = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-user-" + adminId)));
    assertTrue(lastAdmin.getText().contains("at least one active admin"), lastAdmin.getText());
    assertEquals("admin", browser.findElement(By.id("user-" + adminId)).getAttribute("data-role"), "refused (409)");
    Reply user = api.get("/api/v1/users/" + userId, admin.accessToken());
    assertEquals("viewer", user.body().get("role").asText());
    assertFalse(user.body().get("active").asBoolean());
  }

  @Test
  void givenAViewer_itShouldSeeNoWriteControlsAndTheServerShouldRefuseWritesAnyway() {
    inbound("+573001230088", "¿Me pueden llamar?");
    String conversation = DB.jdbi().withHandle(h -> h.createQuery("select id from messages where phone_e164 ="
        + " '+573001230088'").mapTo(String.class).one());
    String email = "vera-" + UUID.randomUUID() + "@example.com";
    Reply invited = api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "Vera Lectora", "role", "viewer"));
    assertEquals(201, invited.status(), String.valueOf(invited.body()));

    signIn(email, "long enough pw");
    assertTrue(browser.findElements(By.cssSelector("nav a[href='/users']")).isEmpty(), "no Users entry for a viewer");
    browser.get(base + "/messages/" + conversation);
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("takeover-state")));
    for (String control : List.of("takeover", "release", "reply-form")) {
      assertTrue(browser.findElements(By.id(control)).isEmpty(), "a viewer sees no " + control);
    }
    browser.get(base + "/settings");
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("keywords")));
    for (String control : List.of("keyword-form", "dnc-form", "dnc-remove-form", "alert-rule-form", "webhook-form",
        "auto-reply-form", "privacy-form")) {
      assertTrue(browser.findElements(By.id(control)).isEmpty(), "a viewer sees no " + control);
    }
    assertTrue(browser.findElements(By.cssSelector(".delete-keyword, .delete-alert-rule, .toggle-extractor, .delete-webhook")).isEmpty());
    assertEquals("Only admins see and change these settings.", browser.findElement(By.id("auto-reply-state")).getText(),
        "automatic replies are for admins, as GET /api/v1/messages/auto-reply");
    Chromium.screenshot(browser, "settings-viewer");
    Object refused = asyncJs("fetch('/settings/dnc', {method: 'POST', headers: {'X-CSRF-Token':"
        + " document.querySelector('meta[name=\"csrf-token\"]').content, 'Content-Type':"
        + " 'application/x-www-form-urlencoded'}, body: 'phone=%2B573001234512'}).then(r => done(r.status))");
    assertEquals(403L, refused, "the server refuses a viewer's write even with a valid CSRF token");
    browser.get(base + "/users");
    assertTrue(waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-message"))).getText()
        .contains("admin"), "users are for admins");

    Session other = api.registerAndLogin("Otra Empresa");
    browser.manage().deleteAllCookies();
    signIn(other.email(), other.password());
    browser.get(base + "/messages/" + conversation);
    WebElement error = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-message")));
    assertTrue(error.getText().contains("not found"), error.getText());
    assertFalse(browser.getPageSource().contains("llamar"), "nothing of the other organisation's conversation");
  }

  private static void inbound(String from, String body) {
    Map<String, String> params = new LinkedHashMap<>(Map.of("MessageSid", "SM" + UUID.randomUUID().toString()
        .replace("-", ""), "AccountSid", "AC" + "5a4d".repeat(8), "From", from, "To", OWN_NUMBER, "Body", body,
        "NumMedia", "0"));
    assertEquals(200, api.twilioCallback("/webhooks/twilio/messaging/inbound", params, TOKEN).status());
  }

  /** The operator's message left through the messaging provider (the sandbox here): it has the provider's id. */
  private static boolean sentThroughProvider(String phone, String body) {
    return DB.jdbi().withHandle(h -> h.createQuery("select count(*) from messages where phone_e164 = :phone"
        + " and direction = 'outbound' and body = :body and sent_by is not null and provider_sid is not null"
        + " and state in ('sent', 'delivered', 'read')").bind("phone", phone).bind("body", body)
        .mapTo(Integer.class).one()) == 1;
  }

  private static List<String> audited(String objectType, String objectId) {
    return audited(DB, objectType, objectId);
  }
}
