package dev.vocero.api.calls;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.domain.phones.PhoneNumbers;
import dev.vocero.store.calls.ProviderEventDao;
import dev.vocero.workflows.calls.ProviderEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a verified Twilio call status callback does, whichever path served it ({@link TwilioStatusFilter} or
 * {@link TwilioWebhookResource}): stored by {@link StatusIntake} (group commit), then, for a terminal status only,
 * signalled after the answer on {@link EventDelivery}'s pool. A stored event is never lost: the relay retries it.
 */
public final class TwilioStatusCallbacks {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhookResource.class); // the logger it always had
  private static final Set<String> PHONE_FIELDS = Set.of("To", "From", "Called", "Caller");

  private final TelephonyWebhooks webhooks;
  private final EventDelivery delivery;
  private final StatusIntake intake;
  private final JsonFactory json;

  public TwilioStatusCallbacks(TelephonyWebhooks webhooks, EventDelivery delivery, StatusIntake intake, ObjectMapper json) {
    this.webhooks = webhooks;
    this.delivery = delivery;
    this.intake = intake;
    this.json = json.getFactory();
  }

  /** Stores the callback's event once (a redelivery is a no-op) and returns after the commit. */
  public void receive(UUID attemptId, Map<String, String> params) {
    ProviderEvent event = webhooks.twilioStatus(attemptId, params);
    Optional<ProviderEventDao.Intake> stored = intake.store(
        new StatusIntake.Callback("twilio", event, payload(params), event.terminal(), params.get("AnsweredBy")));
    stored.ifPresent(row -> {
      if ("orphan".equals(row.state())) {
        LOG.warn("Twilio callback for an unknown call kept for audit (event {})", row.id());
      } else if (row.toSignal()) {
        delivery.deliverLater(row.id(), row.batchId(), row.contactId(), event);
      }
    });
  }

  /**
   * The raw callback, with the phone numbers masked: provider_events is an audit log, not a contact list. Written field
   * by field with a bare generator: serialising a copied map through the ObjectMapper took half the resource's time.
   */
  String payload(Map<String, String> params) {
    StringWriter out = new StringWriter(64 + 48 * params.size());
    try (JsonGenerator generator = json.createGenerator(out)) {
      generator.writeStartObject();
      for (Map.Entry<String, String> param : params.entrySet()) {
        String value = param.getValue();
        generator.writeStringField(param.getKey(), PHONE_FIELDS.contains(param.getKey()) && value != null
            ? PhoneNumbers.mask(value) : value);
      }
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
