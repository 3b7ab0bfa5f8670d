package dev.vocero.workers.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The operating system's headless Chromium and its driver (Debian: {@code chromium}, {@code chromium-driver}), or
 * {@code CHROME_BIN} and {@code CHROMEDRIVER}. Without them the browser tests are skipped, saying how to install them.
 */
final class Chromium {
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  private Chromium() {}

  static void assumeInstalled() {
    Assumptions.assumeTrue(binary().isPresent() && driver().isPresent(),
        "Browser tests skipped: no Chromium and chromedriver found. Install them (Debian/Ubuntu, as root: "
            + "apt-get install -y chromium chromium-driver) or set CHROME_BIN and CHROMEDRIVER.");
  }

  static WebDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary().orElseThrow().toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required", "--lang=en-US",
        "--user-data-dir=" + tempDir("chromium-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driver().orElseThrow().toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 800));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(20));
    return driver;
  }

  static void screenshot(WebDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> binary() {
    return first(System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome");
  }

  private static Optional<Path> driver() {
    return first(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
  }

  private static Optional<Path> first(String... candidates) {
    return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).map(Path::of)
        .filter(Files::isExecutable).findFirst();
  }

  private static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
