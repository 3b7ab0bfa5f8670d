package dev.vocero.api.calls;

import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.ProviderEventDao;
import dev.vocero.workflows.calls.ProviderEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for provider status callbacks. Each webhook request hands its event to {@link #store} and waits; a
 * writer thread (two by default) takes everything queued (up to {@code maxBatch}) and stores it with ONE statement in ONE transaction
 * ({@link ProviderEventDao#intakeStatuses}), then wakes every waiting request with its own result. The request answers
 * only after that commit, so "answered 2xx" still means "durably stored"; what changes is that one commit (one WAL
 * flush) now covers every callback that arrived while the previous one was being written, instead of one each.
 *
 * <p>No timer: a batch is simply whatever is waiting when a writer is free, so a lone callback is written at once
 * and a burst forms larger batches by itself. Duplicates stay no-ops (the same key twice in one batch: the first is
 * stored, the second is answered as a redelivery once the first is), unknown attempts are stored as orphans. If the batched statement
 * fails, each callback of that batch is retried alone so one bad event cannot fail its neighbours. When the queue is
 * full or the writers are stopped, a request stores its event itself with the one-row statement.
 */
public class StatusIntake implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusIntake.class);
  private static final long WAIT_SECONDS = 10;

  /** One callback to store: {@code signal} leaves it pending for the contact workflow, otherwise it is stored delivered. */
  public record Callback(String provider, ProviderEvent event, String payload, boolean signal, String answeredBy) {}

  private record Pending(Callback callback, CompletableFuture<Optional<ProviderEventDao.Intake>> result) {}

  private final Jdbi jdbi;
  private final int maxBatch;
  private final BlockingQueue<Pending> queue;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean closed;

  /** Two writers: one batch can be committing while the next one is written. */
  public StatusIntake(Jdbi jdbi) {
    this(jdbi, 2, 500, 10_000);
  }

  /**
   * {@code writers} concurrent statements, at most {@code maxBatch} callbacks each, at most {@code queued} waiting.
   * Each batch inserts its events in key order, so two writers take the unique-index locks in the same order; should
   * two batches still deadlock (on call_attempts), PostgreSQL aborts one and its callbacks are stored one by one.
   */
  public StatusIntake(Jdbi jdbi, int writers, int maxBatch, int queued) {
    this.jdbi = jdbi;
    this.maxBatch = maxBatch;
    this.queue = new ArrayBlockingQueue<>(queued);
    for (int i = 1; i <= writers; i++) {
      Thread writer = new Thread(this::writeLoop, "vocero-status-intake-" + i);
      writer.setDaemon(true);
      writer.start();
      this.writers.add(writer);
    }
  }

  /**
   * Stores the callback once and returns what was stored, or empty for a redelivery; returns only after the commit.
   * Throws a 503 {@link ApiException} if the store does not answer in time (the provider retries; a retry of an event
   * that was stored after all is a no-op).
   */
  public Optional<ProviderEventDao.Intake> store(Callback callback) {
    Pending pending = new Pending(callback, new CompletableFuture<>());
    if (closed || !queue.offer(pending)) {
      return storeOne(callback);
    }
    try {
      return pending.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    } catch (TimeoutException e) {
      LOG.warn("A status callback waited more than {} s for the database; answered 503 for the provider to retry",
          WAIT_SECONDS);
      throw unavailable();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static ApiException unavailable() {
    return ApiException.unavailable("intake_busy",
        "The callback could not be stored in time. Send it again; an event stored once is never stored twice.",
        Duration.ofSeconds(1));
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    try (OwnHandle own = new OwnHandle()) {
      writeLoop(batch, own);
    }
  }

  private void writeLoop(List<Pending> batch, OwnHandle own) {
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          own.close(); // idle: give the connection back; a busy writer keeps its own
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        write(batch, own);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        batch.forEach(p -> p.result().completeExceptionally(e)); // only if write itself broke; never leave one waiting
      } finally {
        batch.clear();
      }
    }
  }

  /** One statement for the batch; if it fails, each callback alone, so the failure stays with the one that caused it. */
  private void write(List<Pending> batch, OwnHandle own) {
    Map<String, Pending> byKey = new TreeMap<>(); // key order: the lock order of the inserts
    for (Pending p : batch) {
      String key = p.callback().provider() + '\u0000' + p.callback().event().eventKey();
      Pending first = byKey.putIfAbsent(key, p);
      if (first != null) { // the same event twice at once: the second is a redelivery, if the first is stored
        first.result().whenComplete((stored, failure) -> {
          if (failure == null) {
            p.result().complete(Optional.empty());
          } else {
            p.result().completeExceptionally(failure);
          }
        });
      }
    }
    List<Pending> unique = new ArrayList<>(byKey.values());
    List<ProviderEventDao.BatchIntake> rows;
    try {
      rows = storeAll(unique, own.dao());
    } catch (RuntimeException e) {
      own.close(); // a fresh connection for the next batch, in case this one is broken
      LOG.warn("A batch of {} status callbacks failed ({}); storing them one by one", unique.size(),
          e.getClass().getSimpleName());
      for (Pending p : unique) {
        try {
          p.result().complete(storeOne(p.callback()));
        } catch (RuntimeException one) {
          p.result().completeExceptionally(one);
        }
      }
      return;
    }
    ProviderEventDao.Intake[] byPosition = new ProviderEventDao.Intake[unique.size()];
    for (ProviderEventDao.BatchIntake row : rows) {
      byPosition[row.n() - 1] = row.intake();
    }
    for (int i = 0; i < unique.size(); i++) {
      unique.get(i).result().complete(Optional.ofNullable(byPosition[i]));
    }
  }

  private static List<ProviderEventDao.BatchIntake> storeAll(List<Pending> batch, ProviderEventDao dao) {
    int size = batch.size();
    String[] provider = new String[size];
    String[] eventKey = new String[size];
    UUID[] attemptId = new UUID[size];
    String[] providerCallId = new String[size];
    Integer[] sequence = new Integer[size];
    String[] status = new String[size];
    Boolean[] terminal = new Boolean[size];
    String[] disposition = new String[size];
    String[] payload = new String[size];
    Boolean[] signal = new Boolean[size];
    String[] answeredBy = new String[size];
    Integer[] duration = new Integer[size];
    for (int i = 0; i < size; i++) {
      Callback c = batch.get(i).callback();
      ProviderEvent e = c.event();
      provider[i] = c.provider();
      eventKey[i] = e.eventKey();
      attemptId[i] = e.attemptId();
      providerCallId[i] = e.providerCallId();
      sequence[i] = e.sequence();
      status[i] = e.status();
      terminal[i] = e.terminal();
      disposition[i] = e.disposition() == null ? null : e.disposition().wire();
      payload[i] = c.payload();
      signal[i] = c.signal();
      answeredBy[i] = c.answeredBy();
      duration[i] = e.durationSeconds() == null ? null : e.durationSeconds().intValue();
    }
    return dao.intakeStatuses(provider, eventKey, attemptId, providerCallId, sequence, status, terminal, disposition,
        payload, signal, answeredBy, duration);
  }

  private Optional<ProviderEventDao.Intake> storeOne(Callback c) {
    ProviderEvent e = c.event();
    return SharedDaos.of(jdbi).with(ProviderEventDao.class, dao -> dao.intakeStatus(c.provider(), e.eventKey(), e.attemptId(),
        e.providerCallId(), e.sequence(), e.status(), e.terminal(), e.disposition() == null ? null : e.disposition().wire(),
        c.payload(), c.signal(), c.answeredBy(), e.durationSeconds() == null ? null : e.durationSeconds().intValue()));
  }

  /**
   * A writer's own handle (one pooled connection, autocommit: each statement is its own transaction), kept from batch
   * to batch: opening a handle and attaching the DAO for every batch cost the writer more CPU than the statement's
   * round trip. Opened on first use, given back after a failed batch or 100 ms without callbacks.
   */
  private final class OwnHandle implements AutoCloseable {
    private Handle handle;
    private ProviderEventDao dao;

    ProviderEventDao dao() {
      if (handle == null) {
        handle = jdbi.open();
        dao = SharedDaos.attach(handle, ProviderEventDao.class);
      }
      return dao;
    }

    @Override
    public void close() {
      if (handle != null) {
        try {
          handle.close();
        } catch (RuntimeException e) {
          LOG.debug("Closing a status-intake connection failed: {}", e.getClass().getSimpleName());
        }
        handle = null;
        dao = null;
      }
    }
  }

  /** Lets the writers store what is queued (a few seconds at most); later callbacks store themselves one by one. */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Thread writer : writers) {
      writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
  }
}
