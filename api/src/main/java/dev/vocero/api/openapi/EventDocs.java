package dev.vocero.api.openapi;

import dev.vocero.api.alerts.EventViews;
import dev.vocero.store.alerts.WebhookRow;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Documents what webhooks receive: one OpenAPI 3.1 {@code webhooks} entry and one event schema per event type. */
final class EventDocs {
  private static final Map<String, Class<?>> DATA = new LinkedHashMap<>();

  static {
    DATA.put(WebhookRow.ALERT_RAISED, EventViews.AlertRaised.class);
    DATA.put(WebhookRow.CALL_COMPLETED, EventViews.CallCompleted.class);
    DATA.put(WebhookRow.BATCH_COMPLETED, EventViews.BatchCompleted.class);
    DATA.put(WebhookRow.CAMPAIGN_DAY_COMPLETED, EventViews.CampaignDayCompleted.class);
    DATA.put(WebhookRow.CAMPAIGN_PAUSED, EventViews.CampaignPaused.class);
    DATA.put(WebhookRow.MESSAGE_STATUS, EventViews.MessageStatus.class);
    DATA.put(WebhookRow.AUDIO_COMPLETED, EventViews.AudioCompleted.class);
  }

  private EventDocs() {}

  static void apply(OpenAPI document) {
    if (!DATA.keySet().equals(new LinkedHashSet<>(WebhookRow.EVENT_TYPES))) {
      throw new IllegalStateException("every event type needs its documented data: " + WebhookRow.EVENT_TYPES);
    }
    DATA.forEach((type, data) -> {
      ModelConverters.getInstance(true).readAll(new AnnotatedType(data)).forEach(document.getComponents()::addSchemas);
      String dataName = "EventViews." + data.getSimpleName();
      String eventName = data.getSimpleName() + "Event";
      document.getComponents().addSchemas(eventName, envelope(type, dataName));
      document.addWebhooks(type, new PathItem().post(new Operation()
          .operationId("event_" + type.replace('.', '_'))
          .summary(document.getComponents().getSchemas().get(dataName).getDescription())
          .description("POSTed to every enabled webhook subscribed to `" + type + "`, signed in `Vocero-Signature`"
              + " (`t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">`), with `Vocero-Event: " + type + "` and"
              + " `Vocero-Delivery: <delivery id>`. Answer 2xx; 408, 429 and 5xx are retried for about 7 hours."
              + " The same event (a retry or a replay) carries the same `id`: deduplicate on it.")
          .requestBody(new RequestBody().required(true).content(new Content().addMediaType(
              jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
              new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + eventName)))))
          .responses(new ApiResponses().addApiResponse("2XX", new ApiResponse().description("Received")))));
    });
  }

  private static Schema<?> envelope(String type, String dataName) {
    Schema<?> schema = new JsonSchema().types(Set.of("object"))
        .description("The `" + type + "` event as a webhook receives it.")
        .required(List.of("id", "type", "created", "data"));
    schema.addProperty("id", new JsonSchema().types(Set.of("string")).format("uuid")
        .description("The event's stable id: the same on every retry and replay."));
    schema.addProperty("type", new JsonSchema().types(Set.of("string"))._const(type));
    schema.addProperty("created", new JsonSchema().types(Set.of("integer")).format("int64")
        .description("When Vocero recorded the event, in Unix seconds."));
    if (!WebhookRow.ALERT_RAISED.equals(type)) { // alert.raised keeps its 1.0 shape
      schema.addProperty("occurredAt", new JsonSchema().types(Set.of("string")).format("date-time")
          .description("When the fact became true."));
      schema.addProperty("organizationId", new JsonSchema().types(Set.of("string")).format("uuid"));
      schema.setRequired(List.of("id", "type", "created", "occurredAt", "organizationId", "data"));
    }
    schema.addProperty("data", new JsonSchema().$ref("#/components/schemas/" + dataName));
    return schema;
  }
}
