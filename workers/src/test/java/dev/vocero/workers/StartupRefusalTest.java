package dev.vocero.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code server} and {@code worker} refuse published or missing secrets and the sandbox, saying what to set. */
class StartupRefusalTest {

  record Run(boolean failed, String stderr) {}

  private static Run run(String... args) throws Exception {
    VoceroApplication app = new VoceroApplication();
    Bootstrap<VoceroConfiguration> bootstrap = new Bootstrap<>(app);
    app.addDefaultCommands(bootstrap);
    app.initialize(bootstrap);
    bootstrap.setConfigurationFactoryFactory((klass, validator, mapper, prefix) -> // other tests leave dw.* behind
        new io.dropwizard.configuration.YamlConfigurationFactory<>(klass, validator, mapper, "ignored-by-this-test"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Optional<Throwable> failure = new Cli(new JarLocation(StartupRefusalTest.class), bootstrap,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    return new Run(failure.isPresent(), err.toString(StandardCharsets.UTF_8));
  }

  private static final String GOOD_KEY = """
      encryption:
        activeKeyId: k1
        keys: [{id: k1, key: cmVmdXNhbC10ZXN0LWtleS1yZWZ1c2FsLXRlc3Qta2U=}]""";

  private static String config(String telephony, String jwtSecret) throws Exception {
    return config(telephony, jwtSecret, GOOD_KEY);
  }

  private static String config(String telephony, String jwtSecret, String temporal) throws Exception {
    Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), "refusal", ".yml");
    Files.writeString(file, """
        database:
          url: jdbc:postgresql://localhost:1/never-reached
        auth:
          jwtSecret: %s
        temporal:
        %s
        telephony:
        %s
        """.formatted(jwtSecret, temporal.indent(2), telephony.indent(2)));
    return file.toString();
  }

  @Test
  void givenTheExampleDeploymentConfigWithNothingSet_whenServerStarts_itShouldRefuseNamingEachVariable() throws Exception {
    assumeTrue(System.getenv("VOCERO_JWT_SECRET") == null && System.getenv("TWILIO_AUTH_TOKEN") == null,
        "the deployment file reads these from the environment");
    Run run = run("server", Path.of("..", "deployment", "vocero.yml").toString());
    assertTrue(run.failed());
    assertTrue(run.stderr().contains("VOCERO_JWT_SECRET"), run.stderr());
    assertTrue(run.stderr().contains("TWILIO_ACCOUNT_SID"), run.stderr());
    assertTrue(run.stderr().contains("TWILIO_AUTH_TOKEN"), run.stderr());
    assertTrue(run.stderr().contains("temporal.encryption has no key: set VOCERO_PAYLOAD_KEY"), run.stderr());
    assertFalse(run.stderr().contains("\tat "), "a message, not a stack trace: " + run.stderr());
  }

  @Test
  void givenTheSandboxProvider_whenWorkerStarts_itShouldRefuseAndSayItRunsOnlyInDev() throws Exception {
    Run run = run("worker", config("provider: sandbox", "w".repeat(48)));
    assertTrue(run.failed());
    assertTrue(run.stderr().contains("telephony.provider is sandbox"), run.stderr());
    assertFalse(run.stderr().contains("jwtSecret"), "a good secret is not reported: " + run.stderr());
  }

  @Test
  void givenPublishedSecrets_whenServerStarts_itShouldRefuseEach() throws Exception {
    Run sandboxToken = run("server", config("provider: twilio\ntwilio:\n  accountSid: AC123\n  authToken: sandbox-auth-token",
        "set-by-dev-set-by-dev-set-by-dev-set-by-dev"));
    assertTrue(sandboxToken.failed());
    assertTrue(sandboxToken.stderr().contains("auth.jwtSecret"), sandboxToken.stderr());
    assertTrue(sandboxToken.stderr().contains("telephony.twilio.authToken"), sandboxToken.stderr());

    Run retell = run("server", config("provider: retell", "r".repeat(48)));
    assertTrue(retell.failed());
    assertTrue(retell.stderr().contains("RETELL_API_KEY"), retell.stderr());
    assertEquals(1, retell.stderr().lines().filter(l -> l.startsWith("  - ")).count(), retell.stderr());
  }

  @Test
  void givenThePublishedTestKeyAndAnActiveIdThatIsNoKey_whenWorkerStarts_itShouldRefuseNamingTheVariables() throws Exception {
    Run run = run("worker", config("provider: twilio\ntwilio:\n  accountSid: AC123\n  authToken: a-real-token",
        "w".repeat(48), """
        encryption:
          activeKeyId: k2
          keys: [{id: test-1, key: dm9jZXJvLXRlc3Qta2V5LXZvY2Vyby10ZXN0LWtleSE=}, {id: short, key: c2hvcnQ=}]"""));
    assertTrue(run.failed());
    assertTrue(run.stderr().contains("temporal.encryption key test-1 is published"), run.stderr());
    assertTrue(run.stderr().contains("temporal.encryption.keys[1] is not 32 bytes of base64"), run.stderr());
    assertTrue(run.stderr().contains("set VOCERO_PAYLOAD_KEY_ID"), run.stderr());
    assertFalse(run.stderr().contains("dm9jZXJv") || run.stderr().contains("c2hvcnQ="), "keys are never printed");
  }

  @Test
  void givenEncryptionExplicitlyOff_whenServerStarts_itShouldNotAskForAKey() throws Exception {
    Run run = run("server", config("provider: retell", "r".repeat(48), "encryption: {enabled: false}"));
    assertTrue(run.failed(), "refused for the missing Retell key only");
    assertFalse(run.stderr().contains("temporal.encryption"), run.stderr());
    assertEquals(1, run.stderr().lines().filter(l -> l.startsWith("  - ")).count(), run.stderr());
  }
}
