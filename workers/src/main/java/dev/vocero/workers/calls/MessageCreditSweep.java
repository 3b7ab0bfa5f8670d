package dev.vocero.workers.calls;

import dev.vocero.credits.MessageCredits;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every quarter of an hour, charges the messages whose provider never sent a final status within
 * {@code credits.unconfirmedMessageHours} (see {@link MessageCredits#settleUnconfirmed}), so their held credits do not
 * stay held for ever. Idempotent: several processes may run it.
 */
public final class MessageCreditSweep implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(MessageCreditSweep.class);
  private static final Duration EVERY = Duration.ofMinutes(15);
  private static final int PAGE = 500;

  private final MessageCredits credits;
  private final Duration olderThan;
  private ScheduledExecutorService executor;

  public MessageCreditSweep(MessageCredits credits, Duration olderThan) {
    this.credits = credits;
    this.olderThan = olderThan;
  }

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vocero-message-credit-sweep");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::sweepQuietly, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Charges page after page while pages come back full; returns how many messages were charged. */
  public int sweep() {
    int total = 0;
    int charged;
    do {
      charged = credits.settleUnconfirmed(olderThan, PAGE);
      total += charged;
    } while (charged == PAGE);
    if (total > 0) {
      LOG.info("Charged {} message(s) with no final status after {} h", total, olderThan.toHours());
    }
    return total;
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("Message credit sweep failed; will try again: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
