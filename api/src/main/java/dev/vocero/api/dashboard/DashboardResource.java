package dev.vocero.api.dashboard;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.credits.CreditAccount;
import dev.vocero.store.credits.CreditDao;
import dev.vocero.store.dashboard.DashboardDao;
import dev.vocero.workflows.campaigns.CampaignState;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * GET /api/v1/dashboard/overview: one screen for an operations manager, read from one database snapshot with one
 * query per block. Organizations have no time zone yet, so "today" is the UTC day.
 */
@Path("/api/v1/dashboard/overview")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
  private static final List<String> CAMPAIGN_STATES = List.of(CampaignState.DRAFT.wire(), CampaignState.SCHEDULED.wire(),
      CampaignState.RUNNING.wire(), CampaignState.PAUSED.wire(), CampaignState.COMPLETED.wire(), CampaignState.CANCELLED.wire());
  private static final List<String> BATCH_STATUSES = List.of("running", "paused", "completed", "cancelled", "failed");
  private static final List<String> MESSAGE_STATES = List.of("pending", "processing", "sent", "delivered", "read",
      "failed", "cancelled");

  private final Jdbi jdbi;
  private final Clock clock;

  public DashboardResource(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public DashboardViews.Overview overview(@Auth VoceroPrincipal caller) {
    Instant now = clock.instant();
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
        handle -> overview(handle, caller.orgId(), now, day, from, to));
  }

  private static DashboardViews.Overview overview(Handle handle, UUID orgId, Instant now, LocalDate day, Instant from,
      Instant to) {
    DashboardDao dao = SharedDaos.attach(handle, DashboardDao.class);
    List<DashboardViews.RunningCampaign> running = dao.runningCampaigns(orgId, now).stream()
        .map(c -> new DashboardViews.RunningCampaign(c.id(), c.name(), c.timeZone(), c.dailyQuota(), c.startedToday()))
        .toList();
    Map<String, Long> ended = dao.callsEndedByDisposition(orgId, from, to);
    Map<String, Long> messages = dao.messagesByState(orgId, from, to);
    CreditAccount credits = SharedDaos.attach(handle, CreditDao.class).account(orgId)
        .orElse(new CreditAccount(orgId, 0, 0, false));
    DashboardDao.AudioCounts audio = dao.audiosFinished(orgId, from, to);
    DashboardDao.AlertCounts alerts = dao.unresolvedAlerts(orgId);
    return new DashboardViews.Overview(now, day, "UTC",
        new DashboardViews.Campaigns(DashboardViews.withZeros(CAMPAIGN_STATES, dao.campaignsByState(orgId)), running),
        new DashboardViews.Batches(DashboardViews.withZeros(BATCH_STATUSES, dao.batchesByStatus(orgId))),
        new DashboardViews.Calls(dao.callsPlaced(orgId, from, to), sum(ended), ended),
        new DashboardViews.Messages(sum(messages), DashboardViews.withZeros(MESSAGE_STATES, messages)),
        new DashboardViews.Credits(credits.balance(), credits.reserved(), credits.available(), credits.enforced()),
        new DashboardViews.Audio(audio.completed(), audio.failed()),
        new DashboardViews.Alerts(alerts.open(), alerts.assigned()));
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
