package dev.vocero.store.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.campaigns.CampaignReportDao;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every dashboard and campaign-report query can be answered from indexes: each statement the DAOs send (with its
 * values, as the driver renders it) is explained with sequential scans priced out, and no table may still be scanned.
 */
class DashboardQueryPlanTest {
  static Jdbi jdbi;
  final UUID org = UUID.randomUUID();
  final Instant now = Instant.now();
  final Instant from = now.truncatedTo(ChronoUnit.DAYS);
  final Instant to = from.plus(1, ChronoUnit.DAYS);

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
  }

  @Test
  void givenTheDashboardQueries_whenPlanned_noneShouldScanAWholeTable() {
    List<String> statements = capture(h -> {
      DashboardDao dao = h.attach(DashboardDao.class);
      dao.campaignsByState(org);
      dao.runningCampaigns(org, now);
      dao.batchesByStatus(org);
      dao.callsPlaced(org, from, to);
      dao.callsEndedByDisposition(org, from, to);
      dao.messagesByState(org, from, to);
      dao.audiosFinished(org, from, to);
      dao.unresolvedAlerts(org);
    });
    assertEquals(8, statements.size());
    statements.forEach(DashboardQueryPlanTest::assertIndexed);
    // PostgreSQL 18 may also answer the messages block from (org_id, state, created_at) by skip scan; 16 cannot.
    List<String> today = List.of("call_attempts_org_placed_idx", "call_attempts_org_ended_idx",
        "messages_org_(created|state)_idx", "audios_org_completed_idx");
    for (int i = 0; i < today.size(); i++) {
      String plan = plan(statements.get(3 + i));
      assertTrue(Pattern.compile(today.get(i)).matcher(plan).find(),
          "a day of one organization is one index range: " + statements.get(3 + i) + "\n" + plan);
    }
  }

  @Test
  void givenTheCampaignReportQueries_whenPlanned_noneShouldScanAWholeTable() {
    UUID campaign = UUID.randomUUID();
    List<String> statements = capture(h -> {
      CampaignReportDao dao = h.attach(CampaignReportDao.class);
      dao.extras(org, campaign);
      dao.days(org, campaign);
      dao.batches(org, campaign);
      dao.endedAttempts(org, campaign);
      dao.waves(org, campaign);
      dao.messagesByState(org, campaign);
    });
    assertEquals(6, statements.size());
    statements.forEach(DashboardQueryPlanTest::assertIndexed);
  }

  @Test
  void givenAQueryWithoutAnIndex_whenPlanned_itShouldStillShowTheScan() {
    assertTrue(plan("select count(*) from call_attempts where batch_id = '" + UUID.randomUUID() + "'").contains("Seq Scan"),
        "the check itself must be able to fail");
  }

  private static List<String> capture(Consumer<Handle> queries) {
    List<String> statements = new ArrayList<>();
    jdbi.useHandle(h -> {
      h.addCustomizer(new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
          statements.add(stmt.toString()); // the driver inlines the bound values
        }
      });
      queries.accept(h);
    });
    return statements;
  }

  private static void assertIndexed(String sql) {
    String plan = plan(sql);
    assertFalse(plan.contains("Seq Scan"), sql + "\n" + plan);
  }

  private static String plan(String sql) {
    return jdbi.withHandle(h -> {
      h.execute("set enable_seqscan = off");
      return String.join("\n", h.createQuery("explain " + sql).mapTo(String.class).list());
    });
  }
}
