package dev.vocero.api.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.WaveDao;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.messaging.WaveProgress;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Message waves on their own (outside a campaign) and the organisation's message log. */
public class MessageWaveService {
  static final Set<String> STATES = Set.of("pending", "processing", "sent", "delivered", "read", "failed", "cancelled",
      "received");

  private final Jdbi jdbi;
  private final MessageWaves waves;
  private final ObjectMapper json;

  public MessageWaveService(Jdbi jdbi, MessageWaves waves, ObjectMapper json) {
    this.jdbi = jdbi;
    this.waves = waves;
    this.json = json;
  }

  /** Stores the wave and starts its workflow; if the workflow cannot start, nothing stays. */
  public MessageViews.Wave create(VoceroPrincipal caller, NewWave wave) {
    check(caller, wave);
    UUID waveId = UUID.randomUUID();
    int perMinute = wave.perMinute() == null ? 60 : wave.perMinute();
    String disposition = wave.disposition() == null ? null : wave.disposition().trim().toLowerCase(Locale.ROOT);
    SharedDaos.of(jdbi).use(WaveDao.class, dao -> dao.insert(waveId, caller.orgId(), wave.name().trim(), wave.channel(),
        blank(wave.body()) ? null : wave.body(), wave.contentSid(), variables(wave), wave.batchId(), disposition,
        perMinute, caller.userId()));
    try {
      waves.start(caller.orgId(), waveId, perMinute);
    } catch (RuntimeException e) {
      SharedDaos.of(jdbi).use(WaveDao.class, dao -> dao.delete(caller.orgId(), waveId));
      throw e;
    }
    return get(caller, waveId);
  }

  public MessageViews.Wave get(VoceroPrincipal caller, UUID waveId) {
    return jdbi.withHandle(handle -> SharedDaos.attach(handle, WaveDao.class).find(caller.orgId(), waveId)
        .map(row -> MessageViews.Wave.of(row, SharedDaos.attach(handle, MessageDao.class).waveCounts(caller.orgId(), waveId)))
        .orElseThrow(() -> ApiException.notFound("Wave " + waveId)));
  }

  public WaveProgress pause(VoceroPrincipal caller, UUID id) {
    requireOwnWave(caller, id, "pause");
    return waves.pause(id);
  }

  public WaveProgress resume(VoceroPrincipal caller, UUID id) {
    requireOwnWave(caller, id, "resume");
    return waves.resume(id);
  }

  public void cancel(VoceroPrincipal caller, UUID id) {
    requireOwnWave(caller, id, "cancel");
    waves.cancel(id, "cancelled by " + caller.userId());
  }

  /** The message log, newest first; {@code phone} (with {@code region} for national numbers) and {@code state} filter. */
  public Page<MessageViews.Message> list(VoceroPrincipal caller, String phone, String region, String state,
      PageRequest page) {
    if (state != null && !STATES.contains(state)) {
      throw ApiException.invalidField("invalid_state", "state", "invalid_value", "state must be one of "
          + String.join(", ", STATES.stream().sorted().toList()) + ".");
    }
    String e164 = phone == null ? null : ConversationResource.e164(phone, region);
    return page.of(SharedDaos.of(jdbi).with(MessageDao.class,
        dao -> dao.list(caller.orgId(), e164, state, page.pageSize(), page.offset()))
        .stream().map(MessageViews.Message::of).toList());
  }

  private void check(VoceroPrincipal caller, NewWave wave) {
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
    if (SharedDaos.of(jdbi).with(BatchDao.class, dao -> dao.find(caller.orgId(), wave.batchId())).isEmpty()) {
      throw ApiException.unprocessable("unknown_batch", "Batch " + wave.batchId()
          + " does not exist in your organisation; a wave messages the contacts of one of your batches.");
    }
  }

  /** A wave of a campaign follows the campaign's windows and quotas: it is controlled through the campaign. */
  private void requireOwnWave(VoceroPrincipal caller, UUID id, String verb) {
    get(caller, id);
    SharedDaos.of(jdbi).with(WaveDao.class, dao -> dao.campaignOf(caller.orgId(), id)).ifPresent(campaign -> {
      throw ApiException.conflict("wave_in_campaign", "This wave belongs to campaign " + campaign + ", which holds and"
          + " releases it with its windows and quotas; " + verb + " the campaign instead (POST /api/v1/campaigns/"
          + campaign + "/" + verb + ").");
    });
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

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
