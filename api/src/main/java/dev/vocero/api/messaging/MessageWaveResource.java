package dev.vocero.api.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.calls.PhoneNumbers;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.WaveDao;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.messaging.WaveProgress;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** Message waves (one template to a batch's contacts) and the organisation's message log. */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageWaveResource {
  static final Set<String> STATES = Set.of("pending", "processing", "sent", "delivered", "read", "failed", "cancelled",
      "received");

  private final Jdbi jdbi;
  private final MessageWaves waves;
  private final ObjectMapper json;

  public MessageWaveResource(Jdbi jdbi, MessageWaves waves, ObjectMapper json) {
    this.jdbi = jdbi;
    this.waves = waves;
    this.json = json;
  }

  /**
   * {@code body} (with {{name}}-style contact variables) for SMS or a WhatsApp session message; {@code contentSid}
   * (an approved WhatsApp template, HX...) with {@code contentVariables} such as {"1": "{{name}}"}.
   */
  public record NewWave(@NotBlank @Size(max = 200) String name, @NotNull @Pattern(regexp = "sms|whatsapp") String channel,
      @Size(max = 1600) String body, @Pattern(regexp = "HX[0-9a-fA-F]{32}") String contentSid,
      Map<@Size(max = 20) String, @Size(max = 500) String> contentVariables, @NotNull UUID batchId,
      String disposition, @Min(1) @Max(6000) Integer perMinute) {}

  @POST
  @Path("/waves")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = MessageViews.Wave.class)))
  public Response create(@Auth VoceroPrincipal caller, @NotNull @Valid NewWave wave) {
    validate(caller, wave);
    UUID waveId = UUID.randomUUID();
    int perMinute = wave.perMinute() == null ? 60 : wave.perMinute();
    String disposition = wave.disposition() == null ? null : wave.disposition().trim().toLowerCase(Locale.ROOT);
    jdbi.useExtension(WaveDao.class, dao -> dao.insert(waveId, caller.orgId(), wave.name().trim(), wave.channel(),
        blank(wave.body()) ? null : wave.body(), wave.contentSid(), variables(wave), wave.batchId(), disposition,
        perMinute, caller.userId()));
    try {
      waves.start(caller.orgId(), waveId, perMinute);
    } catch (RuntimeException e) {
      jdbi.useExtension(WaveDao.class, dao -> dao.delete(caller.orgId(), waveId));
      throw e;
    }
    return Response.status(201).entity(view(caller.orgId(), waveId)).build();
  }

  private void validate(VoceroPrincipal caller, NewWave wave) {
    if (blank(wave.body()) && wave.contentSid() == null) {
      throw ApiException.unprocessable("missing_content",
          "Give the message text in 'body' or, for WhatsApp, an approved template in 'contentSid'.");
    }
    if (wave.contentSid() != null && !"whatsapp".equals(wave.channel())) {
      throw ApiException.unprocessable("template_needs_whatsapp",
          "'contentSid' (a WhatsApp template) can only be sent on the whatsapp channel; use 'body' for SMS.");
    }
    if (wave.disposition() != null) {
      try {
        Disposition.fromWire(wave.disposition());
      } catch (IllegalArgumentException e) {
        throw ApiException.unprocessable("invalid_disposition", "'" + wave.disposition() + "' is not a call"
            + " disposition; use one of answered_human, answered_machine, no_answer, busy, failed, canceled,"
            + " blocked_dnc, blocked_cap, window_expired, invalid_number.");
      }
    }
    if (jdbi.withExtension(BatchDao.class, dao -> dao.find(caller.orgId(), wave.batchId())).isEmpty()) {
      throw ApiException.unprocessable("unknown_batch", "Batch " + wave.batchId()
          + " does not exist in your organisation; a wave messages the contacts of one of your batches.");
    }
  }

  private String variables(NewWave wave) {
    if (wave.contentVariables() == null) {
      return null;
    }
    try {
      return json.writeValueAsString(wave.contentVariables());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @GET
  @Path("/waves/{id}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public MessageViews.Wave get(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return view(caller.orgId(), id);
  }

  @POST
  @Path("/waves/{id}/pause")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public WaveProgress pause(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    requireOwnWave(caller, id, "pause");
    return waves.pause(id);
  }

  @POST
  @Path("/waves/{id}/resume")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public WaveProgress resume(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    requireOwnWave(caller, id, "resume");
    return waves.resume(id);
  }

  @POST
  @Path("/waves/{id}/cancel")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "202", description = "Cancelling")
  public Response cancel(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    requireOwnWave(caller, id, "cancel");
    waves.cancel(id, "cancelled by " + caller.userId());
    return Response.accepted().build();
  }

  /** A wave of a campaign follows the campaign's windows and quotas: it is controlled through the campaign. */
  private void requireOwnWave(VoceroPrincipal caller, UUID id, String verb) {
    view(caller.orgId(), id);
    jdbi.withExtension(WaveDao.class, dao -> dao.campaignOf(caller.orgId(), id)).ifPresent(campaign -> {
      throw ApiException.conflict("wave_in_campaign", "This wave belongs to campaign " + campaign + ", which holds and"
          + " releases it with its windows and quotas; " + verb + " the campaign instead (POST /api/v1/campaigns/"
          + campaign + "/" + verb + ").");
    });
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public MessageViews.MessagePage list(@Auth VoceroPrincipal caller, @QueryParam("phone") String phone,
      @QueryParam("region") String region, @QueryParam("state") String state,
      @QueryParam("page") @DefaultValue("1") int page, @QueryParam("pageSize") @DefaultValue("50") int pageSize) {
    if (page < 1 || pageSize < 1 || pageSize > 500) {
      throw ApiException.unprocessable("invalid_paging", "page must be 1 or more and pageSize between 1 and 500.");
    }
    if (state != null && !STATES.contains(state)) {
      throw ApiException.unprocessable("invalid_state", "state must be one of " + String.join(", ", STATES.stream()
          .sorted().toList()) + ".");
    }
    String e164 = phone == null ? null : ConversationResource.e164(phone, region);
    return new MessageViews.MessagePage(jdbi.withExtension(MessageDao.class,
        dao -> dao.list(caller.orgId(), e164, state, pageSize, (page - 1) * pageSize))
        .stream().map(MessageViews.Message::of).toList(), page, pageSize);
  }

  private MessageViews.Wave view(UUID orgId, UUID waveId) {
    return jdbi.withHandle(handle -> handle.attach(WaveDao.class).find(orgId, waveId)
        .map(row -> MessageViews.Wave.of(row, handle.attach(MessageDao.class).waveCounts(orgId, waveId)))
        .orElseThrow(() -> ApiException.notFound("Wave " + waveId)));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

}
