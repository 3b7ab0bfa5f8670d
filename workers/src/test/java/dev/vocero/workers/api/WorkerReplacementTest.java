package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.VoceroApplication;
import dev.vocero.workers.config.VoceroConfiguration;
import dev.vocero.workers.temporal.VoceroWorkers;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker process stopped mid-batch (its WorkerFactory shut down while calls ring) and replaced by a new one on the
 * same task queues: the batch completes and every contact is dialed exactly once, counted both in our attempts and
 * in the provider's own status callbacks (one call sid per contact).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WorkerReplacementTest {
  static final TestDatabase DB = TestDatabase.fresh();
  // answered calls last 45 s × 0.05 ≈ 2.3 s, so calls are in flight when the worker stops
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9", ConfigOverride.config("telephony.sandbox.speed", "0.05"),
      // the test server never moves a task off a stopped worker's sticky queue (a real server does after 5 s)
      ConfigOverride.config("worker.stickyScheduleToStartSeconds", "0"));
  static final int CONTACTS = 24;
  static final String SETTINGS = """
      {"name":"Relevo de worker","callsPerSecond":8,"maxConcurrentCalls":6,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":30}""";

  @Test
  void givenCallsInFlight_whenTheWorkerIsStoppedAndReplaced_itShouldFinishTheBatchDialingEachContactOnce() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session session = api.registerAndLogin("Relevos S.A.");
    StringBuilder csv = new StringBuilder("Nombre,Celular\n");
    for (int i = 0; i < CONTACTS; i++) {
      csv.append("Cliente ").append(i).append(",300555").append(String.format("%03d", i)).append("0\n"); // ends in 0: answered
    }
    Reply created = api.upload("/api/v1/batches", session.accessToken(), "file", "relevo.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8), Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    UUID batchId = UUID.fromString(created.body().get("id").asText());

    VoceroWorkers first = ((VoceroApplication) APP.getApplication()).workers();
    eventually("a few calls are ringing", () -> placed(batchId) >= 4);
    first.stop();
    int placedWhenStopped = placed(batchId);
    assertTrue(placedWhenStopped < CONTACTS, "the worker stopped mid-batch (" + placedWhenStopped + " placed)");
    assertTrue(inFlight(batchId) > 0, "calls were in flight when the worker stopped");

    VoceroWorkers second = first.replacement();
    second.start();
    try {
      eventually("the batch completes", () -> "completed".equals(
          api.get("/api/v1/batches/" + batchId, session.accessToken()).body().at("/batch/status").asText()));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; " + state(batchId), e);
    } finally {
      second.stop();
    }

    assertEquals(CONTACTS, count("select count(*) from contacts where batch_id = :b and status = 'done'"
        + " and final_disposition = 'answered_human'", batchId));
    assertEquals(List.of(1), DB.jdbi().withHandle(h -> h.createQuery("select distinct count(*) from call_attempts"
        + " where batch_id = :b and placed_at is not null group by contact_id").bind("b", batchId).mapTo(Integer.class)
        .list()), "one placed attempt per contact");
    assertEquals(CONTACTS, count("select count(*) from call_attempts where batch_id = :b", batchId), "no extra attempt");
    // the provider's side: each dial gets its own call sid, and every callback names it
    assertEquals(List.of(1), DB.jdbi().withHandle(h -> h.createQuery("select distinct count(distinct e.provider_call_id)"
        + " from provider_events e join call_attempts a on a.id = e.attempt_id where a.batch_id = :b group by a.contact_id")
        .bind("b", batchId).mapTo(Integer.class).list()), "one provider call per contact");
  }

  /** What PostgreSQL and Temporal say, for a failure message. */
  private static String state(UUID batchId) {
    String contacts = DB.jdbi().withHandle(h -> h.createQuery("select status || ':' || count(*) from contacts"
        + " where batch_id = :b group by status").bind("b", batchId).mapTo(String.class).list()).toString();
    io.temporal.client.WorkflowClient client = io.temporal.client.WorkflowClient.newInstance(
        io.temporal.serviceclient.WorkflowServiceStubs.newServiceStubs(
            io.temporal.serviceclient.WorkflowServiceStubsOptions.newBuilder().setTarget(TestStack.temporalTarget()).build()));
    StringBuilder out = new StringBuilder("contacts " + contacts + ", placed " + placed(batchId) + ", in flight "
        + inFlight(batchId));
    String batchWorkflow = dev.vocero.workflows.calls.CallIds.batchWorkflowId(batchId);
    var history = client.fetchHistory(batchWorkflow).getHistory().getEventsList();
    out.append("; batch history tail: ");
    history.subList(Math.max(0, history.size() - 8), history.size())
        .forEach(e -> out.append(e.getEventType().name().replace("EVENT_TYPE_", "")).append(' '));
    List<Long> open = DB.jdbi().withHandle(h -> h.createQuery("select id from contacts where batch_id = :b and"
        + " status <> 'done' order by id limit 3").bind("b", batchId).mapTo(Long.class).list());
    for (long contactId : open) {
      var events = client.fetchHistory(dev.vocero.workflows.calls.CallIds.contactWorkflowId(batchId, contactId))
          .getHistory().getEventsList();
      out.append("; contact ").append(contactId).append(" tail: ");
      events.subList(Math.max(0, events.size() - 6), events.size())
          .forEach(e -> out.append(e.getEventType().name().replace("EVENT_TYPE_", "")).append(' '));
    }
    return out.toString();
  }

  private static int placed(UUID batchId) {
    return count("select count(*) from call_attempts where batch_id = :b and placed_at is not null", batchId);
  }

  private static int inFlight(UUID batchId) {
    return count("select count(*) from call_attempts where batch_id = :b and placed_at is not null and ended_at is null",
        batchId);
  }

  private static int count(String sql, UUID batchId) {
    return DB.jdbi().withHandle(h -> h.createQuery(sql).bind("b", batchId).mapTo(Integer.class).one());
  }

  private static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
