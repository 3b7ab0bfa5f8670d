package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The access log names the request but never a whole phone number. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessLogPhoneTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9");

  @Test
  void givenPhoneNumbersInPathsAndQueries_whenRequestsAreLogged_itShouldMaskThem() throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ApiClient.Session admin = api.registerAndLogin("Cobranzas Norte");
    PrintStream original = System.out; // the request log's console appender writes to whatever System.out is now
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String log = "";
    try {
      api.send("DELETE", "/api/v1/dnc/+573001234560", admin.accessToken(), null);
      api.get("/api/v1/messages?phone=%2B573009876543", admin.accessToken());
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10)); // the appender writes asynchronously
      while (Instant.now().isBefore(deadline) && !log.contains("/api/v1/messages")) {
        Thread.sleep(100);
        log = captured.toString(StandardCharsets.UTF_8);
      }
    } finally {
      System.setOut(original);
    }
    assertTrue(log.contains("/api/v1/dnc/+57300•••4560"), log);
    assertTrue(log.contains("phone=+57300•••6543"), log);
    assertFalse(log.contains("3001234560") || log.contains("3009876543"), log);
  }
}
