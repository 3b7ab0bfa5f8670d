package dev.vocero.workers.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The campaign page's waves in a real headless Chromium: two SMS waves to the same persons under 72 hours between
 * messages, so one wave's texts wait; the page shows each wave's counts, the waiting ones with their rule and time,
 * as the API counts them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleCampaignWavesBrowserTest extends ConsoleBrowserSupport {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static ApiClient api;
  static Session operator;

  @Override
  protected int port() {
    return APP.getLocalPort();
  }

  @BeforeAll
  static void organisation() {
    api = new ApiClient(APP.getLocalPort());
    operator = api.operatorOf(api.registerAndLogin("Avisos Consola"));
  }

  @Test
  void givenTwoWavesUnderA72HourGap_theCampaignPageShouldShowTheWaitingTextsWithTheirRule() {
    String batchId = api.createBatch(operator, CallFixtures.TWO_CHILEAN_DEBTORS,
        CallFixtures.anyTimeSettings("Avisos"));
    String campaignId = api.createCampaign(operator, CallFixtures.twoWavesUnderA72HourGap(batchId));

    signIn(operator.email(), operator.password());
    browser.get(base + "/campaigns/" + campaignId);
    assertEquals(2, browser.findElements(By.cssSelector("#campaign-waves tbody tr[id^='wave-']")).size(),
        browser.findElement(By.id("campaign-waves")).getAttribute("outerHTML"));
    assertEquals("0", browser.findElement(By.cssSelector("#campaign-waves .wave-waiting")).getText());
    click(By.id("schedule"));
    waitFor(driver -> !"draft".equals(driver.findElement(By.id("campaign-state")).getAttribute("data-state")));

    waitFor(driver -> {
      driver.navigate().refresh(); // the page is rendered on the server: read it again until both texts wait
      return waitingOnPage() == 2;
    });
    List<WebElement> rules = browser.findElements(By.cssSelector("#campaign-waves tr.wave-waiting-rule"));
    long held = 0;
    for (WebElement rule : rules) { // the waves race for each person: both texts may wait in one wave or one in each
      assertEquals("campaign.hours-between-messages", rule.getAttribute("data-rule"));
      assertTrue(rule.getText().contains("campaign.hours-between-messages") && rule.getText().contains("(UTC)"),
          rule.getText());
      held += Long.parseLong(rule.getAttribute("data-messages"));
    }
    assertEquals(2, held, "every waiting text under its rule");
    js("document.getElementById('campaign-waves').scrollIntoView()");
    Chromium.screenshot(browser, "campaign-waves");

    JsonNode waves = api.get("/api/v1/campaigns/" + campaignId, operator.accessToken()).body().get("waves");
    for (JsonNode wave : waves) {
      WebElement row = browser.findElement(By.id("wave-" + wave.get("id").asText()));
      assertEquals(String.valueOf(wave.at("/counts/waiting").asLong()),
          row.findElement(By.className("wave-waiting")).getText(), "the page counts as the API: " + wave);
      assertEquals(String.valueOf(wave.at("/counts/failed").asLong()),
          row.findElement(By.className("wave-failed")).getText(), wave.toString());
    }
    assertEquals(202, api.post("/api/v1/campaigns/" + campaignId + "/cancel", operator.accessToken(), null).status());
  }

  private long waitingOnPage() {
    return browser.findElements(By.cssSelector("#campaign-waves .wave-waiting")).stream()
        .mapToLong(cell -> Long.parseLong(cell.getText().trim())).sum();
  }
}
