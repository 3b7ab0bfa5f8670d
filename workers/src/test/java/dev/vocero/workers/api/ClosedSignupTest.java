package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.VoceroApplication;
import dev.vocero.workers.accounts.CreateOrganizationCommand;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-up closed (the default outside dev): organizations come from the command, not from anyone on the internet. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClosedSignupTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9", ConfigOverride.config("auth.openSignup", "false"));

  record Run(Optional<Throwable> failure, String out, String err) {}

  private static Run createOrganization(String... args) throws Exception {
    Path config = Files.createTempFile(Files.createDirectories(Path.of("target")), "create-org", ".yml");
    Files.writeString(config, """
        database:
          url: %s
          user: postgres
          password: postgres
        auth:
          jwtSecret: create-organization-test-secret-0123456789
          bcryptCost: 4
        """.formatted(DB.jdbcUrl()));
    VoceroApplication app = new VoceroApplication();
    Bootstrap<VoceroConfiguration> bootstrap = new Bootstrap<>(app);
    bootstrap.addCommand(new CreateOrganizationCommand());
    app.initialize(bootstrap);
    bootstrap.setConfigurationFactoryFactory((klass, validator, mapper, prefix) ->
        new io.dropwizard.configuration.YamlConfigurationFactory<>(klass, validator, mapper, "ignored-by-this-test"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      String[] argv = new String[args.length + 2];
      argv[0] = "create-organization";
      argv[1] = config.toString();
      System.arraycopy(args, 0, argv, 2, args.length);
      Optional<Throwable> failure = new Cli(new JarLocation(ClosedSignupTest.class), bootstrap, System.out,
          new PrintStream(err, true, StandardCharsets.UTF_8)).run(argv);
      return new Run(failure, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
    }
  }

  @Test
  void givenClosedSignup_whenAnyoneRegisters_itShouldRefuseAndTheCommandShouldCreateTheOrganization() throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Reply register = api.post("/api/v1/auth/register", null, Map.of("email", "intruso@example.com",
        "password", "correct horse battery", "name", "Intruso", "organization", "Gratis"));
    assertEquals(403, register.status());
    assertEquals("signup_closed", register.code());
    int orgs = DB.jdbi().withHandle(h -> h.createQuery("select count(*) from organizations").mapTo(Integer.class).one());
    assertEquals(0, orgs, "nothing stored");

    Run created = createOrganization("--name", "Cobranzas Andinas", "--admin-email", "lucia@andinas.example");
    assertTrue(created.failure().isEmpty(), created.err());
    Matcher password = Pattern.compile("First password \\(shown once; log in and change it\\): (\\S+)").matcher(created.out());
    assertTrue(password.find(), created.out());
    ApiClient.Session lucia = api.login("lucia@andinas.example", password.group(1));
    JsonNode me = api.get("/api/v1/auth/me", lucia.accessToken()).body();
    assertEquals("admin", me.at("/user/role").asText());
    assertEquals("Cobranzas Andinas", me.get("organizationName").asText(), me.toString());

    Run again = createOrganization("--name", "Otra", "--admin-email", "lucia@andinas.example");
    assertTrue(again.failure().isPresent());
    assertTrue(again.err().startsWith("Nothing was created:"), again.err());
    assertFalse(again.err().contains("\tat "), again.err());
  }
}
