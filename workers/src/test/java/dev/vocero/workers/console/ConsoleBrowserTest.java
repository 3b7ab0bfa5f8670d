package dev.vocero.workers.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.vocero.store.TestDatabase;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium against the real application (PostgreSQL, Temporal test server, sandbox
 * telephony, a stub speech server): sign-in, a recording's transcript seeking the player, a contact list from dry run
 * to a paused batch and its report, a viewer without write controls, another organisation's batch, an expired session.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleBrowserTest extends ConsoleBrowserSupport {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> SpeechStub.startedBaseUrl(SPEECH));
  static ApiClient api;
  static Session admin;

  @Override
  protected int port() {
    return APP.getLocalPort();
  }

  @BeforeAll
  static void organisation() {
    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Cobranzas del Valle");
    SpeechStub.answersSpanishCall(SPEECH);
  }

  @AfterAll
  static void stop() {
    SPEECH.stop();
  }

  @Test
  void givenAWrongPassword_whenSigningIn_itShouldSaySoInTheChosenLanguage() {
    browser.get(base + "/");
    waitFor(ExpectedConditions.urlContains("/signin?next="));
    browser.findElement(By.id("language")).click();
    waitFor(ExpectedConditions.textToBe(By.id("signin"), "Entrar"));
    browser.findElement(By.id("email")).sendKeys(admin.email());
    browser.findElement(By.id("password")).sendKeys("not the password");
    browser.findElement(By.id("signin")).click();
    WebElement error = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
    assertEquals("El correo o la contraseña no son correctos.", error.getText());
    Chromium.screenshot(browser, "signin-wrong-password-es");
    assertTrue(browser.manage().getCookieNamed("vocero_session") == null, "no session after a wrong password");

    browser.findElement(By.id("password")).sendKeys(admin.password());
    browser.findElement(By.id("signin")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("signout")));
    browser.findElement(By.id("signout")).click();
    waitFor(ExpectedConditions.urlContains("/signin"));
    List<String> trail = DB.jdbi().withHandle(h -> h.createQuery("select action from audit_log where actor_label = :email"
        + " and action like 'auth.%' order by at, id").bind("email", admin.email()).mapTo(String.class).list());
    assertEquals(List.of("auth.login_failed", "auth.login", "auth.logout"), trail.subList(trail.size() - 3, trail.size()),
        "the console's sign-in, its failure and the sign-out are in the audit trail: " + trail);
  }

  @Test
  void givenARecording_whenUploaded_itShouldShowItsTranscriptAndASegmentShouldSeekThePlayer() throws IOException {
    signIn(admin.email(), admin.password());
    Chromium.screenshot(browser, "home");
    browser.manage().window().setSize(new Dimension(390, 844));
    Chromium.screenshot(browser, "home-phone");
    browser.manage().window().setSize(new Dimension(1280, 800));

    browser.get(base + "/recordings");
    Path wav = Files.createTempFile(Path.of("target").toAbsolutePath(), "llamada-", ".wav");
    Files.write(wav, Wav.tone(15.0, 440));
    browser.findElement(By.id("audio-file")).sendKeys(wav.toString());
    browser.findElement(By.id("audio-title")).sendKeys("Llamada cobranza 7");
    browser.findElement(By.id("upload")).click();
    waitFor(ExpectedConditions.urlMatches("/recordings/[0-9a-f-]{36}$"));
    waitFor(ExpectedConditions.attributeToBe(By.id("recording-status"), "data-status", "completed"));
    List<WebElement> segments = browser.findElements(By.cssSelector("#transcript .segment"));
    assertEquals(3, segments.size());
    assertTrue(segments.get(1).getText().contains("puedo pagar el viernes"), segments.get(1).getText());

    waitFor(driver -> (Boolean) js("return document.getElementById('player').readyState >= 1"));
    double before = number(js("return document.getElementById('player').currentTime"));
    segments.get(1).click();
    waitFor(driver -> number(js("return document.getElementById('player').currentTime")) >= 3.3);
    assertTrue(before < 1.0, "the player starts at the beginning: " + before);
    Chromium.screenshot(browser, "recording");

    String recording = browser.getCurrentUrl();
    browser.get(base + "/recordings");
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("recording-rows"), "Llamada cobranza 7"));
    Chromium.screenshot(browser, "recordings");

    browser.get(recording);
    browser.findElement(By.id("delete")).click();
    browser.switchTo().alert().accept();
    waitFor(ExpectedConditions.urlToBe(base + "/recordings"));
    assertFalse(browser.findElement(By.id("recording-rows")).getText().contains("Llamada cobranza 7"), "deleted");
    String audioId = recording.substring(recording.lastIndexOf('/') + 1);
    assertEquals(List.of("audios.create", "audios.delete"), audited("audios", audioId), "in the audit trail");
    browser.get(recording);
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-message")));
  }

  @Test
  void givenAContactList_whenCheckedAndStarted_itShouldShowRejectedRowsLiveCountsPauseAndTheReport()
      throws IOException {
    signIn(admin.email(), admin.password());
    browser.get(base + "/batches");
    Path xlsx = Files.createTempFile(Path.of("target").toAbsolutePath(), "deudores-", ".xlsx");
    Files.write(xlsx, CallFixtures.workbook(contacts(40)));
    browser.findElement(By.id("contacts-file")).sendKeys(xlsx.toString());
    browser.findElement(By.id("batch-name")).sendKeys("Cobranza diciembre");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("jurisdiction"))).selectByValue("CUSTOM");
    browser.findElement(By.id("custom-windows")).sendKeys("MON-SUN 00:00-23:59");
    browser.findElement(By.id("calls-per-second")).clear();
    browser.findElement(By.id("calls-per-second")).sendKeys("2");
    browser.findElement(By.id("max-concurrent")).clear();
    browser.findElement(By.id("max-concurrent")).sendKeys("2");
    browser.findElement(By.id("check")).click();

    WebElement summary = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("dry-run-summary")));
    assertEquals("42 rows read: 40 can be called, 2 rejected.", summary.getText());
    assertEquals(2, browser.findElements(By.cssSelector("#rejected-rows tbody tr")).size());
    WebElement preview = browser.findElement(By.id("batch-preview"));
    assertTrue(preview.getText().contains("40 persons: 40 can be called"), preview.getText());
    assertTrue(preview.findElement(By.className("preview-assumption")).getText().contains("no_answer"),
        "the preview of retries says what it assumes: " + preview.getText());
    assertTrue(preview.findElements(By.cssSelector(".preview-days tbody tr")).size() >= 1, preview.getText());
    assertEquals(0, api.get("/api/v1/batches", admin.accessToken()).body().get("total").asInt(), "a dry run stores nothing");
    js("document.getElementById('dry-run').scrollIntoView()");
    Chromium.screenshot(browser, "batch-dry-run");

    browser.findElement(By.id("start")).click();
    waitFor(ExpectedConditions.urlMatches("/batches/[0-9a-f-]{36}$"));
    String batchId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
    try {
      watchPauseAndDownload(batchId);
    } finally {
      api.post("/api/v1/batches/" + batchId + "/cancel", admin.accessToken(), null); // nothing left running
    }
  }

  private void watchPauseAndDownload(String batchId) {
    js("window.sameDocument = true");
    waitFor(driver -> Integer.parseInt(driver.findElement(By.id("count-finished")).getText()) >= 2);
    assertEquals(Boolean.TRUE, js("return window.sameDocument === true"), "the counts moved without a reload (SSE)");
    waitFor(driver -> Integer.parseInt(driver.findElement(By.id("batch-chart")).getAttribute("data-points")) >= 2);
    Chromium.screenshot(browser, "batch-running");

    Object forged = asyncJs("fetch('/batches/" + batchId + "/pause', {method: 'POST'}).then(r => done(r.status))");
    assertEquals(403L, forged, "a write without the session's CSRF token is refused");

    click(By.id("pause"));
    waitFor(ExpectedConditions.attributeToBe(By.id("batch-status"), "data-status", "paused"));
    int finished = waitFor(driver -> Integer.parseInt(driver.findElement(By.id("count-finished")).getText()));
    assertTrue(finished < 40, "paused before the end: " + finished);
    Chromium.screenshot(browser, "batch-paused");
    assertEquals(List.of("batches.create", "batches.pause"), audited("batches", batchId.toString()),
        "console changes are in the audit trail under the API's actions; the forged pause is not");

    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("filter-status"))).sendKeys("done");
    waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calls-table tbody tr")));

    @SuppressWarnings("unchecked")
    List<Object> report = (List<Object>) asyncJs("fetch(document.getElementById('report').href).then(r => r.arrayBuffer()"
        + ".then(b => done([r.status, r.headers.get('content-type'), new Uint8Array(b)[0], new Uint8Array(b)[1]])))");
    assertEquals(200L, report.get(0));
    assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report.get(1));
    assertEquals(List.of((long) 'P', (long) 'K'), List.of(report.get(2), report.get(3)), "an xlsx is a zip");

    click(By.id("cancel"));
    browser.switchTo().alert().accept();
    waitFor(ExpectedConditions.attributeToBe(By.id("batch-status"), "data-status", "cancelled"));
  }

  @Test
  void givenAViewer_itShouldSeeNoWriteControlsAndTheServerShouldRefuseWritesAnyway() throws IOException {
    String batchId = slowBatch(admin);
    String email = "viewer-" + UUID.randomUUID() + "@example.com";
    Reply invited = api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "Vera Viewer", "role", "viewer"));
    assertEquals(201, invited.status(), String.valueOf(invited.body()));

    signIn(email, "long enough pw");
    browser.get(base + "/recordings");
    assertTrue(browser.findElements(By.id("upload-form")).isEmpty(), "no upload form for a viewer");
    browser.get(base + "/batches");
    assertTrue(browser.findElements(By.id("batch-form")).isEmpty(), "no new-batch form for a viewer");
    browser.get(base + "/batches/" + batchId);
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("batch-status")));
    for (String control : List.of("pause", "resume", "cancel", "pace-form")) {
      assertTrue(browser.findElements(By.id(control)).isEmpty(), "a viewer sees no " + control);
    }
    Chromium.screenshot(browser, "batch-viewer");
    Object refused = asyncJs("fetch('/batches/" + batchId + "/pause', {method: 'POST', headers: {'X-CSRF-Token':"
        + " document.querySelector('meta[name=\"csrf-token\"]').content}}).then(r => done(r.status))");
    assertEquals(403L, refused, "the server refuses a viewer's write even with a valid CSRF token");

    Session other = api.registerAndLogin("Otra Empresa");
    browser.manage().deleteAllCookies();
    signIn(other.email(), other.password());
    browser.get(base + "/batches/" + batchId);
    WebElement error = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-message")));
    assertTrue(error.getText().contains("not found"), error.getText());
    assertFalse(browser.getPageSource().contains("Cobranza lenta"), "nothing of the other organisation's batch");
    Chromium.screenshot(browser, "other-organisation-not-found");
    api.post("/api/v1/batches/" + batchId + "/cancel", admin.accessToken(), null);
  }

  @Test
  void givenAnExpiredSession_itShouldReturnToSignInAndComeBackAfterwards() {
    signIn(admin.email(), admin.password());
    browser.get(base + "/batches");
    DB.jdbi().useHandle(h -> h.execute("update console_sessions set expires_at = now() - interval '1 minute'"));
    new WebDriverWait(browser, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
      driver.get(base + "/batches");
      return driver.getCurrentUrl().contains("/signin?next=%2Fbatches");
    });
    Chromium.screenshot(browser, "signin-after-expiry");
    browser.findElement(By.id("email")).sendKeys(admin.email());
    browser.findElement(By.id("password")).sendKeys(admin.password());
    browser.findElement(By.id("signin")).click();
    waitFor(ExpectedConditions.urlToBe(base + "/batches"));

    browser.findElement(By.id("signout")).click();
    waitFor(ExpectedConditions.urlContains("/signin"));
    browser.get(base + "/recordings");
    waitFor(ExpectedConditions.urlContains("/signin?next="));
  }

  @Test
  void givenADeactivatedUser_itShouldBeSignedOutWithinSeconds() {
    String email = "operator-" + UUID.randomUUID() + "@example.com";
    Reply invited = api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "Olga Operator", "role", "operator"));
    assertEquals(201, invited.status(), String.valueOf(invited.body()));
    signIn(email, "long enough pw");
    browser.get(base + "/recordings");
    assertFalse(browser.findElements(By.id("upload-form")).isEmpty(), "an operator may upload");

    Reply off = api.send("PATCH", "/api/v1/users/" + invited.body().get("id").asText(), admin.accessToken(),
        Map.of("active", false));
    assertEquals(200, off.status(), String.valueOf(off.body()));
    long start = System.nanoTime();
    new WebDriverWait(browser, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
      driver.get(base + "/recordings");
      return driver.getCurrentUrl().contains("/signin");
    });
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    assertTrue(seconds <= 7, "out within the 5 s recheck: " + seconds + " s");
  }

  private String slowBatch(Session owner) throws IOException {
    Reply created = api.upload("/api/v1/batches", owner.accessToken(), "file", "lenta.xlsx",
        CallFixtures.workbook(contacts(20)), Map.of("settings", """
            {"name":"Cobranza lenta","callsPerSecond":0.1,"maxConcurrentCalls":1,"jurisdiction":"CUSTOM",
             "customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO"}"""));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return created.body().get("id").asText();
  }

  /** {@code valid} callable contacts and two rows the importer rejects (no phone, a phone too short). */
  private static List<List<String>> contacts(int valid) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Nombre", "Teléfono", "Monto"));
    for (int i = 0; i < valid; i++) {
      rows.add(List.of("Cliente " + i, String.format("310 555 %04d", 1000 + i * 10), "1000"));
    }
    rows.add(List.of("Sin número", "", "10"));
    rows.add(List.of("Número malo", "12", "10"));
    return rows;
  }

  private static List<String> audited(String objectType, String objectId) {
    return audited(DB, objectType, objectId);
  }
}
