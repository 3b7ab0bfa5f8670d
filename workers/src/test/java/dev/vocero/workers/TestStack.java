package dev.vocero.workers;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.dev.EmbeddedTemporal;
import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import dev.vocero.workflows.codec.EncryptionCodec;
import dev.vocero.workflows.codec.PayloadKey;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Real PostgreSQL, a real Temporal test server (on a port, and in-process to the application, as dev runs it), and the real application, for one test class. */
public final class TestStack {
  private static EmbeddedTemporal temporal;
  private static int temporalPort;

  /** Not published like test-vocero.yml's key (which server and worker refuse); the same id, so payloads interchange. */
  public static final String SERVER_PAYLOAD_KEY = "c2VydmVyLXRlc3Qta2V5LXNlcnZlci10ZXN0LWtleSE=";

  /** test-vocero.yml's payload key (temporal.encryption). */
  public static final String TEST_PAYLOAD_KEY = "dm9jZXJvLXRlc3Qta2V5LXZvY2Vyby10ZXN0LWtleSE=";

  private TestStack() {}

  /** A Temporal client with the payload codec of test-vocero.yml, as the application's own client has. */
  public static WorkflowClient client(WorkflowServiceStubs stubs) {
    return WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setDataConverter(codec().dataConverter()).build());
  }

  /** The payload codec of test-vocero.yml, as an operator's codec server would apply it. */
  public static EncryptionCodec codec() {
    return new EncryptionCodec(List.of(PayloadKey.fromBase64("test-1", TEST_PAYLOAD_KEY)), "test-1");
  }

  /** One Temporal test server (real time) per test JVM; workflow IDs are unique per test. */
  public static synchronized String temporalTarget() {
    if (temporal == null) {
      temporalPort = freePort();
      temporal = EmbeddedTemporal.start(temporalPort); // as dev runs it: the benchmarks measure the embedded engine
      Runtime.getRuntime().addShutdownHook(new Thread(temporal::close));
    }
    return "localhost:" + temporalPort;
  }

  /** The application with API and workers in one process (as {@code dev}, minus the embedded services). */
  public static DropwizardAppExtension<VoceroConfiguration> app(TestDatabase db, Supplier<String> temporalTarget,
      Supplier<String> speechBaseUrl, ConfigOverride... extra) {
    return app(Mode.ALL, db, temporalTarget, speechBaseUrl, extra);
  }

  public static DropwizardAppExtension<VoceroConfiguration> app(Mode mode, TestDatabase db, Supplier<String> temporalTarget,
      Supplier<String> speechBaseUrl, ConfigOverride... extra) {
    return app(ResourceHelpers.resourceFilePath("test-vocero.yml"), mode, db, temporalTarget, speechBaseUrl, extra);
  }

  /** The same, from another configuration file (the benchmarks use a copy without the request log). */
  public static DropwizardAppExtension<VoceroConfiguration> app(String configPath, Mode mode, TestDatabase db,
      Supplier<String> temporalTarget, Supplier<String> speechBaseUrl, ConfigOverride... extra) {
    return app(VoceroApplication.class, configPath, mode, db, temporalTarget, speechBaseUrl, extra);
  }

  /** The same with an application subclass that replaces an adapter (for example the language model). */
  public static DropwizardAppExtension<VoceroConfiguration> app(Class<? extends VoceroApplication> application,
      String configPath, Mode mode, TestDatabase db, Supplier<String> temporalTarget, Supplier<String> speechBaseUrl,
      ConfigOverride... extra) {
    int port = freePort(); // fixed up front: the sandbox telephony calls the app back on it
    List<ConfigOverride> overrides = new ArrayList<>(List.of(
        ConfigOverride.config("server.applicationConnectors[0].port", String.valueOf(port)),
        ConfigOverride.config("telephony.publicBaseUrl", "http://localhost:" + port),
        ConfigOverride.config("temporal.target", temporalTarget),
        ConfigOverride.config("speech.baseUrl", speechBaseUrl),
        ConfigOverride.config("blobs.endpoint", () -> "file:" + tempDir("blobs"))));
    if (db != null) { // null: the caller names its own database.url among the extra overrides
      overrides.add(ConfigOverride.config("database.url", db::jdbcUrl));
    }
    overrides.addAll(List.of(extra));
    return new DropwizardAppExtension<>(application, configPath,
        (String) null, app -> new ModeCommand(app, "test", "test process", mode),
        overrides.toArray(ConfigOverride[]::new)) {
      @Override
      public void after() {
        super.after();
        // an override given twice restores the first one's value on removal; no test's settings reach the next one
        System.getProperties().keySet().removeIf(key -> key.toString().startsWith("dw."));
      }
    };
  }

  /**
   * What {@code server} and {@code worker} need beyond the test configuration: a provider other than the sandbox, Twilio
   * credentials (with this auth token), a payload key and a JWT secret that is not published in the repository; followed by
   * {@code more}, which must not name these keys again (an override given twice leaks its first value into later tests:
   * each one restores what it found when it was set).
   */
  public static ConfigOverride[] serverSecrets(String provider, String twilioAuthToken, ConfigOverride... more) {
    List<ConfigOverride> overrides = new ArrayList<>(List.of(
        ConfigOverride.config("auth.jwtSecret", "server-test-" + "5e".repeat(24)),
        ConfigOverride.config("telephony.provider", provider),
        ConfigOverride.config("telephony.twilio.accountSid", "AC" + "0".repeat(32)),
        ConfigOverride.config("telephony.twilio.authToken", twilioAuthToken),
        ConfigOverride.config("temporal.encryption.keys[0].key", SERVER_PAYLOAD_KEY)));
    overrides.addAll(List.of(more));
    return overrides.toArray(ConfigOverride[]::new);
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
