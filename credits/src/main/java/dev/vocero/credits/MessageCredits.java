package dev.vocero.credits;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.MessageRow;

import dev.vocero.domain.messaging.SmsSegments;

import dev.vocero.credits.CreditLedger.Reservation;
import dev.vocero.domain.credits.CreditPrices;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A message's credits, with the message id as the ledger reference: its price is held before it is sent (once, however
 * often the send is retried), charged when the provider reports it delivered, read or undelivered, and released when it
 * failed before reaching a carrier or was refused outright.
 *
 * <p>The charge is the price table times the provider's own segment count ({@code num_segments} of the Message
 * resource, which Twilio returns when it accepts the message), not the provider's {@code price}: that price is in a
 * currency rather than credits, Twilio fills it in only some time after delivery (status callbacks never carry it), so
 * waiting for it would need a fetch per message and a retry loop, and the price table is what the organization
 * agreed to pay per segment anyway.
 */
public final class MessageCredits {
  private final Jdbi jdbi;
  private final CreditPrices prices;

  public MessageCredits(Jdbi jdbi, CreditPrices prices) {
    this.jdbi = jdbi;
    this.prices = prices;
  }

  /** What a message costs on the price table, from its channel, template and segments. */
  public long cost(MessageRow message) {
    int segments = message.segments() != null ? message.segments()
        : "sms".equals(message.channel()) && message.body() != null ? SmsSegments.segments(message.body()) : 1;
    return prices.messageCost(message.channel(), message.contentSid() != null, segments);
  }

  public Reservation reserve(MessageRow message) {
    return new CreditLedger(jdbi).reserve(message.orgId(), message.id().toString(), cost(message));
  }

  /** The send was refused for good or gave up: nothing will reach the contact, so nothing is charged. */
  public boolean release(MessageRow message, String why) {
    return new CreditLedger(jdbi).release(message.orgId(), message.id().toString(), why);
  }

  /**
   * Applies one of Twilio's MessageStatus words inside the caller's transaction: {@code delivered}, {@code read} and
   * {@code undelivered} (Twilio bills a message its carrier could not deliver) charge the message; {@code failed}
   * (never handed to a carrier, not billed) and {@code canceled} release it; other words change nothing. Repeating a
   * status, or a later one, changes nothing either.
   */
  public void onProviderStatus(Handle handle, MessageRow message, String providerStatus) {
    String reference = message.id().toString();
    switch (providerStatus.toLowerCase(Locale.ROOT)) {
      case "delivered", "read", "undelivered" -> CreditLedger.settleIn(handle, message.orgId(), reference,
          cost(message), describe(message, providerStatus));
      case "failed", "canceled" -> CreditLedger.releaseIn(handle, message.orgId(), reference,
          "message " + providerStatus.toLowerCase(Locale.ROOT) + " before reaching a carrier");
      default -> { }
    }
  }

  private static String describe(MessageRow message, String status) {
    String what = CreditPrices.SMS.equals(message.channel())
        ? "sms of " + (message.segments() == null ? 1 : message.segments()) + " segment(s)"
        : message.contentSid() != null ? "whatsapp template" : "whatsapp message";
    return what + ", " + status.toLowerCase(Locale.ROOT);
  }

  /**
   * Charges messages the provider took but never reported on: some carriers send no delivery receipt, and the price
   * held for them would otherwise stay held for ever. A message still {@code processing} or {@code sent} this long after
   * its last change, with its price held and neither charged nor released, is charged as sent (the provider bills a
   * message it accepted). Returns how many were charged; at most {@code limit} per call.
   */
  public int settleUnconfirmed(Duration olderThan, int limit) {
    List<UUID> ids = jdbi.withHandle(handle -> handle.createQuery("""
        select m.id from messages m
        join credit_ledger r on r.org_id = m.org_id and r.kind = 'reserve' and r.reference = m.id::text
        where m.direction = 'outbound' and m.provider_sid is not null and m.state in ('processing', 'sent')
          and m.updated_at < now() - make_interval(secs => :seconds)
          and not exists (select 1 from credit_ledger d where d.org_id = m.org_id and d.reference = r.reference
                          and d.kind in ('settle', 'release'))
        order by m.updated_at limit :limit""")
        .bind("seconds", (double) olderThan.toSeconds())
        .bind("limit", limit)
        .mapTo(UUID.class)
        .list());
    int charged = 0;
    for (UUID id : ids) {
      charged += jdbi.inTransaction(handle -> SharedDaos.attach(handle, MessageDao.class).findById(id)
          .map(message -> CreditLedger.settleIn(handle, message.orgId(), message.id().toString(), cost(message),
              "no final status from the provider after " + olderThan.toHours() + " h: charged as sent").reserved()
              ? 1 : 0)
          .orElse(0));
    }
    return charged;
  }
}
