package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchStatus;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.pace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.calls.BatchProgress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Holding and releasing members, without Temporal: the control is a fake that answers from a map. */
class CampaignMembersTest {
  private static final UUID CAMPAIGN = UUID.randomUUID();

  private final FakeControl control = new FakeControl();
  private final List<String> noCredit = new ArrayList<>();

  @Test
  void givenANewBatch_whenWantedActive_itShouldStartItAndCountFromItsFirstProgress() {
    CampaignBatch batch = CampaignBatch.attached(UUID.randomUUID(), pace(1));
    CampaignMembers<CampaignBatch, BatchProgress> members = members(batch);
    control.answer(batch, progress(BatchStatus.RUNNING, 3, false, null));

    members.reconcile(b -> true);

    assertEquals(List.of("start " + batch.batchId()), control.calls);
    CampaignBatch now = members.get(batch.batchId());
    assertTrue(now.launched());
    assertEquals(MemberStatus.ACTIVE, now.status());
    control.answer(batch, progress(BatchStatus.RUNNING, 10, false, null));
    members.refreshActive();
    assertEquals(7, members.countToday(), "started since the release");
    assertEquals(10, members.countTotal());
  }

  @Test
  void givenABatchFoundPausedByAPerson_whenWantedActive_itShouldAdoptAndReleaseIt() {
    CampaignBatch batch = CampaignBatch.attached(UUID.randomUUID(), pace(1));
    CampaignMembers<CampaignBatch, BatchProgress> members = members(batch);
    control.answer(batch, progress(BatchStatus.PAUSED, 2, true, null));

    members.reconcile(b -> true);

    assertEquals(List.of("start " + batch.batchId(), "release " + batch.batchId()), control.calls);
    assertTrue(noCredit.isEmpty());
  }

  @Test
  void givenABatchThatPausedItselfForCredit_whenWantedActive_itShouldNotReleaseItAndReportTheLackOfCredit() {
    CampaignBatch batch = CampaignBatch.attached(UUID.randomUUID(), pace(1));
    CampaignMembers<CampaignBatch, BatchProgress> members = members(batch);
    control.answer(batch, progress(BatchStatus.PAUSED, 2, true, CampaignMembers.NO_CREDIT));

    members.reconcile(b -> true);

    assertEquals(List.of("start " + batch.batchId()), control.calls);
    assertEquals(List.of("batch " + batch.batchId()), noCredit);
  }

  @Test
  void givenAMemberThatCannotRunBeforeItsLaunch_whenHeld_itShouldOnlyBeMarkedHeld() {
    control.mayRunBeforeLaunch = false;
    CampaignBatch batch = CampaignBatch.attached(UUID.randomUUID(), pace(1));
    CampaignMembers<CampaignBatch, BatchProgress> members = members(batch);

    members.reconcile(b -> false);

    assertTrue(control.calls.isEmpty());
    assertEquals(MemberStatus.HELD, members.get(batch.batchId()).status());
    assertFalse(members.get(batch.batchId()).launched());
  }

  @Test
  void givenAnAttachedBatchThatMayAlreadyRun_whenHeld_itShouldBePausedThroughItsControl() {
    CampaignBatch batch = CampaignBatch.attached(UUID.randomUUID(), pace(1));
    CampaignMembers<CampaignBatch, BatchProgress> members = members(batch);

    members.reconcile(b -> false);

    assertEquals(List.of("hold " + batch.batchId()), control.calls);
    assertEquals(MemberStatus.HELD, members.get(batch.batchId()).status(), "no workflow yet: only held");
  }

  @Test
  void givenALaunchedBatchWhoseWorkflowIsGoneOrEnded_whenRead_itShouldCountAsDone() {
    CampaignBatch gone = new CampaignBatch(UUID.randomUUID(), pace(1), true, MemberStatus.ACTIVE, 5, 5);
    CampaignBatch ended = new CampaignBatch(UUID.randomUUID(), pace(1), true, MemberStatus.ACTIVE, 5, 5);
    CampaignMembers<CampaignBatch, BatchProgress> members = members(gone, ended);
    control.answer(ended, progress(BatchStatus.CANCELLED, 6, false, null));

    members.refreshActive();

    assertEquals(MemberStatus.COMPLETED, members.get(gone.batchId()).status());
    assertEquals(MemberStatus.CANCELLED, members.get(ended.batchId()).status());
    assertEquals(6, members.get(ended.batchId()).started());
    assertTrue(members.allDone());
  }

  @Test
  void givenOpenMembers_whenCancelled_itShouldSignalOnlyThoseWithAWorkflow() {
    CampaignBatch launched = new CampaignBatch(UUID.randomUUID(), pace(1), true, MemberStatus.HELD, 1, 1);
    CampaignBatch fresh = CampaignBatch.attached(UUID.randomUUID(), pace(1));
    CampaignBatch done = new CampaignBatch(UUID.randomUUID(), pace(1), true, MemberStatus.COMPLETED, 2, 2);
    CampaignMembers<CampaignBatch, BatchProgress> members = members(launched, fresh, done);

    assertEquals(1, members.cancelOpen("stop"));

    assertEquals(List.of("cancel " + launched.batchId()), control.calls);
    assertTrue(members.all().stream().allMatch(CampaignBatch::done));
    assertEquals(MemberStatus.COMPLETED, members.get(done.batchId()).status(), "an ended one keeps its status");
  }

  private CampaignMembers<CampaignBatch, BatchProgress> members(CampaignBatch... batches) {
    return new CampaignMembers<>(control, List.of(batches), CAMPAIGN, LoggerFactory.getLogger(getClass()),
        noCredit::add);
  }

  private static BatchProgress progress(BatchStatus status, int started, boolean paused, String reason) {
    return new BatchProgress(status, started, 0, 0, paused, 1, 10, reason);
  }

  /** Answers each batch's current progress (null: no workflow) and records what was asked. */
  private static final class FakeControl implements MemberControl<CampaignBatch, BatchProgress> {
    final List<String> calls = new ArrayList<>();
    final Map<UUID, BatchProgress> progress = new HashMap<>();
    boolean mayRunBeforeLaunch = true;

    void answer(CampaignBatch batch, BatchProgress now) {
      progress.put(batch.batchId(), now);
    }

    private BatchProgress call(String what, CampaignBatch batch) {
      calls.add(what + " " + batch.batchId());
      return progress.get(batch.batchId());
    }

    @Override
    public String kind() {
      return "batch";
    }

    @Override
    public BatchProgress start(CampaignBatch batch) {
      return call("start", batch);
    }

    @Override
    public BatchProgress hold(CampaignBatch batch) {
      return call("hold", batch);
    }

    @Override
    public BatchProgress release(CampaignBatch batch) {
      return call("release", batch);
    }

    @Override
    public BatchProgress progress(CampaignBatch batch) {
      return progress.get(batch.batchId());
    }

    @Override
    public boolean cancel(CampaignBatch batch, String reason) {
      calls.add("cancel " + batch.batchId());
      return true;
    }

    @Override
    public boolean mayRunBeforeLaunch() {
      return mayRunBeforeLaunch;
    }

    @Override
    public MemberStatus ended(BatchProgress p) {
      return p.status() == BatchStatus.COMPLETED ? MemberStatus.COMPLETED
          : p.status() == BatchStatus.CANCELLED ? MemberStatus.CANCELLED : null;
    }

    @Override
    public int count(BatchProgress p) {
      return p.started();
    }

    @Override
    public boolean paused(BatchProgress p) {
      return p.paused();
    }

    @Override
    public String pauseReason(BatchProgress p) {
      return p.pauseReason();
    }

    @Override
    public CampaignBatch seen(CampaignBatch batch, MemberStatus status, BatchProgress p) {
      return new CampaignBatch(batch.batchId(), batch.settings(), true, status, p.started(), p.finished());
    }

    @Override
    public CampaignBatch withStatus(CampaignBatch batch, boolean launched, MemberStatus status) {
      return new CampaignBatch(batch.batchId(), batch.settings(), launched, status, batch.started(), batch.finished());
    }
  }
}
