package dev.vocero.workers.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's chat and campaigns in a real headless Chromium against the real application: a question whose answer
 * cites a recording, the citation opening the recording at the quoted second; a campaign from a batch, its estimate,
 * scheduled and paused; links to the Temporal Web UI; a viewer without write controls; another organisation's
 * campaign and conversation not found.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleChatCampaignBrowserTest extends ConsoleBrowserSupport {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> SpeechStub.startedBaseUrl(SPEECH));
  /** test-vocero.yml's temporal.webUiUrl and namespace. */
  static final String WEB_UI = "http://localhost:8233/namespaces/default/workflows/";
  static ApiClient api;
  static Session admin;
  static String audioId;

  @Override
  protected int port() {
    return APP.getLocalPort();
  }

  @BeforeAll
  static void organisation() {
    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Cobranzas del Pacífico");
    SpeechStub.answersSpanishCall(SPEECH);
    Reply accepted = api.upload("/api/v1/audios", admin.accessToken(), "file", "promesa.wav", Wav.tone(15.0, 440),
        Map.of("language", "es", "title", "Promesa de pago"));
    assertEquals(202, accepted.status(), String.valueOf(accepted.body()));
    audioId = accepted.body().get("id").asText();
    api.awaitCompletedAudio(audioId, admin.accessToken(), Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    SPEECH.stop();
  }

  @Test
  void givenATranscribedRecording_whenTheChatIsAsked_itsCitationShouldOpenTheRecordingAtTheQuotedSecond() {
    signIn(admin.email(), admin.password());
    browser.findElement(By.id("nav-chat")).click();
    waitFor(ExpectedConditions.urlToBe(base + "/chat"));
    browser.findElement(By.id("chat-title")).sendKeys("Promesas de pago");
    browser.findElement(By.id("new-chat")).click();
    waitFor(ExpectedConditions.urlMatches("/chat/[0-9a-f-]{36}$"));
    String conversationId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

    js("window.sameDocument = true");
    browser.findElement(By.id("question")).sendKeys("¿Cuándo puede pagar el cliente?");
    browser.findElement(By.id("ask")).click();
    WebElement citation = waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("#messages li.answer a.citation")));
    assertEquals(Boolean.TRUE, js("return window.sameDocument === true"), "the answer was appended without a reload");
    assertEquals(2, browser.findElements(By.cssSelector("#messages > li")).size(), "the question and its answer");
    assertEquals("", browser.findElement(By.id("question")).getAttribute("value"), "the question box is emptied");
    assertEquals(audioId, citation.getAttribute("data-audio"));
    assertTrue(citation.getAttribute("href").contains("/recordings/" + audioId + "?t="), citation.getAttribute("href"));
    assertTrue(citation.findElement(By.xpath("..")).getText().contains("puedo pagar el viernes"), "the quote is shown");
    Chromium.screenshot(browser, "chat-answer");
    assertEquals(List.of("chat.conversations", "chat.conversations.messages"), audited("chat", conversationId));

    citation.click();
    waitFor(ExpectedConditions.urlContains("/recordings/" + audioId + "?t="));
    waitFor(driver -> js("return document.getElementById('player').getAttribute('data-cited')") != null);
    double cited = Double.parseDouble((String) js("return document.getElementById('player').getAttribute('data-cited')"));
    assertEquals(3.4, cited, 0.001, "the quoted line ('puedo pagar el viernes') starts at 3.4 s");
    waitFor(driver -> Math.abs(number(js("return document.getElementById('player').currentTime")) - 3.4) < 0.5);
    WebElement line = browser.findElement(By.cssSelector("#transcript .segment.current"));
    assertEquals("1", line.getAttribute("data-index"), "the cited line is marked");
    assertEquals(WEB_UI + "audio%3A" + audioId, browser.findElement(By.id("workflow-link")).getAttribute("href"));
    Chromium.screenshot(browser, "chat-citation-recording");

    browser.get(base + "/chat");
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("conversations"), "Promesas de pago"));
    Chromium.screenshot(browser, "chats");
  }

  @Test
  void givenARunningBatch_whenACampaignIsCreatedScheduledAndPaused_itShouldShowTheEstimateFirstAndAuditEachStep()
      throws IOException {
    String batchId = slowBatch(admin, "Cobranza campaña");
    try {
      signIn(admin.email(), admin.password());
      browser.findElement(By.id("nav-campaigns")).click();
      waitFor(ExpectedConditions.urlToBe(base + "/campaigns"));
      browser.findElement(By.id("campaign-name")).sendKeys("Cobranza diciembre");
      browser.findElement(By.cssSelector("input.campaign-batch[value='" + batchId + "']")).click();
      js("document.querySelectorAll('#weekdays input').forEach(function (c) { c.checked = true; });"
          + "document.getElementById('window-start').value = '00:00';"
          + "document.getElementById('window-end').value = '23:59';"
          + "document.getElementById('time-zone').value = 'UTC';"
          + "document.getElementById('start-date').value = '" + LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1) + "';");
      Chromium.screenshot(browser, "campaigns-new");
      js("document.getElementById('end-date').value = '" + LocalDate.now().minusDays(3) + "'");
      browser.findElement(By.id("create-campaign")).click();
      WebElement error = waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#flash #error-message")));
      assertTrue(error.getText().contains("endDate"), "the API's validation names the field: " + error.getText());
      assertEquals("Cobranza diciembre", browser.findElement(By.id("campaign-name")).getAttribute("value"), "form kept");
      Chromium.screenshot(browser, "campaigns-new-invalid");
      js("document.getElementById('end-date').value = '" + LocalDate.now().plusDays(20) + "'");
      browser.findElement(By.id("policy-calls-per-week")).sendKeys("8");
      browser.findElement(By.id("create-campaign")).click();
      WebElement looser = waitFor(ExpectedConditions.visibilityOfElementLocated(
          By.id("error-contactPolicy-callsPerWeek")));
      assertTrue(looser.getText().contains("custom.seven-calls-a-week"),
          "the 422 looser_than_policy beside its field: " + looser.getText());
      Chromium.screenshot(browser, "campaigns-new-looser-policy");
      browser.findElement(By.id("policy-calls-per-week")).clear();
      browser.findElement(By.id("policy-calls-per-week")).sendKeys("2");
      browser.findElement(By.id("create-campaign")).click();
      waitFor(ExpectedConditions.urlMatches("/campaigns/[0-9a-f-]{36}$"));
      String campaignId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
      assertTrue(browser.findElement(By.id("campaign-policy")).getText().contains("2"),
          browser.findElement(By.id("campaign-policy")).getText());
      WebElement preview = browser.findElement(By.id("preview-batch-" + batchId));
      assertTrue(preview.getText().contains("CUSTOM@2026-12-07+campaign"), preview.getText());
      assertTrue(preview.findElement(By.className("preview-assumption")).getText().contains("no_answer"),
          "the preview says what it assumes about retries: " + preview.getText());
      assertTrue(preview.findElements(By.cssSelector(".preview-days tbody tr")).size() >= 1, preview.getText());

      assertEquals("draft", browser.findElement(By.id("campaign-state")).getAttribute("data-state"));
      long total = Long.parseLong(browser.findElement(By.id("estimate-total")).getText().replaceAll("[^0-9]", ""));
      long api = ConsoleChatCampaignBrowserTest.api.get("/api/v1/campaigns/" + campaignId + "/estimate",
          admin.accessToken()).body().get("credits").asLong();
      assertTrue(total > 0, "a batch of 20 contacts costs something");
      assertEquals(api, total, "the same estimate as the API's");
      assertTrue(browser.findElements(By.id("workflow-link")).isEmpty(), "a draft has no workflow yet");
      Chromium.screenshot(browser, "campaign-draft-estimate");

      click(By.id("schedule"));
      waitFor(driver -> !"draft".equals(driver.findElement(By.id("campaign-state")).getAttribute("data-state")));
      assertEquals(WEB_UI + "campaign%3A" + campaignId, browser.findElement(By.id("workflow-link")).getAttribute("href"));

      Object forged = asyncJs("fetch('/campaigns/" + campaignId + "/pause', {method: 'POST'}).then(r => done(r.status))");
      assertEquals(403L, forged, "a write without the session's CSRF token is refused");
      click(By.id("pause"));
      reloadUntil(driver -> "paused".equals(driver.findElement(By.id("campaign-state")).getAttribute("data-state")));
      assertFalse(browser.findElements(By.id("resume")).isEmpty(), "a paused campaign offers resume");
      Chromium.screenshot(browser, "campaign-paused");
      assertEquals(List.of("campaigns.create", "campaigns.schedule", "campaigns.pause"), audited("campaigns", campaignId),
          "console changes are in the audit trail under the API's actions; the forged pause is not");

      @SuppressWarnings("unchecked")
      List<Object> report = (List<Object>) asyncJs("fetch(document.getElementById('report').href).then(r => r.arrayBuffer()"
          + ".then(b => done([r.status, r.headers.get('content-type'), new Uint8Array(b)[0], new Uint8Array(b)[1]])))");
      assertEquals(200L, report.get(0));
      assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report.get(1));
      assertEquals(List.of((long) 'P', (long) 'K'), List.of(report.get(2), report.get(3)), "an xlsx is a zip");

      browser.get(base + "/batches/" + batchId);
      assertEquals(WEB_UI + "batch%3A" + batchId, browser.findElement(By.id("workflow-link")).getAttribute("href"));

      browser.get(base + "/campaigns/" + campaignId);
      click(By.id("cancel"));
      browser.switchTo().alert().accept();
      reloadUntil(driver -> "cancelled".equals(driver.findElement(By.id("campaign-state")).getAttribute("data-state")));
      browser.get(base + "/campaigns");
      waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("campaigns"), "Cobranza diciembre"));
      Chromium.screenshot(browser, "campaigns");
    } finally {
      api.post("/api/v1/batches/" + batchId + "/cancel", admin.accessToken(), null); // nothing left running
    }
  }

  @Test
  void givenAViewer_itShouldSeeNoCampaignControlsAndAnotherOrganisationShouldFindNothing() throws IOException {
    String batchId = slowBatch(admin, "Cobranza visible");
    try {
      Reply campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Campaña privada",
          "startDate", LocalDate.now().toString(), "endDate", LocalDate.now().plusDays(5).toString(),
          "weekdays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"), "windowStart", "00:00",
          "windowEnd", "23:59", "timeZone", "UTC", "batchIds", List.of(batchId)));
      assertEquals(201, campaign.status(), String.valueOf(campaign.body()));
      String campaignId = campaign.body().get("id").asText();
      Reply conversation = api.post("/api/v1/chat/conversations", admin.accessToken(), Map.of("title", "Conversación privada"));
      assertEquals(201, conversation.status(), String.valueOf(conversation.body()));
      String conversationId = conversation.body().get("id").asText();
      String email = "viewer-" + UUID.randomUUID() + "@example.com";
      Reply invited = api.post("/api/v1/users", admin.accessToken(),
          Map.of("email", email, "password", "long enough pw", "name", "Vera Viewer", "role", "viewer"));
      assertEquals(201, invited.status(), String.valueOf(invited.body()));

      signIn(email, "long enough pw");
      browser.get(base + "/campaigns");
      assertTrue(browser.findElements(By.id("campaign-form")).isEmpty(), "no new-campaign form for a viewer");
      browser.get(base + "/campaigns/" + campaignId);
      waitFor(ExpectedConditions.presenceOfElementLocated(By.id("campaign-state")));
      for (String control : List.of("campaign-controls", "schedule", "pause", "resume", "cancel")) {
        assertTrue(browser.findElements(By.id(control)).isEmpty(), "a viewer sees no " + control);
      }
      assertFalse(browser.findElements(By.id("estimate-total")).isEmpty(), "a viewer may read the estimate");
      assertEquals(1, browser.findElements(By.id("no-days")).size(), "nothing has run yet");
      UUID orgId = api.organizationId(admin);
      DB.jdbi().useExtension(CampaignDao.class, dao -> { // what the campaign's workflow records at the end of each day
        dao.upsertDay(UUID.fromString(campaignId), orgId, LocalDate.now().minusDays(1), 12, 10, "{\"no_answer\":4}", 3,
            "{\"delivered\":3}");
        dao.upsertDay(UUID.fromString(campaignId), orgId, LocalDate.now(), 8, 5, "{}", 0, "{}");
      });
      browser.navigate().refresh();
      waitFor(driver -> "2".equals(driver.findElement(By.id("campaign-chart")).getAttribute("data-points")));
      assertEquals(2, browser.findElements(By.cssSelector("#campaign-days tbody tr")).size());
      assertEquals(1, browser.findElements(By.cssSelector("#campaign-chart canvas")).size(), "uPlot drew the days");
      js("document.getElementById('campaign-days').scrollIntoView()");
      Chromium.screenshot(browser, "campaign-viewer-days");
      Object refused = asyncJs("fetch('/campaigns/" + campaignId + "/schedule', {method: 'POST', headers: {'X-CSRF-Token':"
          + " document.querySelector('meta[name=\"csrf-token\"]').content}}).then(r => done(r.status))");
      assertEquals(403L, refused, "the server refuses a viewer's write even with a valid CSRF token");
      assertEquals("draft", api.get("/api/v1/campaigns/" + campaignId, admin.accessToken()).body().get("state").asText());
      browser.get(base + "/chat/" + conversationId);
      assertFalse(browser.findElements(By.id("ask-form")).isEmpty(), "a viewer may ask, as in the API");

      Session other = api.registerAndLogin("Otra Compañía");
      browser.manage().deleteAllCookies();
      signIn(other.email(), other.password());
      for (String page : List.of("/campaigns/" + campaignId, "/chat/" + conversationId)) {
        browser.get(base + page);
        WebElement error = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-message")));
        assertTrue(error.getText().contains("not found"), page + ": " + error.getText());
        assertFalse(browser.getPageSource().contains("privada"), "nothing of the other organisation's " + page);
      }
      Chromium.screenshot(browser, "campaign-other-organisation-not-found");
      Object asked = asyncJs("fetch('/chat/" + conversationId + "/ask', {method: 'POST', headers: {'X-CSRF-Token':"
          + " document.querySelector('meta[name=\"csrf-token\"]').content, 'Content-Type':"
          + " 'application/x-www-form-urlencoded'}, body: 'question=hola'}).then(r => done(r.status))");
      assertEquals(404L, asked, "another organisation cannot ask in the conversation");
    } finally {
      api.post("/api/v1/batches/" + batchId + "/cancel", admin.accessToken(), null);
    }
  }

  private String slowBatch(Session owner, String name) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Nombre", "Teléfono", "Monto"));
    for (int i = 0; i < 20; i++) {
      rows.add(List.of("Cliente " + i, String.format("310 555 %04d", 2000 + i * 10), "1000"));
    }
    Reply created = api.upload("/api/v1/batches", owner.accessToken(), "file", "lenta.xlsx", CallFixtures.workbook(rows),
        Map.of("settings", """
            {"name":"%s","callsPerSecond":0.1,"maxConcurrentCalls":1,"jurisdiction":"CUSTOM",
             "customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO"}""".formatted(name)));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return created.body().get("id").asText();
  }

  /**
   * A campaign's state is written by its workflow a moment after the command: open the page again until it shows. A
   * load that the form's own redirect interrupts is simply tried again.
   */
  private void reloadUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    String page = browser.getCurrentUrl().replaceAll("\\?.*$", "");
    new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
      try {
        driver.get(page);
        return condition.apply(driver);
      } catch (org.openqa.selenium.WebDriverException e) {
        return false;
      }
    });
  }

  private static List<String> audited(String objectType, String objectId) {
    return audited(DB, objectType, objectId);
  }
}
