package dev.vocero.workers.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every console browser test does: a fresh headless Chromium per test (skipped with install advice when there
 * is none, {@link Chromium}), signing in through the form, waiting out htmx's swaps, and reading the console's rows of
 * the audit trail. Each test class runs its own application and says on which port.
 */
abstract class ConsoleBrowserSupport {
  protected String base;
  protected WebDriver browser;

  /** The HTTP port of the test class's application. */
  protected abstract int port();

  @BeforeEach
  void openBrowser() {
    Chromium.assumeInstalled();
    base = "http://localhost:" + port();
    browser = Chromium.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Signs in through the form; the session cookie must be HttpOnly and SameSite=Lax. */
  protected void signIn(String email, String password) {
    browser.get(base + "/signin");
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("signin")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("signout")));
    var cookie = browser.manage().getCookieNamed("vocero_session");
    assertTrue(cookie.isHttpOnly(), "the session cookie is HttpOnly");
    assertEquals("Lax", cookie.getSameSite());
  }

  /** Clicks once the element is there and clickable (htmx may still be swapping it in). */
  protected void click(By by) {
    waitFor(driver -> {
      driver.findElement(by).click();
      return true;
    });
  }

  protected <T> T waitFor(Function<? super WebDriver, T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
        .ignoring(StaleElementReferenceException.class).until(condition); // htmx swaps elements
  }

  protected Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  protected Object asyncJs(String script) {
    return ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1]; " + script);
  }

  protected static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  /** The audit trail's actions on one object, oldest first, each by a signed-in user from the console. */
  protected static List<String> audited(TestDatabase db, String objectType, String objectId) {
    return db.jdbi().withHandle(h -> h.createQuery("select action from audit_log where object_type = :t and object_id = :id"
        + " and actor_type = 'user' and changes ->> 'via' = 'console' order by at, id").bind("t", objectType)
        .bind("id", objectId).mapTo(String.class).list());
  }
}
