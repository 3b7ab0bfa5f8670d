package dev.vocero.workers.accounts;

import com.codahale.metrics.MetricRegistry;
import dev.vocero.api.auth.AccessTokens;
import dev.vocero.api.auth.AccountService;
import dev.vocero.api.auth.AuthConfig;
import dev.vocero.api.auth.AuthRequests;
import dev.vocero.api.auth.JwtService;
import dev.vocero.api.auth.PasswordHasher;
import dev.vocero.api.auth.RefreshTokens;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.VoceroDatabase;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code vocero create-organization vocero.yml --name … --admin-email …}: how organizations come to be when sign-up
 * is closed (the default outside dev). Prints the admin's first password once; they change it after logging in.
 */
public class CreateOrganizationCommand extends ConfiguredCommand<VoceroConfiguration> {

  public CreateOrganizationCommand() {
    super("create-organization", "Creates an organization and its first admin (sign-up is closed outside dev)");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--name").required(true).help("the organization's name, e.g. \"Cobranzas Andinas\"");
    subparser.addArgument("--admin-email").dest("admin_email").required(true).help("the first admin's e-mail");
    subparser.addArgument("--admin-name").dest("admin_name").setDefault("Admin").help("the first admin's name");
  }

  @Override
  protected void run(Bootstrap<VoceroConfiguration> bootstrap, Namespace namespace, VoceroConfiguration config)
      throws Exception {
    ManagedDataSource dataSource = config.getDatabase().build(new MetricRegistry(), "create-organization");
    try {
      VoceroDatabase.migrate(dataSource);
      Jdbi jdbi = VoceroDatabase.configure(Jdbi.create(dataSource));
      String password = newPassword();
      AuthRequests.Register request = new AuthRequests.Register(namespace.getString("admin_email"), password,
          namespace.getString("admin_name"), namespace.getString("name"));
      var problems = bootstrap.getValidatorFactory().getValidator().validate(request);
      if (!problems.isEmpty()) {
        throw new Refused(problems.stream().map(p -> p.getPropertyPath() + " " + p.getMessage()).sorted()
            .collect(java.util.stream.Collectors.joining("; ")));
      }
      var admin = accounts(jdbi, config.getAuth()).register(request);
      System.out.println(String.join(System.lineSeparator(),
          "Created organization " + admin.orgId() + " (" + namespace.getString("name") + ")",
          "Admin: " + admin.email(),
          "First password (shown once; log in and change it): " + password));
    } catch (ApiException e) {
      throw new Refused(e.getMessage());
    } finally {
      dataSource.stop();
    }
  }

  @Override
  public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable e) {
    if (e instanceof Refused) {
      cli.getStdErr().println("Nothing was created: " + e.getMessage());
    } else {
      super.onError(cli, namespace, e);
    }
  }

  /** A request Vocero refuses (a taken e-mail, a bad name): said in one line, without a stack trace. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private static String newPassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static AccountService accounts(Jdbi jdbi, AuthConfig auth) {
    Clock clock = Clock.systemUTC();
    return new AccountService(jdbi, new PasswordHasher(auth.getBcryptCost()),
        new JwtService(auth.getJwtSecret(), auth.getIssuer(), auth.getAccessTokenSeconds(), clock),
        new RefreshTokens(jdbi, auth.getRefreshTokenSeconds(), clock),
        new AccessTokens(jdbi, auth.getAccessTokenSeconds(), clock));
  }
}
