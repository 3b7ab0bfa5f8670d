package dev.vocero.activities.calls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ContactRow;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.workflows.calls.BatchActivities.BatchStatusChange;
import dev.vocero.workflows.calls.BatchActivities.ContactCheck;
import dev.vocero.workflows.calls.BatchStatus;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.calls.ContactOutcome;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.campaigns.CampaignIds;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real PostgreSQL and a real Temporal test server: which contacts' call workflows closed without reporting. */
class BatchActivitiesImplTest {
  static Jdbi jdbi;

  final UUID org = UUID.randomUUID();
  final UUID batch = UUID.randomUUID();
  TestWorkflowEnvironment temporal;
  BatchActivitiesImpl activities;

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
  }

  @BeforeEach
  void setUp() {
    temporal = TestWorkflowEnvironment.newInstance();
    activities = new BatchActivitiesImpl(jdbi, temporal.getWorkflowClient());
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org"));
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(batch, org, "B", "{}", "x.csv", "csv", 3, 3, 0, null));
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, batch, List.of(contact(2), contact(3), contact(4))));
  }

  @AfterEach
  void tearDown() {
    temporal.close();
  }

  @Test
  void givenRunningTerminatedAndVanishedCallWorkflows_itShouldReportOnlyTheClosedOnesWithTheirResult() {
    List<Long> ids = jdbi.withExtension(ContactDao.class, dao -> dao.idsAfter(org, batch, 0, 10));
    long running = ids.get(0);
    long terminated = ids.get(1);
    long vanished = ids.get(2);
    start(running);
    start(terminated).terminate("operator ended the call by hand");
    jdbi.useExtension(ContactDao.class, dao -> dao.recordResult(org, vanished, "answered_human", 1));

    List<ContactOutcome> closed = activities.closedContacts(new ContactCheck(org, batch, ids));

    assertEquals(List.of(new ContactOutcome(terminated, Disposition.FAILED, 0),
        new ContactOutcome(vanished, Disposition.ANSWERED_HUMAN, 1)), closed);
    ContactRow failed = jdbi.withExtension(ContactDao.class, dao -> dao.find(org, terminated)).orElseThrow();
    assertEquals("done", failed.status());
    assertEquals("failed", failed.finalDisposition());
    assertEquals(List.of("the contact's call workflow ended (terminated) without reporting to the batch"),
        jdbi.withHandle(h -> h.createQuery("select reason from call_decisions where contact_id = :c")
            .bind("c", terminated).mapTo(String.class).list()));
    assertEquals("pending", jdbi.withExtension(ContactDao.class, dao -> dao.find(org, running)).orElseThrow().status());
  }

  @Test
  void givenABatchOfARunningCampaign_whenItCompletes_itShouldSignalTheCampaignOnceAndNotWhileItRuns() {
    UUID campaign = UUID.randomUUID();
    jdbi.useHandle(h -> h.execute("insert into campaigns (id, org_id, name, state, start_date, end_date, weekdays,"
        + " window_start, window_end, time_zone) values (?, ?, 'C', 'running', date '2026-12-07', date '2026-12-31',"
        + " '{MONDAY}', time '08:00', time '18:00', 'America/Bogota')", campaign, org));
    jdbi.useExtension(CampaignDao.class, dao -> dao.attach(campaign, org, List.of(batch)));
    String campaignWorkflow = CampaignIds.campaignWorkflowId(campaign);
    temporal.getWorkflowClient().newUntypedWorkflowStub("Campaign", WorkflowOptions.newBuilder()
        .setWorkflowId(campaignWorkflow).setTaskQueue("no-worker").build()).start();

    activities.recordBatchStatus(new BatchStatusChange(org, batch, BatchStatus.RUNNING, 1, 0));
    activities.recordBatchStatus(new BatchStatusChange(org, batch, BatchStatus.COMPLETED, 3, 3));

    assertEquals(List.of("memberEnded"), signals(campaignWorkflow));
    assertEquals("completed", jdbi.withHandle(h -> h.createQuery("select status from call_batches where id = :b")
        .bind("b", batch).mapTo(String.class).one()));
  }

  @Test
  void givenABatchOfACampaignThatIsNotRunning_whenItCompletes_itShouldStillRecordIt() {
    UUID campaign = UUID.randomUUID();
    jdbi.useHandle(h -> h.execute("insert into campaigns (id, org_id, name, state, start_date, end_date, weekdays,"
        + " window_start, window_end, time_zone) values (?, ?, 'C', 'draft', date '2026-12-07', date '2026-12-31',"
        + " '{MONDAY}', time '08:00', time '18:00', 'America/Bogota')", campaign, org));
    jdbi.useExtension(CampaignDao.class, dao -> dao.attach(campaign, org, List.of(batch)));

    assertDoesNotThrow(() -> activities.recordBatchStatus(new BatchStatusChange(org, batch, BatchStatus.CANCELLED, 0, 0)));

    assertEquals("cancelled", jdbi.withHandle(h -> h.createQuery("select status from call_batches where id = :b")
        .bind("b", batch).mapTo(String.class).one()));
  }

  private List<String> signals(String workflowId) {
    return temporal.getWorkflowClient().fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.hasWorkflowExecutionSignaledEventAttributes())
        .map(e -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName()).toList();
  }

  private WorkflowStub start(long contactId) {
    WorkflowStub stub = temporal.getWorkflowClient().newUntypedWorkflowStub("ContactCall", WorkflowOptions.newBuilder()
        .setWorkflowId(CallIds.contactWorkflowId(batch, contactId)).setTaskQueue("no-worker").build());
    stub.start();
    return stub;
  }

  private static ContactDao.NewContact contact(int row) {
    return new ContactDao.NewContact(row, "Cliente " + row, List.of("+57300123456" + row), null, null, "America/Bogota",
        null, null, "{}");
  }
}
