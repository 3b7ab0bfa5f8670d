package dev.vocero.api.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.audio.AudioIntake;
import dev.vocero.api.audio.AudioService;
import dev.vocero.api.audit.AuditSnapshots;
import dev.vocero.api.audit.AuditTrail;
import dev.vocero.api.auth.AccountService;
import dev.vocero.api.auth.LoginRateLimiter;
import dev.vocero.api.calls.BatchImport;
import dev.vocero.api.calls.BatchReports;
import dev.vocero.api.calls.BatchService;
import dev.vocero.api.calls.ContactLists;
import dev.vocero.api.campaigns.CampaignEstimateResource;
import dev.vocero.api.campaigns.CampaignReports;
import dev.vocero.api.campaigns.CampaignService;
import dev.vocero.api.chat.ChatService;
import dev.vocero.api.dashboard.DashboardResource;
import dev.vocero.api.http.ClientAddress;
import dev.vocero.store.blob.BlobStore;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.jersey.validation.Validators;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/** The operator's console (docs/console.md): pages at {@code /} over the same services as the REST API. */
public final class Console {
  /** How long a sign-in lasts; the user is checked again every few seconds within it. */
  public static final Duration SESSION = Duration.ofHours(12);

  private Console() {}

  /** The services the REST resources use, shared so the console follows the same rules. */
  public record Services(AccountService accounts, LoginRateLimiter limiter, ClientAddress clientAddress,
      AudioIntake audioIntake, AudioService audios, BlobStore blobs, BatchImport batchImport, BatchService batches,
      BatchReports batchReports, ContactLists contactLists, DashboardResource dashboard, AuditTrail audit) {}

  /** What the chat and campaign pages use (the REST resources' services), and the links to the Temporal Web UI. */
  public record ChatAndCampaigns(ChatService chats, CampaignService campaigns, CampaignEstimateResource estimates,
      CampaignReports campaignReports, WorkflowLinks links) {}

  public static void register(JerseyEnvironment jersey, Services s, ChatAndCampaigns c, Jdbi jdbi, ObjectMapper json,
      String publicBaseUrl, Clock clock) {
    Pages pages = new Pages();
    ConsoleSessions sessions = new ConsoleSessions(jdbi, SESSION, clock);
    ConsoleCookies cookies = new ConsoleCookies(publicBaseUrl);
    jersey.register(new ConsoleFilter(sessions, new ConsoleText(), pages));
    jersey.register(new ConsoleAssets());
    jersey.register(new ConsoleAudit(s.audit(), new AuditSnapshots(jdbi, json), s.clientAddress()));
    jersey.register(new SignInPage(s.accounts(), s.limiter(), s.clientAddress(), sessions, cookies, pages, s.audit()));
    jersey.register(new HomePage(s.dashboard(), pages));
    jersey.register(new RecordingPages(s.audioIntake(), s.audios(), s.blobs(), jdbi, pages, c.links()));
    jersey.register(new BatchPages(s.batchImport(), s.batches(), s.batchReports(), s.contactLists(),
        new BatchEvents(Duration.ofSeconds(1), Duration.ofMinutes(10)), jdbi, json, pages, c.links()));
    jersey.register(new ChatPages(c.chats(), pages));
    jersey.register(new CampaignPages(c.campaigns(), c.estimates(), c.campaignReports(), s.batches(), jdbi, json,
        Validators.newValidator(), c.links(), clock, pages));
  }
}
