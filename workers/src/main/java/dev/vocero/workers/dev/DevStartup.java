package dev.vocero.workers.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.audio.AudioWorkflows;
import dev.vocero.api.auth.AccessTokens;
import dev.vocero.api.auth.AccountService;
import dev.vocero.api.auth.AuthConfig;
import dev.vocero.api.auth.AuthRequests;
import dev.vocero.api.auth.JwtService;
import dev.vocero.api.auth.PasswordHasher;
import dev.vocero.api.auth.RefreshTokens;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.UserDao;
import dev.vocero.store.events.WebhookEventDao;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.eclipse.jetty.server.Server;
import org.jdbi.v3.core.Jdbi;

/**
 * Once {@code dev} is up: create a dev admin on first start, restart the workflows of unfinished audios, call batches,
 * message waves, campaigns and pending webhook deliveries (the embedded Temporal keeps nothing across restarts) and
 * print where everything is.
 */
public class DevStartup implements ServerLifecycleListener {
  static final String DEV_ADMIN = "admin@vocero.local";

  private final VoceroConfiguration config;
  private final Jdbi jdbi;
  private final WorkflowClient client;
  private final ObjectMapper json;

  public DevStartup(VoceroConfiguration config, Jdbi jdbi, WorkflowClient client, ObjectMapper json) {
    this.config = config;
    this.jdbi = jdbi;
    this.client = client;
    this.json = json;
  }

  @Override
  public void serverStarted(Server server) {
    String password = ensureDevAdmin();
    int audios = UnfinishedAudios.restart(jdbi, new AudioWorkflows(client));
    UnfinishedWork.Restarted work = UnfinishedWork.restart(jdbi, client, json);
    SharedDaos.of(jdbi).use(WebhookEventDao.class, WebhookEventDao::redispatchPending); // the dispatcher starts them again
    DefaultServerFactory factory = (DefaultServerFactory) config.getServerFactory();
    int http = ((HttpConnectorFactory) factory.getApplicationConnectors().get(0)).getPort();
    int admin = ((HttpConnectorFactory) factory.getAdminConnectors().get(0)).getPort();
    String api = "http://localhost:" + http;
    System.out.println(String.join(System.lineSeparator(),
        "",
        "  Vocero dev is running.",
        "  Console        " + api + "/  (sign in as " + DEV_ADMIN + " with the password below)",
        "  API            " + api + "/api/v1",
        "  API reference  " + api + "/docs  (OpenAPI: " + api + "/openapi.json)",
        "  Health         http://localhost:" + admin + "/healthcheck  (Prometheus: http://localhost:" + admin
            + "/metrics)",
        "  Temporal       " + config.getTemporal().getTarget() + " (namespace " + config.getTemporal().getNamespace()
            + (config.getEmbedded() instanceof EmbeddedServices services && services.embeddedTemporal()
                ? "; embedded, in-process to this process's workers: the temporal CLI's workflow describe/show work, the Web UI's list needs"
                    + " 'temporal server start-dev' and dev --temporal localhost:7233)"
                : ")"),
        "  Codec          " + api + "/codec  (payloads are encrypted: temporal --codec-endpoint, docs/encryption.md)",
        "  Data           " + DevDefaults.dataDir(),
        "  Speech         " + config.getSpeech().describe(),
        "  Restarted      " + audios + " audio(s), " + work.describe() + " left unfinished by the last run",
        "",
        "  Log in:  curl -s -X POST " + api + "/api/v1/auth/login -H 'Content-Type: application/json' \\",
        "             -d '{\"email\":\"" + DEV_ADMIN + "\",\"password\":\"" + password + "\"}'",
        "  (the password is also in " + DevDefaults.dataDir().resolve("dev-admin-password") + ")",
        ""));
  }

  private String ensureDevAdmin() {
    Path file = DevDefaults.dataDir().resolve("dev-admin-password");
    try {
      if (SharedDaos.of(jdbi).with(UserDao.class, dao -> dao.findByEmailForLogin(DEV_ADMIN)).isEmpty()) {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        accounts().register(new AuthRequests.Register(DEV_ADMIN, password, "Dev admin", "Vocero dev"));
        Files.writeString(file, password, StandardCharsets.UTF_8);
      }
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "(see " + file + ")";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same registration as POST /api/v1/auth/register: organization, admin and default dictionary. */
  private AccountService accounts() {
    AuthConfig auth = config.getAuth();
    return new AccountService(jdbi, new PasswordHasher(auth.getBcryptCost()),
        new JwtService(auth.getJwtSecret(), auth.getIssuer(), auth.getAccessTokenSeconds(), Clock.systemUTC()),
        new RefreshTokens(jdbi, auth.getRefreshTokenSeconds(), Clock.systemUTC()),
        new AccessTokens(jdbi, auth.getAccessTokenSeconds(), Clock.systemUTC()));
  }
}
